"""`unmanaged`: what the stacks hold, what a preview plans, and which unmanaged objects may be
what a failed run created (pure parts; the e2e and reliability suites run the command)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from pulumi_dataddo import redaction
from pulumi_dataddo.cli.review.masking import PLAN_SECRET
from pulumi_dataddo.cli.unmanaged.command import Report
from pulumi_dataddo.cli.unmanaged.inventory import declared_request, made_with
from pulumi_dataddo.cli.unmanaged.matching import Found, Matches, matches, proposed
from pulumi_dataddo.cli.unmanaged.runs import ANY
from pulumi_dataddo.cli.unmanaged.stacks import (
    Planned,
    failure,
    held,
    planned_creates,
)
from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.logic import source

STACK = "urn:pulumi:dev::proj::"
SERVICE_URN = STACK + "pulumi-python:dynamic/dataddo:Service::auth"
SOURCE_URN = STACK + "pulumi-python:dynamic/dataddo:Source::insights"
FLOW_URN = STACK + "dataddo:index:Flow::gds"
NO_STATE: dict[str, Any] = {"deployment": {}}  # `pulumi stack export` of a stack never run


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


def test_a_native_plan_is_read_by_the_field_specs_names() -> None:
    source_urn = STACK + "dataddo:index:Source::insights"
    service_urn = STACK + "dataddo:index:Service::auth"
    inputs = {
        "connectorId": "snapchat",
        "oauthId": UNKNOWN,
        "label": "Insights",
        "config": {"accountId": "acct-1"},  # the connector's own names stay
        "schedule": {"syncFrequency": "day", "dayOfWeek": "1"},
        "adoptId": "a" * 24,
    }
    plan = {
        "steps": [
            {
                "op": "create",
                "urn": source_urn,
                "newState": {
                    "type": "dataddo:index:Source",
                    "inputs": inputs,
                    "propertyDependencies": {"oauthId": [service_urn], "label": []},
                },
            }
        ]
    }
    (planned,) = planned_creates(plan)
    assert planned.inputs == {
        "connector_id": "snapchat",
        "oauth_id": UNKNOWN,
        "label": "Insights",
        "config": {"accountId": "acct-1"},
        "schedule": {"sync_frequency": "day", "day_of_week": "1"},
        "adopt_id": "a" * 24,
    }
    assert planned.depends == {"oauth_id": [service_urn], "label": []}
    # It adopts already: never proposed.
    assert matches([planned], [Found("Source", "b" * 24, "Insights")], lambda *_: True).found == {}


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
    found = matches(_planned(), unmanaged, _made_with("1001")).found
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
    found = matches(_planned(), unmanaged, _made_with("1001")).found
    assert [f.id for f in found[SERVICE_URN]] == ["1001", "1003"]
    # Its Service is ambiguous, so the Source's oauth_id cannot be resolved: no match.
    assert found[SOURCE_URN] == []
    assert found[FLOW_URN] == []


def test_labels_that_cannot_tell_objects_apart_never_match() -> None:
    planned = [
        Planned("Service", "auth", SERVICE_URN, {"service": "snapchat_static", "label": None}),
        Planned("Flow", "f", FLOW_URN, {"sources": ["s1"], "app": "power_bi", "label": "Flow"}, {}),
        # A secret label: the plan shows only PLAN_SECRET.
        Planned("Source", "insights", SOURCE_URN, {"label": PLAN_SECRET, "oauth_id": "1"}),
    ]
    unmanaged = [
        Found("Service", "1001", "snapchat_static", service="snapchat_static"),
        Found("Flow", "f1", "Flow", app="power_bi", sources=("s1",)),
        Found("Source", "src-1", PLAN_SECRET),
    ]
    assert matches(planned, unmanaged, _made_with("1")).found == {
        SERVICE_URN: [],
        FLOW_URN: [],
        SOURCE_URN: [],
    }


def test_resources_that_already_adopt_are_left_alone() -> None:
    planned = [
        Planned("Service", "auth", SERVICE_URN, {"service": "s", "label": "L", "adopt_id": "1001"})
    ]
    found = Found("Service", "1001", "L", service="s")
    assert matches(planned, [found], _made_with("x")).found == {}


def test_only_objects_created_within_the_stacks_runs_are_matched() -> None:
    planned = [Planned("Source", "insights", SOURCE_URN, {"label": "Insights", "oauth_id": "1"})]
    old = Found("Source", "src-old", "Insights", 1000.0, (1000.0, 1000.0))
    new = Found("Source", "src-new", "Insights", 2000.0, (2000.0, 2000.0))
    late = Found("Source", "src-late", "Insights", 4000.0, (4000.0, 4000.0))
    undated = Found("Source", "src-undated", "Insights")
    # Dated by its last change (a Service): created then or before.
    changed = Found("Source", "src-changed", "Insights", 2500.0, (-math.inf, 2500.0))
    unmanaged = [old, new, late, undated, changed]
    found = matches(planned, unmanaged, _made_with("1"), [(1500.0, 3000.0)]).found
    assert [f.id for f in found[SOURCE_URN]] == ["src-new", "src-undated", "src-changed"]
    everything = matches(planned, unmanaged, _made_with("1")).found
    assert len(everything[SOURCE_URN]) == 5
    assert matches(planned, unmanaged, _made_with("1"), []).found == {SOURCE_URN: []}


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
    assert proposed(planned, Matches(found)) == ({"Flow:gds": "f1"}, ["Service:auth"])


def _recorded(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """A Source's `/metadata` as the API records it: the create-source request it was sent."""
    return source.body(source.check({}, dict(inputs)).inputs)


def _made_as(recorded: Mapping[str, Mapping[str, Any]]) -> Any:
    """The matching's Source check (`inventory.source_check`) over recorded snapchat sources."""
    return lambda found, inputs: made_with(inputs, "snapchat", recorded[found.id])


def test_a_source_whose_config_the_plan_hides_is_matched_on_what_the_plan_shows(
    seed_source_inputs: dict[str, Any],
) -> None:
    """`pulumi preview --json` shows a secret config as "[secret]" (--show-secrets or not): the
    rest of the declaration is compared, the config is left to the adoption's check."""
    hidden = {**seed_source_inputs, "config": PLAN_SECRET}
    other_service = {**seed_source_inputs, "oauth_id": "1001"}
    other_strategy = {**seed_source_inputs, "strategy": "full"}
    recorded = {
        "src-1": _recorded(seed_source_inputs),
        "src-2": _recorded(other_service),
        "src-3": _recorded(other_strategy),
    }
    planned = Planned("Source", "insights", SOURCE_URN, hidden)
    unmanaged = [Found("Source", key, hidden["label"]) for key in recorded]
    found = matches([planned], unmanaged, _made_as(recorded)).found
    assert [f.id for f in found[SOURCE_URN]] == ["src-1"]
    # Through the plan's references: the Service is matched first, then the Source by it.
    service = Planned("Service", "auth", SERVICE_URN, {"service": "snap", "label": "Snap"})
    through = Planned(
        "Source",
        "insights",
        SOURCE_URN,
        {**hidden, "oauth_id": UNKNOWN},
        {"oauth_id": [SERVICE_URN]},
    )
    services = [Found("Service", "1001", "Snap", service="snap")]
    found = matches([service, through], services + unmanaged, _made_as(recorded)).found
    assert [f.id for f in found[SOURCE_URN]] == ["src-2"]
    # Inputs a create would refuse never made an object, hidden config or not.
    refused = {**hidden, "schedule": {"sync_frequency": "day", "hour": "99"}}
    assert declared_request(refused) is None


def test_a_source_partly_hidden_is_compared_on_what_the_plan_shows(
    seed_source_inputs: dict[str, Any],
) -> None:
    config = seed_source_inputs["config"]
    partly = {**seed_source_inputs, "config": {**config, "accountId": PLAN_SECRET}}
    request = declared_request(partly)
    assert request is not None
    assert "accountId" not in request
    assert request["breakdown"] == "campaign"
    assert made_with(partly, "snapchat", _recorded(seed_source_inputs))
    assert not made_with(partly, "facebook", _recorded(seed_source_inputs))
    other = {**seed_source_inputs, "config": {**config, "breakdown": "ad"}}
    assert not made_with(partly, "snapchat", _recorded(other))
    # A config the plan shows whole is compared whole.
    other_account = {**seed_source_inputs, "config": {**config, "accountId": "other"}}
    assert not made_with(seed_source_inputs, "snapchat", _recorded(other_account))
    # A hidden field is left out too; without its connector no request can be told.
    other_service = {**seed_source_inputs, "oauth_id": "1001"}
    assert made_with({**partly, "oauth_id": PLAN_SECRET}, "snapchat", _recorded(other_service))
    assert declared_request({**seed_source_inputs, "connector_id": PLAN_SECRET}) is None


def test_a_native_flow_into_a_destination_is_matched_through_its_camel_case_plan() -> None:
    destination_urn = STACK + "dataddo:index:Destination::warehouse"
    flow_urn = STACK + "dataddo:index:Flow::load"
    plan = {
        "steps": [
            {
                "op": "create",
                "urn": destination_urn,
                "newState": {
                    "type": "dataddo:index:Destination",
                    "inputs": {
                        "destinationType": "pgsql",
                        "oauthId": "1001",
                        "label": "Warehouse",
                        "config": PLAN_SECRET,
                    },
                    "propertyDependencies": {"destinationType": [], "oauthId": []},
                },
            },
            {
                "op": "create",
                "urn": flow_urn,
                "newState": {
                    "type": "dataddo:index:Flow",
                    "inputs": {
                        "sources": ["s" * 24],
                        "destinationId": UNKNOWN,
                        "writeMode": "insert",
                        "label": "Load",
                    },
                    "propertyDependencies": {"destinationId": [destination_urn], "sources": []},
                },
            },
        ]
    }
    destination, flow = planned_creates(plan)
    assert destination.inputs["destination_type"] == "pgsql"
    assert flow.inputs["write_mode"] == "insert"
    assert flow.depends == {"destination_id": [destination_urn], "sources": []}
    unmanaged = [
        Found("Destination", "d" * 24, "Warehouse"),
        Found("Flow", "f" * 24, "Load", sources=("s" * 24,), destination="d" * 24),
        Found("Flow", "e" * 24, "Load", sources=("s" * 24,), destination="c" * 24),
    ]
    found = matches([destination, flow], unmanaged, lambda *_: False).found
    assert {urn: [f.id for f in objects] for urn, objects in found.items()} == {
        destination_urn: ["d" * 24],
        flow_urn: ["f" * 24],
    }


HELD = (
    "Held means held by the 3 stacks of this backend (any project); stacks of other backends "
    "are not known: add their `pulumi stack export` with --state."
)


def test_when_nothing_dates_a_run_nothing_is_matched_and_the_report_says_how_to_bound() -> None:
    unmanaged = [Found("Service", "1001", "Snap", since=1000.0, service="snap")]
    undated = Report("dev", unmanaged, [], Matches(), {}, [], undated=True, holders=3)
    assert undated.text().splitlines()[2:] == [
        "Matched none: a run of stack dev was killed, but neither its history nor its state "
        "dates it, so any of these may be older. To match, pass --since with a time no later "
        "than its start (or --since any).",
        HELD,
        "Delete in Dataddo what no one needs.",
    ]
    assert (undated.data()["undated"], undated.data()["adopt"], undated.data()["written"]) == (
        True,
        {},
        False,
    )
    no_run = Report("dev", unmanaged, [], Matches(), {}, [], holders=3)
    assert no_run.text().splitlines()[2] == (
        "Matched none: no update of stack dev failed since its last succeeded one, and its "
        "state shows no killed run (one killed before it recorded anything leaves no trace: "
        "pass --since with a time no later than its start)."
    )
    assert no_run.data()["runs"] == []


def test_the_report_names_what_it_matched_and_what_to_do() -> None:
    service = Planned("Service", "auth", SERVICE_URN, {"service": "snap", "label": "Snap"})
    flow = Planned("Flow", "gds", FLOW_URN, {"label": "GDS"})
    unmanaged = [
        Found("Service", "1001", "Snap", since=1000.0, service="snap"),
        Found("Flow", "f1", "GDS"),
        Found("Flow", "f2", "GDS"),
    ]
    matched = Matches({SERVICE_URN: unmanaged[:1], FLOW_URN: unmanaged[1:]})
    proposals, shared = proposed([service, flow], matched)
    runs = [(900.0, 960.0), (1200.0, math.inf)]
    report = Report(
        "dev",
        unmanaged,
        [service, flow],
        matched,
        proposals,
        runs,
        shared=["Source:insights"],
        holders=3,
    )
    assert report.text().splitlines() == [
        "Objects of the account that no stack holds (3):",
        "  service 1001                     'Snap'  since 1970-01-01T00:16:40Z  -> may be "
        "Service:auth",
        "  flow    f1                       'GDS'  -> may be Flow:gds",
        "  flow    f2                       'GDS'  -> may be Flow:gds",
        "Matched only objects the API dates within a run of stack dev that did not succeed: "
        "1970-01-01T00:15:00Z to 1970-01-01T00:16:00Z, 1970-01-01T00:20:00Z on (see --since).",
        "Flow:gds matches several (f1, f2): set its adopt_id to the one meant",
        "Source:insights names several resources (the same name under different parents): set "
        "adopt_id on the one meant",
        "Run again with --adopt to have the next `pulumi up` adopt Service:auth.",
        HELD,
        "Delete in Dataddo what no one needs.",
    ]
    assert report.data()["runs"] == [
        ["1970-01-01T00:15:00Z", "1970-01-01T00:16:00Z"],
        ["1970-01-01T00:20:00Z", None],
    ]
    adopted = Report(
        "dev",
        unmanaged,
        [service, flow],
        matched,
        proposals,
        [ANY],
        given=True,
        shared=shared,
        adopted=True,
        holders=3,
        states=2,
    )
    assert adopted.text().splitlines()[4:] == [
        "Matched objects of any date (--since any).",
        "Flow:gds matches several (f1, f2): set its adopt_id to the one meant",
        "Wrote dataddo:adopt for stack dev: the next `pulumi up` adopts Service:auth "
        "(afterwards: `pulumi config rm dataddo:adopt`).",
        "Held means held by the 3 stacks of this backend (any project) and the 2 --state "
        "exports; stacks of other backends are not known: add their `pulumi stack export` with "
        "--state.",
        "Delete in Dataddo what no one needs.",
    ]
    since = Report("dev", unmanaged, [], Matches(), {}, [(900.0, math.inf)], given=True)
    assert since.text().splitlines()[4] == (
        "Matched only objects the API dates at or after 1970-01-01T00:15:00Z (--since)."
    )
    assert Report("dev", [], [], Matches(), {}, []).text() == (
        "Every Dataddo object of the account is held by a stack of this backend."
    )


# `pulumi preview --json` failures as engine v3.274.1 prints them (stdout: the whole JSON).
PROGRAM_EXCEPTION = {
    "steps": [{"op": "same", "urn": STACK + "pulumi:pulumi:Stack::proj-dev"}],
    "diagnostics": [
        {"message": "warning: using pulumi-resource-dataddo from $PATH\n", "severity": "warning"},
        {
            "message": "error: Program failed with an unhandled exception:\n"
            "Traceback (most recent call last):\n"
            '  File "/p/__main__.py", line 8, in <module>\n'
            "    auth = dataddo.Service(\n"
            "DataddoError: dataddo:adopt must be a JSON object of '<Kind>:<name>': '<id>' "
            "(Configuration 'dataddo:adopt' value 'notjson' is not a valid 'JSON object')\n\n",
            "severity": "error",
        },
    ],
    "changeSummary": {"same": 1},
}
CHECK_FAILURE = {
    "steps": [],
    "diagnostics": [
        {
            "urn": SOURCE_URN,
            "message": "error: pulumi-python:dynamic/dataddo:Source resource 'insights' has a "
            "problem: schedule.hour: must be a cron identifier of 0-23 as a string, got "
            '"99"\n',
            "severity": "error",
        },
        {"message": "error: Resource monitor has terminated, shutting down\n", "severity": "error"},
    ],
}


def test_a_failed_preview_is_told_by_its_own_error() -> None:
    printed = json.dumps(PROGRAM_EXCEPTION, indent=4)
    assert printed.splitlines()[-1] == "}"  # what the failure used to show
    assert failure(printed, "") == (
        "Program failed with an unhandled exception: DataddoError: dataddo:adopt must be a "
        "JSON object of '<Kind>:<name>': '<id>' (Configuration 'dataddo:adopt' value 'notjson' "
        "is not a valid 'JSON object')"
    )
    assert failure(json.dumps(CHECK_FAILURE, indent=4), "") == (
        "pulumi-python:dynamic/dataddo:Source resource 'insights' has a problem: "
        'schedule.hour: must be a cron identifier of 0-23 as a string, got "99"'
    )
    # No JSON, or none with an error: the error output's last line; else nothing to tell.
    assert failure("", "warning: x\nerror: no stack named 'nope' found\n") == (
        "no stack named 'nope' found"
    )
    assert failure(json.dumps({"steps": []}, indent=4), "") is None


def test_a_failed_previews_error_shows_no_secret() -> None:
    redaction.remember("s3cr3t-token-value")
    diagnostic = {
        "severity": "error",
        "message": "error: Program failed with an unhandled exception:\nTraceback (most recent "
        "call last):\nValueError: bad token s3cr3t-token-value for mysql://u:pw-1234@db/x\n",
    }
    said = failure(json.dumps({"diagnostics": [diagnostic]}), "")
    assert said is not None
    assert "s3cr3t-token-value" not in said
    assert "pw-1234" not in said
    assert said.endswith("ValueError: bad token *** for mysql://[secret]@db/x")
