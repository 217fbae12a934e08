"""`unmanaged`: what the stacks hold, what a preview plans, and which unmanaged objects may be
what a failed run created (pure parts; the e2e and reliability suites run the command)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pulumi_dataddo.cli.unmanaged.matching import Found, matches, proposed
from pulumi_dataddo.cli.unmanaged.stacks import (
    CLOCK_MARGIN,
    Planned,
    held,
    planned_creates,
    suspects_since,
)
from pulumi_dataddo.fields.values import UNKNOWN

STACK = "urn:pulumi:dev::proj::"
SERVICE_URN = STACK + "pulumi-python:dynamic/dataddo:Service::auth"
SOURCE_URN = STACK + "pulumi-python:dynamic/dataddo:Source::insights"
FLOW_URN = STACK + "dataddo:index:Flow::gds"


def test_held_ids_come_from_both_providers_types() -> None:
    export = {
        "deployment": {
            "resources": [
                {"type": "pulumi:pulumi:Stack", "urn": "s"},
                {"type": "pulumi-python:dynamic/dataddo:Source", "id": "a" * 24},
                {"type": "dataddo:index:Service", "id": "1000"},
                {"type": "pulumi-python:dynamic/dataddo:Flow"},  # a pending create: no id
                {"type": "aws:s3/bucket:Bucket", "id": "b"},
            ]
        }
    }
    assert held(export) == {("Source", "a" * 24), ("Service", "1000")}
    assert held({"deployment": {}}) == set()


def test_planned_creates_keep_inputs_and_dependencies() -> None:
    plan = {
        "steps": [
            {"op": "same", "urn": SERVICE_URN, "newState": {"type": "x"}},
            {
                "op": "create",
                "urn": SOURCE_URN,
                "newState": {
                    "type": "pulumi-python:dynamic/dataddo:Source",
                    "inputs": {"__provider": "blob", "label": "Insights", "oauth_id": UNKNOWN},
                    "propertyDependencies": {"oauth_id": [SERVICE_URN]},
                },
            },
            {"op": "update", "urn": FLOW_URN, "newState": {"type": "dataddo:index:Flow"}},
        ]
    }
    (planned,) = planned_creates(plan)
    assert (planned.kind, planned.name, planned.key) == ("Source", "insights", "Source:insights")
    assert planned.inputs == {"label": "Insights", "oauth_id": UNKNOWN}
    assert planned.depends == {"oauth_id": [SERVICE_URN]}


def _planned() -> list[Planned]:
    return [
        Planned("Service", "auth", SERVICE_URN, {"service": "snapchat_static", "label": "Snap"}),
        Planned(
            "Source",
            "insights",
            SOURCE_URN,
            {"connector_id": "snapchat", "label": "Insights", "oauth_id": UNKNOWN},
            {"oauth_id": [SERVICE_URN]},
        ),
        Planned(
            "Flow",
            "gds",
            FLOW_URN,
            {"sources": [UNKNOWN], "app": "google_data_studio", "label": "GDS"},
            {"sources": [SOURCE_URN]},
        ),
    ]


def _made_with(service_id: str) -> Any:
    def made(found: Found, inputs: Mapping[str, Any]) -> bool:
        return found.id.startswith("src") and inputs["oauth_id"] == service_id

    return made


def test_a_chain_is_matched_through_its_references() -> None:
    unmanaged = [
        Found("Service", "1001", "Snap", service="snapchat_static"),
        Found("Service", "1002", "Snap", service="facebook_static"),  # another type
        Found("Source", "src-1", "Insights"),
        Found("Flow", "f1", "GDS", app="google_data_studio", sources=("src-1",)),
        Found("Flow", "f2", "GDS", app="power_bi", sources=("src-1",)),  # another app
    ]
    found = matches(_planned(), unmanaged, _made_with("1001"))
    assert {urn: [f.id for f in objects] for urn, objects in found.items()} == {
        SERVICE_URN: ["1001"],
        SOURCE_URN: ["src-1"],
        FLOW_URN: ["f1"],
    }


def test_ambiguity_stops_the_chain() -> None:
    unmanaged = [
        Found("Service", "1001", "Snap", service="snapchat_static"),
        Found("Service", "1003", "Snap", service="snapchat_static"),
        Found("Source", "src-1", "Insights"),
    ]
    found = matches(_planned(), unmanaged, _made_with("1001"))
    assert [f.id for f in found[SERVICE_URN]] == ["1001", "1003"]
    # Its Service is ambiguous, so the Source's oauth_id cannot be resolved: no match.
    assert found[SOURCE_URN] == []
    assert found[FLOW_URN] == []


def test_labels_that_cannot_tell_objects_apart_never_match() -> None:
    planned = [
        Planned("Service", "auth", SERVICE_URN, {"service": "snapchat_static", "label": None}),
        Planned("Flow", "f", FLOW_URN, {"sources": ["s1"], "app": "power_bi", "label": "Flow"}, {}),
    ]
    unmanaged = [
        Found("Service", "1001", "snapchat_static", service="snapchat_static"),
        Found("Flow", "f1", "Flow", app="power_bi", sources=("s1",)),
    ]
    assert matches(planned, unmanaged, _made_with("x")) == {SERVICE_URN: [], FLOW_URN: []}


def test_resources_that_already_adopt_are_left_alone() -> None:
    planned = [
        Planned("Service", "auth", SERVICE_URN, {"service": "s", "label": "L", "adopt_id": "1001"})
    ]
    assert matches(planned, [Found("Service", "1001", "L", service="s")], _made_with("x")) == {}


def test_objects_dated_before_the_failed_run_are_never_matched() -> None:
    planned = [Planned("Source", "insights", SOURCE_URN, {"label": "Insights", "oauth_id": "1"})]
    old = Found("Source", "src-old", "Insights", since=1000.0)
    new = Found("Source", "src-new", "Insights", since=2000.0)
    undated = Found("Source", "src-undated", "Insights")
    found = matches(planned, [old, new, undated], _made_with("1"), since=1500.0)
    assert [f.id for f in found[SOURCE_URN]] == ["src-new", "src-undated"]
    everything = matches(planned, [old, new], _made_with("1"))
    assert [f.id for f in everything[SOURCE_URN]] == ["src-old", "src-new"]


def test_suspects_since_the_last_succeeded_update() -> None:
    history = [  # newest first, as `pulumi stack history --json` prints it
        {"kind": "refresh", "result": "succeeded", "endTime": "2026-12-03T09:00:00.000Z"},
        {"kind": "update", "result": "failed", "startTime": "2026-12-03T08:00:00.000Z"},
        {
            "kind": "update",
            "result": "succeeded",
            "startTime": "2026-12-03T06:59:00.000Z",
            "endTime": "2026-12-03T07:00:00.000Z",
        },
    ]
    at_seven = datetime(2026, 12, 3, 7, tzinfo=UTC).timestamp()
    # The refresh after the failed update does not hide what that update made.
    assert suspects_since(history) == at_seven - CLOCK_MARGIN
    first = {"kind": "update", "result": "failed", "startTime": "2026-12-03T07:00:00.000Z"}
    assert suspects_since([first]) == at_seven - CLOCK_MARGIN
    assert suspects_since([]) is None


def test_a_name_several_planned_resources_share_is_never_proposed() -> None:
    other_urn = STACK + "my:component$pulumi-python:dynamic/dataddo:Service::auth"
    planned = [
        Planned("Service", "auth", SERVICE_URN, {"service": "s", "label": "A"}),
        Planned("Service", "auth", other_urn, {"service": "s", "label": "B"}),
        Planned("Flow", "gds", FLOW_URN, {"label": "G"}),
    ]
    found = {
        SERVICE_URN: [Found("Service", "1", "A")],
        other_urn: [Found("Service", "2", "B")],
        FLOW_URN: [Found("Flow", "f1", "G")],
    }
    assert proposed(planned, found) == ({"Flow:gds": "f1"}, ["Service:auth"])
