"""The emulator is the spec's strict double: every answer of every operation it implements fits
the published spec's response schema with no property more (`additionalProperties: false` forced
onto every typed object, through `$ref` and `allOf`), and answers the spec leaves untyped carry
only the keys the emulator DECIDED (docs/design.md). The spec comes from `DATADDO_OPENAPI_SPEC`.
"""

import re
from typing import Any

import requests
from jsonschema import Draft4Validator  # type: ignore[import-untyped]

from dataddo_emulator.catalog import catalog
from dataddo_emulator.redaction import without_secrets
from dataddo_emulator.routekeys import RouteTable
from dataddo_emulator.routes.deps import API_PREFIX
from dataddo_emulator.testing import RunningEmulator
from tests.emulator.bodies import full_body, minimal_body
from tests.emulator.conftest import SNAPCHAT_FORM, Api

Schema = dict[str, Any]
Call = tuple[str, str, Any, requests.Response]  # method, path, request body, answer

# The docs' refresh form is not in the spec: its answer is the spec form's.
NOT_IN_SPEC = {("POST", "/refresh"): "SecurityDto"}
# DECIDED keys of the answers the spec leaves untyped, by operation; "request": the keys of the
# create-source request (less secret-like ones), as a source's metadata.
UNTYPED: dict[tuple[str, str], frozenset[str] | str] = {
    ("POST", "/services"): frozenset({"id"}),
    ("GET", "/services/{id}"): frozenset({"id"}),
    ("PUT", "/services/{id}"): frozenset({"id"}),
    ("GET", "/sources/{id}/metadata"): "request",
    ("POST", "/connectors/{connectorName}/create-source"): frozenset(
        {"id", "label", "description", "type", "customer_id", "created"}
    ),
    ("GET", "/connectors/{connectorName}/actions/{action}"): frozenset({"id", "service", "email"}),
    ("PUT", "/flows/{id}/write/settings"): frozenset(),
}
# Answers the spec leaves untyped that NOTES.md types: they are checked against that schema.
DESTINATION = {"$ref": "#/components/schemas/Destination"}
TYPED_BY_NOTES: dict[tuple[str, str], Schema] = {
    ("GET", "/destinations"): {"type": "array", "items": DESTINATION},
    ("GET", "/destinations/{id}"): DESTINATION,
    ("PUT", "/destinations/{id}"): DESTINATION,
}


class Spec:
    """The spec's operations, matched by concrete path (literal segments win), and its
    response schemas made strict."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.schemas: dict[str, Schema] = document["components"]["schemas"]
        self.operations = [
            (
                method.upper(),
                template,
                re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))),
                operation,
            )
            for template, item in document["paths"].items()
            for method, operation in item.items()
        ]
        self.operations.sort(key=lambda op: op[1].count("{"))

    def operation(self, method: str, path: str) -> tuple[str, Schema]:
        found = [
            (t, op)
            for m, t, pattern, op in self.operations
            if m == method and pattern.fullmatch(path)
        ]
        assert found, f"{method} {path}: not in the spec"
        return found[0]

    def response(self, operation: Schema, status: int) -> Schema | None:
        declared = operation["responses"].get(str(status))
        assert declared is not None, f"status {status} is not one of {list(operation['responses'])}"
        schema: Schema | None = (
            declared.get("content", {}).get("application/json", {}).get("schema")
        )
        return schema

    def strict(self, schema: Schema) -> Schema:
        """`schema` self-contained, as JSON Schema (nullable as a null type), every object that
        declares properties closed to others."""
        if "$ref" in schema:
            return self.strict(self.schemas[schema["$ref"].rsplit("/", 1)[-1]] | _extra(schema))
        converted: Schema
        if "allOf" in schema:
            parts = [self.strict(part) for part in schema["allOf"]]
            properties = {k: v for part in parts for k, v in part.get("properties", {}).items()}
            converted = self.strict({**_extra(schema), "type": "object", "properties": {}})
            converted["properties"] = properties
            converted["additionalProperties"] = not properties
        elif "oneOf" in schema:
            converted = {"anyOf": [self.strict(part) for part in schema["oneOf"]]}
        else:
            converted = {k: v for k, v in schema.items() if k in ("type", "enum", "format")}
            if "properties" in schema:
                converted["properties"] = {
                    k: self.strict(v) for k, v in schema["properties"].items()
                }
                converted["additionalProperties"] = False
            if isinstance(schema.get("additionalProperties"), dict):
                converted["additionalProperties"] = self.strict(schema["additionalProperties"])
            if "items" in schema:
                converted["items"] = self.strict(schema["items"])
        if schema.get("nullable"):
            converted = {"anyOf": [converted, {"type": "null"}]}
        return converted


def _extra(schema: Schema) -> Schema:
    return {"nullable": True} if schema.get("nullable") else {}


def _untyped(schema: Schema) -> bool:
    """An object answer (or list of them) whose schema names no property."""
    if schema.get("type") == "array":
        return _untyped(schema.get("items", {})) or schema.get("items") == {}
    return schema.get("type") == "object" and not schema.get("properties") and "allOf" not in schema


class RecordingApi(Api):
    """An Api that keeps every call and its answer."""

    def __init__(self, url: str, token: str | None, log: list[Call]) -> None:
        super().__init__(url, token)
        self.log = log

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        response = super().request(method, path, **kwargs)
        self.log.append((method, path, kwargs.get("json"), response))
        return response


def _services(api: Api) -> None:
    seed = {"service": "snapchat_static", "data": {"staticKey": "k", "clientId": "c"}}
    service_id = api.call("POST", "/services", json=seed)["id"]
    api.call("POST", "/services", json={"serviceName": "s3", "config": {"label": "S3"}})
    typed = [name for name, ways in catalog().services.items() if ways["typed"]]
    for name in typed:
        api.call("POST", f"/services/{name}", json={"service": name, "data": {"label": name}})
    api.call("GET", "/services")
    api.call("GET", f"/services/{service_id}")
    api.call("PUT", f"/services/{service_id}", json={"label": "Snap", "config": {"clientId": "d"}})
    api.call("GET", f"/services/{service_id}/debug")
    api.call("DELETE", f"/services/{api.service('s3', k='v')}", 204)


def _connectors(api: Api) -> dict[str, str]:
    """Every connector's listing, authorization, actions, templates and a source; the sources
    by id with their create requests."""
    api.call("GET", "/connectors")
    created = {}
    for connector_id, connector in catalog().connectors.items():
        service_id = api.service(sorted(connector.services)[0], k="v")
        api.call("GET", f"/connectors/{connector_id}/actions/authorization")
        api.call("GET", f"/connectors/{connector_id}/templates")
        for action, fields in connector.actions.items():
            body = {field: "x" for field in fields} | {"oAuthId": str(service_id)}
            api.call("POST", f"/connectors/{connector_id}/actions/{action}", json=body)
        source = api.call(
            "POST",
            f"/connectors/{connector_id}/create-source",
            json=minimal_body(connector_id, service_id),
        )
        created[source["id"]] = connector_id
    return created


def _sources(api: Api, source_id: str, other_id: str) -> None:
    api.call("GET", "/sources")
    api.call("GET", f"/sources/{source_id}")
    api.call("PUT", f"/sources/{source_id}", json={"label": "Renamed", "description": "d"})
    api.call("GET", f"/sources/{source_id}/metadata")
    api.call("GET", f"/sources/{source_id}/extraction/schedule")
    schedule = {"sync_frequency": "week", "dayOfWeek": "1", "dayOfMonth": None, "hour": "4"}
    api.call("PUT", f"/sources/{source_id}/extraction/schedule", json=schedule)
    api.call("GET", f"/sources/{source_id}/status")
    api.call("DELETE", f"/sources/{other_id}", 204)


def _destinations(api: Api) -> str:
    """Every destination type's create (every field of its form) and write modes; the
    destination reads, update and delete. A destination's id."""
    created = []
    for name, destination in catalog().destinations.items():
        service_id = api.service(sorted(destination.services)[0], k="v")
        body = full_body(name, service_id)
        created.append(api.call("POST", f"/destinations/{name}", json=body)["id"])
        api.call("POST", f"/destinations/{name}/actions/writeModes", json={"writeMode": "insert"})
    api.call("GET", "/destinations")
    api.call("GET", f"/destinations/{created[0]}")
    api.call("PUT", f"/destinations/{created[0]}", json={"label": "Renamed"})
    api.call("DELETE", f"/destinations/{created[-1]}", 204)
    return created[0]


def _flows(api: Api, first: str, second: str, destination: str) -> None:
    seed_flow = {"sources": [first], "app": "google_data_studio", "label": "GDS Flow"}
    flow = api.call("POST", "/flows", json=seed_flow)["id"]
    spec_flow = api.call("POST", "/flows", json={"source": [{"source_id": second}]})["id"]
    into = {"sources": [first], "destinationId": destination, "label": "Into the warehouse"}
    writing = api.call("POST", "/flows", json=into)["id"]
    settings = {"write_mode": "upsert", "unique_columns": ["id"]}
    api.call("PUT", f"/flows/{writing}/write/settings", json=settings)
    api.call("GET", "/flows")
    api.call("GET", f"/flows/{flow}")
    api.call("GET", f"/flows/{writing}")
    api.call("PUT", f"/flows/{flow}", json={"label": "Renamed", "sources": [first, second]})
    api.call("PUT", f"/flows/{spec_flow}", json={"source": [{"source_id": first}]})
    api.call("GET", f"/flows/by-source/{first}")
    api.call("DELETE", f"/flows/{spec_flow}", 204)


def _scenario(server: RunningEmulator, log: list[Call]) -> None:
    """Every operation the emulator implements, each at least once with a success."""
    anonymous = RecordingApi(server.url, None, log)
    tokens = anonymous.call("POST", "/auth", json={"email": "demo@example.com", "password": "demo"})
    refresh = {"refresh_token": tokens["refresh_token"]}
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    anonymous.call("POST", "/refresh", json=refresh, headers=bearer)
    realm = {"X-Realm-Id": str(tokens["realm_id"]), "X-Provider": tokens["provider"]}
    anonymous.call("GET", "/refresh", headers={"X-Refresh-Token": tokens["refresh_token"], **realm})
    api = RecordingApi(server.url, tokens["access_token"], log)
    _services(api)
    sources = list(_connectors(api))
    snapchat = api.call(
        "POST",
        "/connectors/snapchat/create-source",
        json={**SNAPCHAT_FORM, "oAuthId": str(api.service())},
    )["id"]
    _sources(api, snapchat, sources[-1])
    _flows(api, snapchat, sources[0], _destinations(api))


def _decided_problems(
    decided: frozenset[str] | str, answer: Any, requests_by_source: dict[str, Any], path: str
) -> list[str]:
    if decided == "request":
        expected = without_secrets(requests_by_source[path.split("/")[2]])
        return [] if answer == expected else [f"{answer} is not the create request {expected}"]
    items = answer if isinstance(answer, list) else [answer]
    return [
        f"keys {sorted(set(item) - decided)} are not DECIDED"
        for item in items
        if not set(item) <= decided
    ]


def test_every_answer_fits_the_spec_strictly(
    server: RunningEmulator, openapi: dict[str, Any]
) -> None:
    spec = Spec(openapi)
    log: list[Call] = []
    _scenario(server, log)
    creates = {
        response.json()["id"]: body
        for method, path, body, response in log
        if method == "POST" and path.endswith("/create-source")
    }
    ours = RouteTable(server.http.get(f"{server.root}/openapi.json").json()["paths"], API_PREFIX)
    exercised, problems = set(), []
    for method, path, _, response in log:
        exercised.add(ours.match(method, API_PREFIX + path))
        assert 200 <= response.status_code < 300, (method, path, response.text)
        if (method, path) in NOT_IN_SPEC:
            template, schema = path, {"$ref": f"#/components/schemas/{NOT_IN_SPEC[method, path]}"}
        else:
            template, operation = spec.operation(method, path)
            schema = spec.response(operation, response.status_code) or {}
            schema = TYPED_BY_NOTES.get((method, template), schema)
        if not schema:
            assert not response.content, f"{method} {path}: a body where the spec declares none"
            continue
        answer = response.json()
        validator = Draft4Validator(spec.strict(schema))
        found = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(answer)]
        if _untyped(spec.strict(schema)):
            decided = UNTYPED.get((method, template))
            assert decided is not None, f"{method} {template}: untyped, and no DECIDED keys"
            found += _decided_problems(decided, answer, creates, path)
        problems += [f"{method} {path} ({template}): {p}" for p in found]
    assert problems == []
    assert exercised == ours.keys  # every operation was checked
