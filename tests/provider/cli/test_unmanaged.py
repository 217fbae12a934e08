"""`unmanaged`: what the stacks hold, what a preview plans, and which unmanaged objects may be
what a failed run created (pure parts; the e2e and reliability suites run the command)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_dataddo.cli.unmanaged.matching import Found, matches
from pulumi_dataddo.cli.unmanaged.stacks import Planned, held, planned_creates
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
