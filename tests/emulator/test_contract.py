"""The emulator's answers against the response schemas of the published OpenAPI spec.

A scenario calls every operation the emulator implements; each successful answer is
validated against the spec's schema for that operation and status. Where the spec has both a
connector-specific path (`/connectors/snapchat/create-source`) and the generic one
(`/connectors/{connectorName}/create-source`), the generic one is used. The spec is read from
`DATADDO_OPENAPI_SPEC` (default: ../shared/api/ beside the repository), never copied.
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml
from jsonschema import Draft4Validator  # type: ignore[import-untyped]

from dataddo_emulator.routekeys import RouteTable
from dataddo_emulator.routes.deps import API_PREFIX
from dataddo_emulator.testing import RunningEmulator
from tests.emulator.conftest import SNAPCHAT_FORM, Api

REPO = Path(__file__).resolve().parents[2]
SPEC = Path(
    os.environ.get(
        "DATADDO_OPENAPI_SPEC", REPO.parent / "shared" / "api" / "dataddo-headless-openapi.yaml"
    )
)
# Operations the emulator serves that the spec does not have (the docs do).
NOT_IN_SPEC = {"POST /customer-api/v1/refresh"}

Recorded = tuple[str, str, requests.Response]


def _openapi_30_to_jsonschema(schema: Any) -> Any:
    """OpenAPI 3.0's `nullable: true` as JSON Schema's null type, recursively."""
    if isinstance(schema, list):
        return [_openapi_30_to_jsonschema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {k: _openapi_30_to_jsonschema(v) for k, v in schema.items() if k != "nullable"}
    if schema.get("nullable") is True:
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


class Spec:
    """The spec's operations, matched by concrete path; generic templates win."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.components = _openapi_30_to_jsonschema(document["components"])
        self.operations = []
        for template, item in document["paths"].items():
            pattern = re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)))
            for method, operation in item.items():
                if isinstance(operation, dict) and "responses" in operation:
                    self.operations.append((method.upper(), template, pattern, operation))

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any]] | None:
        found = [
            (template, operation)
            for op_method, template, pattern, operation in self.operations
            if op_method == method and pattern.fullmatch(path)
        ]
        found.sort(key=lambda match: match[0].count("{"), reverse=True)
        return found[0] if found else None

    def problems(self, operation: dict[str, Any], response: requests.Response) -> list[str]:
        """Why the response does not fit the operation's declared response; [] when it does."""
        declared = operation["responses"].get(str(response.status_code))
        if declared is None:
            return [f"status {response.status_code} is not one of {list(operation['responses'])}"]
        content = declared.get("content", {}).get("application/json")
        if content is None:
            return [] if not response.content else ["a body where the spec declares none"]
        schema = _openapi_30_to_jsonschema(content["schema"])
        validator = Draft4Validator({"components": self.components, "allOf": [schema]})
        return [
            f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(response.json())
        ]


@pytest.fixture(scope="module")
def spec() -> Spec:
    if not SPEC.exists():
        pytest.skip(f"the published spec is not at {SPEC}; set DATADDO_OPENAPI_SPEC")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with SPEC.open(encoding="utf-8") as stream:
        return Spec(yaml.load(stream, Loader=loader))


class RecordingApi(Api):
    """An Api that keeps every response."""

    def __init__(self, url: str, token: str | None, log: list[Recorded]) -> None:
        super().__init__(url, token)
        self.log = log

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        response = super().request(method, path, **kwargs)
        self.log.append((method, path, response))
        return response


def _scenario(server: RunningEmulator, log: list[Recorded]) -> Iterator[None]:
    """Every implemented operation, at least once with a success."""
    server.settings(live_after=0.2)
    anonymous = RecordingApi(server.url, None, log)
    tokens = anonymous.call("POST", "/auth", json={"email": "demo@example.com", "password": "demo"})
    anonymous.call("POST", "/refresh", json={"refresh_token": tokens["refresh_token"]})
    anonymous.call("GET", "/refresh", headers={"X-Refresh-Token": tokens["refresh_token"]})
    api = RecordingApi(server.url, tokens["access_token"], log)
    seed = {"service": "snapchat_static", "data": {"staticKey": "k", "clientId": "c"}}
    snap = api.call("POST", "/services", json=seed)["id"]
    api.call("POST", "/services/snapchat_static", json={"staticKey": "k", "clientId": "c"})
    db = api.call("POST", "/services/mysql", json={"service": "mysql", "data": {"host": "h"}})["id"]
    api.call("GET", "/services")
    api.call("GET", f"/services/{snap}")
    api.call("PUT", f"/services/{snap}", json={"label": "Snap", "config": {"clientId": "d"}})
    api.call("GET", f"/services/{snap}/debug")
    api.call("GET", "/connectors")
    api.call("GET", "/connectors/snapchat/actions/authorization")
    orgs = api.call("POST", "/connectors/snapchat/actions/organization", json={"oAuthId": snap})
    body = {"oAuthId": str(snap), "organizationId": orgs[0]["value"]}
    api.call("POST", "/connectors/snapchat/actions/account", json=body)
    api.call("GET", "/connectors/snapchat/templates")
    source = api.call(
        "POST", "/connectors/snapchat/create-source", json={**SNAPCHAT_FORM, "oAuthId": snap}
    )["id"]
    mysql = {"o_auth_id": db, "label": "DB", "statement": "SELECT 1"}
    other = api.call("POST", "/connectors/mysql/create-source", json=mysql)["id"]
    api.call("GET", "/sources")
    api.call("GET", f"/sources/{source}")
    api.call("PUT", f"/sources/{source}", json={"label": "Renamed", "description": "d"})
    api.call("GET", f"/sources/{source}/metadata")
    api.call("GET", f"/sources/{source}/extraction/schedule")
    schedule = {"sync_frequency": "week", "dayOfWeek": "1", "dayOfMonth": None, "hour": "4"}
    api.call("PUT", f"/sources/{source}/extraction/schedule", json=schedule)
    api.call("GET", f"/sources/{source}/status")
    yield  # a pause for the source to turn live
    api.call("GET", f"/sources/{source}/status")
    seed_flow = {"sources": [source], "app": "google_data_studio", "label": "GDS Flow"}
    flow = api.call("POST", "/flows", json=seed_flow)["id"]
    spec_flow = api.call("POST", "/flows", json={"source": [{"source_id": other}]})["id"]
    api.call("GET", "/flows")
    api.call("GET", f"/flows/{flow}")
    api.call("PUT", f"/flows/{flow}", json={"label": "Renamed", "sources": [source, other]})
    api.call("GET", f"/flows/by-source/{source}")
    for path in (f"/flows/{flow}", f"/flows/{spec_flow}", f"/sources/{other}", f"/services/{db}"):
        api.call("DELETE", path, 204)


def test_answers_fit_the_published_spec(server: RunningEmulator, spec: Spec) -> None:
    log: list[Recorded] = []
    steps = _scenario(server, log)
    next(steps)
    server.settings(live_after=0)
    next(steps, None)

    ours = RouteTable(server.http.get(f"{server.root}/openapi.json").json()["paths"], API_PREFIX)
    exercised, problems = set(), []
    for method, path, response in log:
        exercised.add(ours.match(method, API_PREFIX + path))
        assert 200 <= response.status_code < 300, (method, path, response.text)
        found = spec.operation(method, path)
        if found is None:
            assert f"{method} {API_PREFIX}{path}" in NOT_IN_SPEC, (
                f"{method} {path}: not in the spec"
            )
            continue
        template, operation = found
        problems += [
            f"{method} {path} ({template}): {p}" for p in spec.problems(operation, response)
        ]
    assert problems == []
    assert exercised == ours.keys  # every operation was checked
