"""A Source's connector and config checked against the offline catalog of connector forms."""

from __future__ import annotations

import difflib
from typing import Any

from pulumi_dataddo.logic import catalog, schedule
from pulumi_dataddo.logic.validation import Validator
from pulumi_dataddo.logic.values import is_unknown, kind

# Payload fields set from the Source's own arguments: refused inside `config`.
ARGUMENT_FIELDS = {
    "connectorId": "connector_id",
    "templateId": "template_id",
    "oAuthId": "oauth_id",
    "label": "label",
    "strategy": "strategy",
    **{name: "schedule" for name in schedule.FIELDS},
}
# The spec's name of what the Source's `strategy` argument sends (as the seed does).
STORAGE_STRATEGY = "storageStrategy"
JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "array": (list,),
    "integer": (int, float),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
}


def check_connector(v: Validator, connector_id: Any) -> None:
    """A known connector id, with suggestions for a near miss."""
    known = catalog.connector_ids()
    v.text("connector_id", connector_id, required=True, expected="a connector id such as snapchat")
    if not isinstance(connector_id, str) or not connector_id.strip() or is_unknown(connector_id):
        return
    if connector_id not in known:
        close = difflib.get_close_matches(connector_id, sorted(known), n=3)
        hint = f"; did you mean {' or '.join(close)}?" if close else "; get_connectors() lists them"
        v.fail("connector_id", f"unknown connector {connector_id!r}{hint}")


def check_config(
    v: Validator, connector_id: str, config: dict[str, Any], strategy: Any = None
) -> None:
    """The connector's required fields present, known fields of the right type."""
    form = catalog.connector_form(connector_id)
    if form is None:
        return
    if STORAGE_STRATEGY in form.required and strategy is None and STORAGE_STRATEGY not in config:
        v.fail("strategy", f"is required by connector {connector_id} (e.g. incremental)")
    for key, argument in ARGUMENT_FIELDS.items():
        if key in config:
            v.fail(f"config.{key}", f"is set by the Source argument {argument}, not in config")
    for key in sorted(form.required - config.keys() - {STORAGE_STRATEGY}):
        v.fail(f"config.{key}", f"is required by connector {connector_id}")
    for key, value in config.items():
        expected = form.types.get(key)
        if expected is None or value is None or is_unknown(value):
            continue
        allowed = JSON_TYPES.get(expected, (object,))
        wrong_bool = isinstance(value, bool) and bool not in allowed
        if not isinstance(value, allowed) or wrong_bool:
            v.fail(
                f"config.{key}",
                f"must be {expected} for connector {connector_id}, got {kind(value)}",
            )
        elif expected == "integer" and isinstance(value, float) and not value.is_integer():
            v.fail(f"config.{key}", f"must be a whole number, {v.got(value)}")
        elif expected == "array" and key in form.required and not value:
            v.fail(f"config.{key}", f"must list at least one value for connector {connector_id}")
