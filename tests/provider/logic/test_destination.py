"""Destinations, and flows that write into them: checks, diffs, bodies, projections."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.http.responses import DestinationInfo, FlowInfo
from pulumi_dataddo.logic import destination, flow, payloads

DEST = "63b872052946b21e6d063cb9"
SOURCE = "63b872052946b21e6d063cb2"
PGSQL = {"destination_type": "pgsql", "label": "Warehouse", "oauth_id": "1001"}


def _failures(logic: Any, inputs: dict[str, Any]) -> list[str]:
    return [str(f) for f in logic.check({}, inputs).failures]


def test_a_destination_checks_offline_and_warns_about_what_the_catalog_does_not_know() -> None:
    assert _failures(destination.LOGIC, PGSQL) == []
    checked = destination.check({}, {**PGSQL, "destination_type": "pgsqll"})
    assert checked.failures == []
    assert checked.warnings[0].startswith("destination_type: 'pgsqll' is not in the published")
    assert "did you mean pgsql" in checked.warnings[0]
    with_label = {**PGSQL, "config": {"label": "x", "o_auth_id": 3}}
    assert _failures(destination.LOGIC, with_label) == [
        "config.label: is set by the Destination argument label",
        "config.o_auth_id: is set by the Destination argument oauth_id",
    ]
    assert _failures(destination.LOGIC, {"label": "x"}) == [
        "destination_type: is required (a destination type such as pgsql)"
    ]


def test_a_destination_changes_in_place_but_for_its_type() -> None:
    olds = {**destination.check({}, PGSQL).inputs, "status": True}
    for change in ({"label": "Renamed"}, {"oauth_id": "1002"}, {"config": {"path": "x"}}):
        plan = destination.LOGIC.diff(olds, destination.check({}, {**PGSQL, **change}).inputs)
        assert (plan.changes, plan.replaces) == ((next(iter(change)),), ())
    plan = destination.LOGIC.diff(olds, {**PGSQL, "destination_type": "mysql"})
    assert plan.replaces == ("destination_type",)


def test_an_imported_destination_may_lack_its_type_only_while_unchanged() -> None:
    """`pulumi import` checks what it read (old and new inputs alike): the type no answer holds
    is not required there; any change needs it (a replacement creates with it)."""
    imported = {"label": "Made by hand"}
    assert destination.check(imported, imported).failures == []
    assert destination.check(imported, imported).inputs == imported
    required = ["destination_type: is required (a destination type such as pgsql)"]
    assert _failures(destination.LOGIC, imported) == required  # a new destination
    relabelled = {"label": "Renamed"}
    assert [str(f) for f in destination.check(imported, relabelled).failures] == required
    # What else fails, fails as ever.
    blank = {"label": ""}
    assert [str(f) for f in destination.check(blank, blank).failures] == [
        'label: must be a non-blank string, got ""'
    ]


def test_declaring_an_imported_destinations_type_changes_it_in_place() -> None:
    imported = {"label": "Made by hand", "status": True, "status_detail": None}
    declared = destination.check({}, {**PGSQL, "label": "Made by hand"}).inputs
    plan = destination.LOGIC.diff(imported, declared)
    assert (plan.changes, plan.replaces) == (("destination_type", "oauth_id"), ())
    # Recorded by that update: from then on a change of type replaces.
    recorded = {**declared, "status": True}
    assert not destination.LOGIC.diff(recorded, declared).changed
    changed = destination.LOGIC.diff(recorded, {**declared, "destination_type": "mysql"})
    assert changed.replaces == ("destination_type",)


def test_destination_bodies_and_projection() -> None:
    assert payloads.destination("W", 1001.0, {"path": "/x", "port": 5432.0}) == {
        "label": "W",
        "o_auth_id": 1001,
        "path": "/x",
        "port": 5432,
    }
    outs = {**destination.check({}, {**PGSQL, "config": {"path": "/x"}}).inputs}
    read = destination.project(outs, DestinationInfo(DEST, "Renamed by hand", False, "down"))
    assert (read.inputs["label"], read.outs["status"], read.outs["status_detail"]) == (
        "Renamed by hand",
        False,
        "down",
    )
    assert read.inputs["config"] == {"path": "/x"}  # never returned: kept from state


@pytest.mark.parametrize(
    ("inputs", "failure"),
    [
        ({"write_mode": "insert"}, "write_mode: is a setting of a flow into a destination"),
        (
            {"destination_id": DEST, "write_mode": "upsert"},
            "unique_columns: must name at least one column for write_mode upsert",
        ),
        ({"destination_id": DEST, "unique_columns": "id"}, "unique_columns: must be a list"),
    ],
)
def test_write_settings_need_a_destination_and_upserts_their_columns(
    inputs: dict[str, Any], failure: str
) -> None:
    failures = _failures(flow.LOGIC, {"sources": [SOURCE], **inputs})
    assert any(f.startswith(failure) for f in failures), failures


def test_a_flow_into_a_destination() -> None:
    inputs = {
        "sources": [SOURCE],
        "destination_id": DEST,
        "write_mode": "upsert",
        "unique_columns": ["id"],
        "label": "To the warehouse",
    }
    checked = flow.check({}, inputs)
    assert (checked.failures, checked.warnings) == ([], [])
    assert payloads.create_flow([SOURCE], None, "To the warehouse", DEST) == {
        "sources": [SOURCE],
        "label": "To the warehouse",
        "destinationId": DEST,
    }
    assert payloads.write_settings("upsert", ["id"]) == {
        "write_mode": "upsert",
        "unique_columns": ["id"],
    }
    olds = {**checked.inputs, "api_id": None}
    in_place = flow.LOGIC.diff(olds, {**checked.inputs, "write_mode": "insert"})
    assert (in_place.changes, in_place.replaces) == (("write_mode",), ())
    moved = flow.LOGIC.diff(olds, {**checked.inputs, "destination_id": SOURCE})
    assert moved.replaces == ("destination_id",)
    found = FlowInfo("f", "To the warehouse", [SOURCE], None, None, DEST, "insert", ["id"])
    read = flow.project(olds, found)
    assert (read.inputs["destination_id"], read.inputs["write_mode"]) == (DEST, "insert")
    assert flow.LOGIC.diff(read.outs, checked.inputs).changes == ("write_mode",)  # drift
    assert (
        flow.check({}, {**inputs, "write_mode": "upsrt"})
        .warnings[0]
        .startswith("write_mode: 'upsrt' is not a write mode the docs name; did you mean upsert")
    )
