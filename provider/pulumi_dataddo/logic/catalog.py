"""Known connectors and apps, offline, for `check` (data in `pulumi_dataddo/catalog.json`).

The data is generated once from the published OpenAPI spec by `provider/tools/build_catalog.py`:
connector ids, the fields each connector's create-source form requires, and field types.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class ConnectorForm:
    """What a connector's create-source request needs beyond the Source's own arguments."""

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


def connector_form(connector_id: str) -> ConnectorForm | None:
    """The form of a known connector, else None."""
    form = _data()["connectors"].get(connector_id)
    if form is None:
        return None
    return ConnectorForm(frozenset(form["required"]), dict(form["types"]))
