"""Regenerate `pulumi_dataddo/catalog.json` from the Dataddo headless OpenAPI spec.

Run once per spec release: `python provider/tools/build_catalog.py SPEC.yaml`. Only facts are
kept (connector ids, their required fields and field types); the spec itself is never copied.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

OUTPUT = Path(__file__).resolve().parents[1] / "pulumi_dataddo" / "catalog.json"
CREATE_SOURCE = re.compile(r"^/connectors/([^/{]+)/create-source$")
# Fields the Source resource fills from its own arguments, so they are not asked of `config`
# (`storageStrategy` stays: the `strategy` argument or config must give it).
RESOURCE_FIELDS = {"oAuthId", "label", "connectorId", "templateId", "strategy"}
# Connectors the docs use without a typed create-source path in the spec, and their forms:
# `json` is the generic connector of the spec's examples (`TemplateConnectorForm`).
EXTRA_CONNECTORS = {"json": "TemplateConnectorForm", "mysql": "MysqlDto"}
# Dashboard apps a flow can expose (docs: seed, Power BI, Tableau, and the app list of the UI).
APPS = (
    "excel",
    "google_data_studio",
    "google_sheets",
    "looker_studio",
    "power_bi",
    "qlik",
    "tableau",
)


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> tuple[set[str], dict[str, str]]:
    """Required field names and field types of a schema, following `$ref` and `allOf`."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    required = set(schema.get("required", []))
    types = {
        field: prop["type"]
        for field, prop in schema.get("properties", {}).items()
        if isinstance(prop, dict) and "type" in prop
    }
    for part in schema.get("allOf", []):
        sub_required, sub_types = _resolve(spec, part)
        required |= sub_required
        types.update(sub_types)
    return required, types


def build(spec: dict[str, Any]) -> dict[str, Any]:
    forms = {
        name: {"$ref": f"#/components/schemas/{form}"} for name, form in EXTRA_CONNECTORS.items()
    }
    for path, operations in spec["paths"].items():
        match = CREATE_SOURCE.match(path)
        if match:
            body = operations["post"].get("requestBody", {}).get("content", {})
            forms[match.group(1)] = body.get("application/json", {}).get("schema", {})
    connectors: dict[str, Any] = {}
    for name, schema in forms.items():
        required, types = _resolve(spec, schema)
        connectors[name] = {
            "required": sorted(required - RESOURCE_FIELDS),
            "types": {k: v for k, v in sorted(types.items()) if k not in RESOURCE_FIELDS},
        }
    info = spec.get("info", {})
    return {
        "generated_from": f"{info.get('title')} {info.get('version')} ({Path(__file__).name})",
        "apps": list(APPS),
        "connectors": dict(sorted(connectors.items())),
    }


def main(argv: list[str]) -> None:
    spec = yaml.safe_load(Path(argv[1]).read_text())
    OUTPUT.write_text(json.dumps(build(spec), indent=1, sort_keys=False) + "\n")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv)
