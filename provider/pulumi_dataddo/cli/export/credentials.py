"""The credentials a Service declaration reads from stack config: the fields of its type's
config form, as the published spec has it (the catalog's `service_forms`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

FILLER = "…"
# What the README's command shows for a field of each JSON type.
EXAMPLES: Mapping[str, Any] = {
    "integer": 0,
    "number": 0,
    "boolean": False,
    "array": [],
    "object": {},
}


@cache
def _forms() -> dict[str, dict[str, str]]:
    text = resources.files("pulumi_dataddo").joinpath("catalog.json").read_text("utf-8")
    forms: dict[str, dict[str, str]] = json.loads(text).get("service_forms", {})
    return forms


def form(service_type: str) -> dict[str, str] | None:
    """Field -> JSON type of the config form of `service_type`, None when the spec has none."""
    return _forms().get(service_type)


def example(fields: Mapping[str, str]) -> str:
    """A config of `fields` as JSON, each value a filler of its type."""
    values = {name: EXAMPLES.get(kind, FILLER) for name, kind in fields.items()}
    return json.dumps(values, ensure_ascii=False)
