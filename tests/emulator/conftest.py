"""Fixtures for the emulator's tests: one real server process for the session, reset before
every test, and logged-in clients for two customers."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from dataddo_emulator.testing import RunningEmulator, running_emulator

OTHER_USER = ("other@example.com", "other-password")

SNAPCHAT_FORM: dict[str, Any] = {
    "connectorId": "snapchat",
    "templateId": "index",
    "organizationId": "org-1",
    "accountId": "acc-1",
    "label": "Snapchat Insights",
    "breakdown": "campaign",
    "metrics": ["spend", "impressions"],
    "labels": ["stats_id", "stats_type"],
    "action_report_time": "conversion",
    "swipe_up_attribution_window": "28_DAY",
    "view_attribution_window": "1_DAY",
    "dateRange": "{{30d1}}",
    "strategy": "incremental",
}


class Api:
    """A client of one customer: `call` checks the status and returns the JSON answer."""

    def __init__(self, url: str, token: str | None) -> None:
        self.url = url
        self.session = requests.Session()
        self.session.trust_env = False
        if token is not None:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.session.request(method, self.url + path, timeout=30, **kwargs)

    def call(self, method: str, path: str, expected: int = 200, **kwargs: Any) -> Any:
        response = self.request(method, path, **kwargs)
        assert response.status_code == expected, (response.status_code, response.text)
        return response.json() if response.content else None

    def error(self, method: str, path: str, expected: int, **kwargs: Any) -> dict[str, Any]:
        """An error answer: checks the status and the error format."""
        body: dict[str, Any] = self.call(method, path, expected, **kwargs)
        assert set(body) == {"message", "errors"}, body
        assert isinstance(body["message"], str)
        assert body["message"]
        assert all(
            isinstance(reasons, list) and all(isinstance(r, str) for r in reasons)
            for reasons in body["errors"].values()
        ), body
        return body

    # Builders of the objects most tests need.

    def service(self, service: str = "snapchat_static", **config: Any) -> int:
        config = config or {"staticKey": "refresh", "clientId": "client", "clientSecret": "s"}
        created = self.call("POST", "/services", json={"serviceName": service, "config": config})
        return int(created["id"])

    def source(self, service_id: int | None = None, /, **fields: Any) -> str:
        service_id = service_id if service_id is not None else self.service()
        body = {**SNAPCHAT_FORM, "oAuthId": service_id, **fields}
        return str(self.call("POST", "/connectors/snapchat/create-source", json=body)["id"])

    def flow(self, *source_ids: str, app: str | None = "google_data_studio") -> dict[str, Any]:
        body: dict[str, Any] = {"sources": list(source_ids) or [self.source()], "label": "F"}
        if app is not None:
            body["app"] = app
        created: dict[str, Any] = self.call("POST", "/flows", json=body)
        return created


@pytest.fixture(scope="session")
def server() -> Iterator[RunningEmulator]:
    with running_emulator(users=dict([OTHER_USER])) as emulator:
        yield emulator
        assert "Traceback" not in emulator.log(), emulator.log()  # no request crashed it


@pytest.fixture(autouse=True)
def _fresh(request: pytest.FixtureRequest) -> None:
    """Every test that uses the shared server starts from an empty one."""
    if "server" in request.fixturenames:
        request.getfixturevalue("server").reset()


@pytest.fixture
def api(server: RunningEmulator) -> Api:
    """The demo customer."""
    return Api(server.url, server.login())


@pytest.fixture
def other(server: RunningEmulator) -> Api:
    """A second customer."""
    return Api(server.url, server.login(*OTHER_USER))


@pytest.fixture
def anonymous(server: RunningEmulator) -> Api:
    return Api(server.url, None)


@pytest.fixture(scope="session")
def openapi() -> dict[str, Any]:
    """The published OpenAPI spec, read from `DATADDO_OPENAPI_SPEC` (never copied into the
    repository); the test skips where it is not given."""
    path = os.environ.get("DATADDO_OPENAPI_SPEC")
    if not path or not Path(path).is_file():
        pytest.skip("the published spec is not here: set DATADDO_OPENAPI_SPEC to its file")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as stream:
        document: dict[str, Any] = yaml.load(stream, Loader=loader)
    return document
