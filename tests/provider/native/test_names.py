"""Names at the native boundary: the schema's camelCase on the wire, the field spec's
snake_case in logic; only declared names convert (a config's keys are the connector's)."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.fields.flow import FLOW
from pulumi_dataddo.fields.service import SERVICE
from pulumi_dataddo.fields.source import SOURCE
from pulumi_dataddo.logic.registry import logics
from pulumi_dataddo.native import names

SOURCE_LOGIC: dict[str, Any] = {
    "connector_id": "mysql",
    "oauth_id": "1000",
    "template_id": "index",
    "label": "Orders",
    # The connector's own names stay as they are, snake_case or camelCase.
    "config": {"day_of_week": "x", "connectorId": "y", "statement": "SELECT 1"},
    "schedule": {"sync_frequency": "day", "day_of_week": "2", "hour": "3"},
    "wait_until_live": 5,
}
SOURCE_WIRE: dict[str, Any] = {
    "connectorId": "mysql",
    "oauthId": "1000",
    "templateId": "index",
    "label": "Orders",
    "config": {"day_of_week": "x", "connectorId": "y", "statement": "SELECT 1"},
    "schedule": {"syncFrequency": "day", "dayOfWeek": "2", "hour": "3"},
    "waitUntilLive": 5,
}


def test_a_source_crosses_the_boundary_both_ways() -> None:
    assert names.to_wire(SOURCE, SOURCE_LOGIC) == SOURCE_WIRE
    assert names.to_logic(SOURCE, SOURCE_WIRE) == SOURCE_LOGIC


@pytest.mark.parametrize("kind", logics(), ids=lambda kind: kind.spec.name)
def test_every_field_of_every_kind_has_one_wire_name(kind: Any) -> None:
    spec = kind.spec
    props = {field.name: field.name for field in spec.fields}
    wire = names.to_wire(spec, props)
    assert len(wire) == len(props)
    assert names.to_logic(spec, wire) == props


def test_unknown_keys_and_values_that_are_no_objects_pass_unchanged() -> None:
    assert names.to_logic(FLOW, {"apiId": "a", "extra": 1}) == {"api_id": "a", "extra": 1}
    assert names.to_logic(SOURCE, {"schedule": "unknown"}) == {"schedule": "unknown"}


@pytest.mark.parametrize(
    ("spec", "path", "wire"),
    [
        (SOURCE, "oauth_id", "oauthId"),
        (SOURCE, "schedule.day_of_week", "schedule.dayOfWeek"),
        (SOURCE, "config.day_of_week", "config.day_of_week"),
        (FLOW, "sources[0]", "sources[0]"),
        (SERVICE, "config.label", "config.label"),
        (SERVICE, "", ""),
    ],
)
def test_failure_paths_use_wire_names(spec: Any, path: str, wire: str) -> None:
    assert names.wire_path(spec, path) == wire


def test_messages_name_their_field_in_wire_names() -> None:
    message = "connector_id: 'snapchatt' is not in the published catalog"
    assert names.wire_message(SOURCE, message).startswith("connectorId: 'snapchatt'")
    assert names.wire_message(SOURCE, "no field here") == "no field here"
