"""Build the two catalogs from the Dataddo headless OpenAPI spec.

    .venv/bin/python tools/catalog/build.py SPEC.yaml

Writes `provider/pulumi_dataddo/catalog.json` (what the provider checks offline: connectors' and
destination types' forms, service types, apps) and
`emulator/dataddo_emulator/catalog.json` (the forms the emulator validates against, and what a
destination type's typed answer adds to `Destination`). Only facts are kept (names, required
fields, field types); the spec is never copied whole. Run it again for each spec release;
`tests/emulator/test_catalog.py` proves the committed files are its output.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
PROVIDER_CATALOG = REPO / "provider" / "pulumi_dataddo" / "catalog.json"
EMULATOR_CATALOG = REPO / "emulator" / "dataddo_emulator" / "catalog.json"

CREATE_SOURCE = re.compile(r"/connectors/([^/{]+)/create-source")
CREATE_DESTINATION = re.compile(r"/destinations/([^/{]+)")
ACTION = re.compile(r"/connectors/([^/{]+)/actions/([^/{]+)/?")
SERVICE = re.compile(r"/services/([^/{]+)(/.+)?")
# `json`, the example connectorId of `ConnectorForm`, has no path of its own: it is created
# through the generic `/connectors/{connectorName}/create-source` with `TemplateConnectorForm`.
GENERIC_CONNECTORS = {"json": "TemplateConnectorForm"}
# Fields the provider's Source fills from its own arguments, left out of its `types`; those it
# always fills are left out of `required` too (`oAuthId` and `storageStrategy` stay: the
# `oauth_id` and `strategy` arguments, or the config, must give them).
RESOURCE_FIELDS = {"oAuthId", "label", "connectorId", "templateId", "strategy"}
ALWAYS_FILLED = {"label", "connectorId", "templateId"}
# Dashboard apps a flow can expose: the spec does not list them. The seed's
# google_data_studio, and the docs' Power BI, Tableau and the other apps of the web app's list.
APPS = (
    "excel",
    "google_data_studio",
    "google_sheets",
    "looker_studio",
    "power_bi",
    "qlik",
    "tableau",
)

Schema = Mapping[str, Any]
Properties = dict[str, Schema]


class Spec:
    """The parts of the spec the catalogs are drawn from."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.paths: Mapping[str, Mapping[str, Any]] = document["paths"]
        self.schemas: Mapping[str, Schema] = document["components"]["schemas"]
        info = document.get("info", {})
        self.title = f"{info.get('title')} {info.get('version')}"

    def resolve(self, schema: Schema) -> Schema:
        """The schema a `$ref` (or a `oneOf` of one) points at."""
        if "$ref" in schema:
            return self.resolve(self.schemas[schema["$ref"].rsplit("/", 1)[-1]])
        if len(schema.get("oneOf", ())) == 1:
            return self.resolve(schema["oneOf"][0])
        return schema

    def form(self, schema: Schema) -> tuple[set[str], dict[str, Schema]]:
        """Required names and properties of an object schema, `allOf` parts merged."""
        schema = self.resolve(schema)
        required = set(schema.get("required", ()))
        properties = dict(schema.get("properties", {}))
        for part in schema.get("allOf", ()):
            part_required, part_properties = self.form(part)
            required |= part_required
            properties.update(part_properties)
        return required, properties

    def operations(self, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], str, Schema]]:
        """(path match, method, operation) of every operation on a path matching `pattern`."""
        for path, item in self.paths.items():
            if (match := pattern.fullmatch(path)) is not None:
                for method, operation in item.items():
                    yield match, method, operation


def _json_body(operation: Schema) -> Schema:
    content = operation.get("requestBody", {}).get("content", {})
    schema: Schema = content.get("application/json", {}).get("schema", {})
    return schema


def _notation(spec: Spec, prop: Schema) -> str:
    """A property's type in the emulator's notation: `string`, `integer[]`, `array`, `any`;
    a trailing `?` where null is allowed."""
    nullable = "?" if prop.get("nullable") else ""
    target = spec.resolve(prop)
    kind = target.get("type") or ("object" if "properties" in target else "any")
    if kind == "array":
        item = target.get("items", {}).get("type")
        kind = f"{item}[]" if item else "array"
    return kind + nullable


def _forms(spec: Spec) -> dict[str, tuple[set[str], dict[str, Schema]]]:
    """Every connector's create-source form: required names and properties."""
    forms = {
        name: spec.form({"$ref": f"#/components/schemas/{schema}"})
        for name, schema in GENERIC_CONNECTORS.items()
    }
    for match, _, operation in spec.operations(CREATE_SOURCE):
        forms[match.group(1)] = spec.form(_json_body(operation))
    return dict(sorted(forms.items()))


def _destinations(spec: Spec) -> dict[str, tuple[set[str], Properties, Properties]]:
    """Every destination type's create form (`POST /destinations/{type}`, a `*StorageRequest`):
    required names, properties, and the properties its typed answer (`*Destination`) adds to
    `Destination`."""
    _, common = spec.form({"$ref": "#/components/schemas/Destination"})
    forms = {}
    for match, method, operation in spec.operations(CREATE_DESTINATION):
        if method == "post":
            required, properties = spec.form(_json_body(operation))
            answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
            _, answered = spec.form(answer)
            own = {field: prop for field, prop in answered.items() if field not in common}
            forms[match.group(1)] = (required, properties, own)
    return dict(sorted(forms.items()))


def _casing(properties: Mapping[str, Schema]) -> str:
    """`snake` for the forms written in snake_case (`MysqlDto`: `connector_id`, `o_auth_id`)."""
    return "snake" if "connector_id" in properties else "camel"


def _actions(spec: Spec, connectors: Mapping[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Per connector, its actions that list a service's options (`POST` with an `oAuthId` in
    the body, answering `LabelValueResponse`), each with the names its body declares."""
    actions: dict[str, dict[str, list[str]]] = {}
    for match, method, operation in spec.operations(ACTION):
        connector, action = match.groups()
        answer = operation["responses"].get("200", {}).get("content", {})
        schema = answer.get("application/json", {}).get("schema", {})
        body = _json_body(operation)
        # some bodies are written as `additionalProperties: {properties: ...}`
        names = set(body.get("properties", {})) | set(
            body.get("additionalProperties", {}).get("properties", {})
        )
        if (
            connector in connectors
            and method == "post"
            and schema.get("$ref", "").endswith("/LabelValueResponse")
            and "oAuthId" in names
        ):
            actions.setdefault(connector, {})[action] = sorted(names)
    return actions


def _services(spec: Spec) -> dict[str, dict[str, bool]]:
    """Every service type a `/services/{name}...` path names: whether it has a typed create path
    (`POST /services/{name}`) and an OAuth flow (`/services/{name}/oauth-request-url`)."""
    services: dict[str, dict[str, bool]] = {}
    for match, method, _ in spec.operations(SERVICE):
        flags = services.setdefault(match.group(1), {"typed": False, "oauth": False})
        if match.group(2) == "/oauth-request-url":
            flags["oauth"] = True
        elif match.group(2) is None and method == "post":
            flags["typed"] = True
    return dict(sorted(services.items()))


def _service_forms(spec: Spec) -> dict[str, dict[str, str]]:
    """The config form of every service type with a typed create path (`POST
    /services/{name}`, its `data`): field -> JSON schema type (`label` left out: the Service's
    own argument)."""
    forms: dict[str, dict[str, str]] = {}
    for match, method, operation in spec.operations(SERVICE):
        data = _json_body(operation).get("properties", {}).get("data")
        if match.group(2) is None and method == "post" and data is not None:
            _, properties = spec.form(data)
            forms[match.group(1)] = {
                field: spec.resolve(prop).get("type", "object")
                for field, prop in properties.items()
                if field != "label"
            }
    return dict(sorted(forms.items()))


def build(document: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the provider's catalog, the emulator's catalog) of a spec document."""
    spec = Spec(document)
    forms = _forms(spec)
    services = _services(spec)
    destinations = _destinations(spec)
    generated_from = f"{spec.title} (tools/catalog/build.py)"
    provider = {
        "generated_from": generated_from,
        "apps": list(APPS),
        "services": list(services),
        "service_forms": _service_forms(spec),
        "connectors": {
            name: {
                "required": sorted(required - ALWAYS_FILLED),
                "types": {
                    field: prop["type"]
                    for field, prop in sorted(properties.items())
                    if "type" in prop and field not in RESOURCE_FIELDS
                },
                "casing": _casing(properties),
                "fields": sorted(properties),
            }
            for name, (required, properties) in forms.items()
        },
        "destinations": {
            name: {
                "required": sorted(required),
                "types": {field: prop.get("type", "any") for field, prop in sorted(fields.items())},
            }
            for name, (required, fields, _) in destinations.items()
        },
    }
    actions = _actions(spec, forms)
    emulator = {
        "generated_from": generated_from,
        "apps": list(APPS),
        "services": services,
        "connectors": {
            name: {
                "casing": _casing(properties),
                "required": sorted(required),
                "fields": {field: _notation(spec, p) for field, p in sorted(properties.items())},
                "actions": dict(sorted(actions.get(name, {}).items())),
            }
            for name, (required, properties) in forms.items()
        },
        "destinations": {
            name: {
                "required": sorted(required),
                "fields": {field: _notation(spec, p) for field, p in sorted(fields.items())},
                "answer": {field: _notation(spec, p) for field, p in sorted(answer.items())},
            }
            for name, (required, fields, answer) in destinations.items()
        },
    }
    return provider, emulator


def dump(catalog: Mapping[str, Any]) -> str:
    """A catalog as it is written: one key a line at the top levels, diff-friendly."""
    return json.dumps(catalog, indent=1) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: {argv[0]} SPEC.yaml", file=sys.stderr)
        return 2
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(argv[1], encoding="utf-8") as stream:
        document = yaml.load(stream, Loader=loader)
    for path, catalog in zip((PROVIDER_CATALOG, EMULATOR_CATALOG), build(document), strict=True):
        path.write_text(dump(catalog), "utf-8")
        print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
