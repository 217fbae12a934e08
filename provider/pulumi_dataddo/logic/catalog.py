"""What the published spec tells about connectors, destinations, service types and apps,
offline (the data is `pulumi_dataddo/catalog.json`, generated from the spec by
`tools/catalog/build.py`).

The spec is a beta subset of the live API, so what it does not know is a warning, never a
refusal: the API decides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

CAMEL = "camel"
SNAKE = "snake"


@dataclass(frozen=True)
class ConnectorForm:
    """A connector's create-source form: its casing, fields, required fields and their types."""

    casing: str
    fields: frozenset[str]
    required: frozenset[str]
    # field -> JSON schema type: string, array, integer, boolean, object, number
    types: dict[str, str]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("pulumi_dataddo").joinpath("catalog.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def apps() -> frozenset[str]:
    """Dashboard apps a Flow can expose."""
    return frozenset(_data()["apps"])


def connector_ids() -> frozenset[str]:
    """Connectors a Source can be created from."""
    return frozenset(_data()["connectors"])


def service_types() -> frozenset[str]:
    """Service types the spec names."""
    return frozenset(_data()["services"])


def service_form(service_type: str) -> dict[str, str] | None:
    """The fields of a service type's config form (field -> JSON type), None when the spec has
    no typed form for it."""
    form = _data()["service_forms"].get(service_type)
    return None if form is None else dict(form)


def destination_types() -> frozenset[str]:
    """Destination types the spec has a create form for."""
    return frozenset(_data()["destinations"])


def destination_form(destination_type: str) -> dict[str, str] | None:
    """The fields of a destination type's storage form (field -> JSON type), else None."""
    form = _data()["destinations"].get(destination_type)
    return None if form is None else dict(form["types"])


def connector_form(connector_id: str) -> ConnectorForm | None:
    """The form of a known connector, else None."""
    form = _data()["connectors"].get(connector_id)
    if form is None:
        return None
    return ConnectorForm(
        form["casing"], frozenset(form["fields"]), frozenset(form["required"]), dict(form["types"])
    )
