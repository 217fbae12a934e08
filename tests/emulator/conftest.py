"""Fixtures for the emulator's tests: one real server process for the session, reset before
every test, and logged-in clients for two customers."""

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from dataddo_emulator.catalog import catalog
from dataddo_emulator.testing import RunningEmulator, running_emulator
from tests.seed import SNAPCHAT_FIELDS

OTHER_USER = ("other@example.com", "other-password")
# The create-source body of a Snapchat source, less its service (`oAuthId`).
SNAPCHAT_FORM: dict[str, Any] = {
    "connectorId": "snapchat",
    "templateId": "index",
    "label": "Snapchat Insights",
    "strategy": "incremental",
    **SNAPCHAT_FIELDS,
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

    def service_item(self, service_id: int) -> dict[str, Any]:
        """A service as the list shows it (its label and type are read there only)."""
        [item] = [s for s in self.call("GET", "/services") if s["id"] == service_id]
        found: dict[str, Any] = item
        return found

    def source(self, service_id: int | None = None, /, **fields: Any) -> str:
        service_id = service_id if service_id is not None else self.service()
        body = {**SNAPCHAT_FORM, "oAuthId": str(service_id), **fields}
        return str(self.call("POST", "/connectors/snapchat/create-source", json=body)["id"])

    def flow(
        self,
        *source_ids: str,
        app: str | None = "google_data_studio",
        destination_id: str | None = None,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"sources": list(source_ids) or [self.source()], "label": "F"}
        if app is not None:
            body["app"] = app
        if destination_id is not None:
            body["destinationId"] = destination_id
        created: dict[str, Any] = self.call("POST", "/flows", json=body)
        return created

    def destination(
        self, destination_type: str = "pgsql", service_id: int | None = None, **fields: Any
    ) -> dict[str, Any]:
        """A destination of the type (a `pgsql` warehouse by default) on a fitting service."""
        if service_id is None:
            service_id = self.service(sorted(catalog().destinations[destination_type].services)[0])
        body = {"label": "Warehouse", "o_auth_id": service_id, **fields}
        created: dict[str, Any] = self.call("POST", f"/destinations/{destination_type}", json=body)
        return created


def raw_exchange(server: RunningEmulator, request: bytes) -> tuple[int, dict[str, str]]:
    """Send bytes as they are (a request `requests` would not send) and read the answer's
    status and headers."""
    host, port = server.root.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(request)
        received = b""
        while b"\r\n\r\n" not in received and (chunk := sock.recv(65536)):
            received += chunk
    status_line, *lines = received.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return int(status_line.split(" ")[1]), {k.lower(): v for k, v in headers.items()}


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
