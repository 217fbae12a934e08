"""`unmanaged`: which runs of which stacks may have made an object, what every stack of the
backend holds, and which candidates another stack's runs may have made as well (pure parts, and
the `pulumi` CLI faked by a script; the e2e suite runs the real engine)."""

from __future__ import annotations

import json
import math
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pulumi_dataddo.cli.command import CliError
from pulumi_dataddo.cli.unmanaged.command import Report, held_in, read_stacks
from pulumi_dataddo.cli.unmanaged.matching import Found, matches, proposed
from pulumi_dataddo.cli.unmanaged.runs import (
    CLOCK_MARGIN,
    LATE,
    UNMEASURED_MARGIN,
    in_api_clock,
    runs,
)
from pulumi_dataddo.cli.unmanaged.stacks import HISTORY_PAGE, Planned, PulumiCli, held
from pulumi_dataddo.fields.values import UNKNOWN

URN = "urn:pulumi:dev::proj::"
SERVICE_URN = URN + "dataddo:index:Service::auth"
SOURCE_URN = URN + "dataddo:index:Source::insights"
PROD = "organization/proj/prod"


def at(hms: str) -> float:
    """Unix seconds of a time on the day of these histories."""
    return datetime.fromisoformat(f"2026-12-03T{hms}Z").timestamp()


def update(result: str, start: str, end: str | None, kind: str = "update") -> dict[str, Any]:
    """A `pulumi stack history --json` entry (engine v3.274.1: times in whole seconds)."""
    entry = {"kind": kind, "result": result, "startTime": f"2026-12-03T{start}.000Z"}
    return entry if end is None else {**entry, "endTime": f"2026-12-03T{end}.000Z"}


def state(*created: str, pending: bool = False, settled: bool = False) -> dict[str, Any]:
    """A `pulumi stack export` whose resources were created at `created` (nanoseconds, as the
    engine records them), with a create a killed run left pending when `pending` (its resource
    created since by a later run when `settled`)."""
    resources: list[dict[str, Any]] = [
        {"urn": f"urn:{c}", "type": "pulumi:pulumi:Stack", "created": f"2026-12-03T{c}.000000001Z"}
        for c in created
    ]
    if settled:
        resources.append({"urn": "urn:pending", "created": "2026-12-03T09:00:05Z"})
    deployment: dict[str, Any] = {"resources": resources}
    if pending:  # a pending create's resource carries no date
        deployment["pending_operations"] = [
            {"type": "creating", "resource": {"urn": "urn:pending"}}
        ]
    return {"version": 3, "deployment": deployment}


def test_the_runs_are_the_updates_since_the_last_success_that_did_not_succeed() -> None:
    history = [  # newest first
        update("succeeded", "09:00:00", "09:00:05", kind="refresh"),  # the recovery's
        update("failed", "08:00:00", "08:01:00"),
        update("succeeded", "07:00:00", "07:05:00"),
        update("failed", "06:00:00", "06:01:00"),  # settled by the success after it
    ]
    # Resources the runs created, each while a recorded update ran: no killed run.
    export = state("06:00:30", "07:00:01", "08:00:30")
    assert runs(history, export) == [(at("08:00:00"), at("08:01:00"))]
    # An update still in progress (or one a killed CLI left so in Pulumi Cloud) has no end.
    assert runs([update("in-progress", "08:00:00", None)], state()) == [(at("08:00:00"), math.inf)]
    assert runs([update("succeeded", "07:00:00", "07:05:00")], state("07:00:01")) == []
    assert runs([], state()) == []


def test_an_object_made_by_hand_between_the_last_success_and_the_failed_run_is_not_matched() -> (
    None
):
    history = [
        update("failed", "08:00:00", "08:01:00"),
        update("succeeded", "07:00:00", "07:05:00"),
    ]
    spans = in_api_clock(runs(history, state("07:00:01")), skew=0.0)
    planned = [Planned("Service", "auth", SERVICE_URN, {"service": "snap", "label": "Snap"})]
    by_hand = Found("Service", "1001", "Snap", at("07:30:00"), (-math.inf, at("07:30:00")), "snap")
    lost = Found("Service", "1002", "Snap", at("08:00:40"), (-math.inf, at("08:00:40")), "snap")
    assert [f.id for f in matches(planned, [by_hand], _never, spans).found[SERVICE_URN]] == []
    matched = matches(planned, [by_hand, lost], _never, spans)
    assert proposed(planned, matched) == ({"Service:auth": "1002"}, [])
    # A create the API carried out after the run gave up on it still counts, up to LATE.
    # (A Source's date is its creation; a Service changed since may still have been made then.)
    source = Planned("Source", "insights", SOURCE_URN, {"label": "Insights", "oauth_id": "9"})
    landed = Found("Source", "a" * 24, "Insights", at("08:02:30"), (at("08:02:30"),) * 2)
    after = Found("Source", "b" * 24, "Insights", at("08:05:00"), (at("08:05:00"),) * 2)
    found = matches([source], [landed, after], _always, spans).found[SOURCE_URN]
    assert [f.id for f in found] == ["a" * 24]


def test_a_killed_first_up_is_dated_by_the_earliest_resource_in_its_state() -> None:
    """A killed `up` leaves no history entry; its Stack resource is recorded as it starts."""
    export = state("07:00:00", "07:00:05", pending=True)
    first = at("07:00:00.000000001")  # as the state records it
    assert runs([], export) == [(first, math.inf)]
    # The recovery's refresh after it (which dropped the pending create) changes nothing.
    refresh = update("succeeded", "08:00:00", "08:00:02", kind="refresh")
    assert runs([refresh], state("07:00:00", "07:00:05")) == [(first, math.inf)]
    # A failed update after the killed one: both count.
    failed = update("failed", "07:30:00", "07:31:00")
    assert runs([failed], export) == [
        (at("07:30:00"), at("07:31:00")),
        (first, math.inf),
    ]
    # A succeeded update after it settles it (and creates what was pending, which the engine
    # still lists as pending).
    succeeded = update("succeeded", "09:00:00", "09:00:10")
    assert runs([succeeded], state("07:00:00", "07:00:05", pending=True, settled=True)) == []


def test_a_killed_later_up_starts_after_the_operation_before_it() -> None:
    history = [
        update("succeeded", "08:00:00", "08:00:02", kind="refresh"),  # the recovery's
        update("succeeded", "07:10:00", "07:10:01", kind="refresh"),
        update("succeeded", "07:00:00", "07:05:00"),
    ]
    # 07:20: created while no recorded operation ran, so by a run that left no entry.
    export = state("07:00:01", "07:20:00", "07:20:30")
    assert runs(history, export) == [(at("07:10:01"), math.inf)]
    # Killed before it created anything: only its pending create shows (before the refresh).
    pending = state("07:00:01", pending=True)
    assert runs(history[1:], pending) == [(at("07:10:01"), math.inf)]
    # Nothing at all dates it: the start is unbounded (and the target then matches nothing).
    assert runs([], {"deployment": {"pending_operations": [{"resource": {}}]}}) == [
        (-math.inf, math.inf)
    ]


def test_spans_in_the_apis_clock_are_shifted_by_its_skew_and_widened() -> None:
    spans = [(1000.0, 2000.0), (3000.0, math.inf)]
    assert in_api_clock(spans, 10.0) == [
        (1010.0 - CLOCK_MARGIN, 2010.0 + LATE + CLOCK_MARGIN),
        (3010.0 - CLOCK_MARGIN, math.inf),
    ]
    # No `Date` header: the API's clock is not measured, and the margin is wider.
    assert in_api_clock(spans, None)[0] == (1000.0 - UNMEASURED_MARGIN, 2000.0 + LATE + 60.0)
    assert in_api_clock([(-math.inf, math.inf)], 5.0) == [(-math.inf, math.inf)]


def _never(found: Found, inputs: Any) -> bool:
    return False


def _always(found: Found, inputs: Any) -> bool:
    return True


def test_an_object_another_stacks_failed_run_may_have_made_is_named_not_proposed() -> None:
    """dev and prod declare the same Source (their configs differ only in a secret, which no
    answer shows); prod was killed mid-create, then dev's create was lost."""
    dev = [(at("08:00:00"), at("08:01:00"))]
    prod = [(at("07:50:00"), math.inf)]
    planned = [Planned("Source", "insights", SOURCE_URN, {"label": "Insights", "oauth_id": "9"})]
    before = Found("Source", "a" * 24, "Insights", at("07:55:00"), (at("07:55:00"),) * 2)
    during = Found("Source", "b" * 24, "Insights", at("08:00:30"), (at("08:00:30"),) * 2)
    # prod's, created before dev's run started: never dev's.
    alone = matches(planned, [before], _always, dev, {PROD: prod})
    assert alone.found == {SOURCE_URN: []}
    # Created while both ran: either may have made it.
    matched = matches(planned, [before, during], _always, dev, {PROD: prod, "organization/x/y": []})
    assert [f.id for f in matched.found[SOURCE_URN]] == ["b" * 24]
    assert matched.claims == {"b" * 24: [PROD]}
    assert proposed(planned, matched) == ({}, [])
    report = Report("dev", [before, during], planned, matched, {}, dev, adopted=True)
    assert (
        f"Source:insights may be {'b' * 24}, which a run of {PROD} that did not succeed may have "
        f"made as well: settle it by hand (if it is stack dev's, set Source:insights's adopt_id "
        f"to {'b' * 24}; if not, leave it to that stack's recovery or delete it in Dataddo)"
    ) in report.text().splitlines()
    assert report.data()["contested"] == {"Source:insights": {"id": "b" * 24, "stacks": [PROD]}}
    assert report.data()["written"] is False
    # prod's run ended (failed) before dev's started: no claim.
    ended = [(at("07:50:00"), at("07:51:00"))]
    assert proposed(planned, matches(planned, [during], _always, dev, {PROD: ended})) == (
        {"Source:insights": "b" * 24},
        [],
    )


def test_a_claimed_object_resolves_no_reference() -> None:
    dev = [(at("08:00:00"), math.inf)]
    planned = [
        Planned("Service", "auth", SERVICE_URN, {"service": "snap", "label": "Snap"}),
        Planned(
            "Source",
            "insights",
            SOURCE_URN,
            {"label": "Insights", "oauth_id": UNKNOWN},
            {"oauth_id": [SERVICE_URN]},
        ),
    ]
    service = Found("Service", "1001", "Snap", at("08:00:10"), (-math.inf, at("08:00:10")), "snap")
    source = Found("Source", "s" * 24, "Insights", at("08:00:20"), (at("08:00:20"),) * 2)
    matched = matches(
        planned, [service, source], _always, dev, {PROD: [(at("07:00:00"), at("07:00:05"))]}
    )
    # A Service is dated by its last change: created then or before, so maybe in prod's run.
    assert matched.claims == {"1001": [PROD]}
    assert matched.found[SOURCE_URN] == []
    # A Flow was created after what it names: prod's run ended before its Source existed.
    flow = Found("Flow", "f" * 24, "GDS", made=(at("08:00:20"), math.inf), sources=("s" * 24,))
    assert not flow.within([(at("07:00:00"), at("07:00:05"))])
    assert flow.within(dev)


FAKE_PULUMI = """#!{python}
# `pulumi` as engine v3.274.1 answers from project p1's directory in a file backend.
import json, sys

args = sys.argv[1:]
qualified = "--fully-qualify-stack-names" in args
exports = {exports}
if args[:2] == ["stack", "ls"]:
    names = list(exports) if "--all" in args else ["organization/p1/stg"]
    print(json.dumps([{{"name": n if qualified else n.rsplit("/", 1)[-1]}} for n in names]))
elif args[:2] == ["stack", "export"]:
    print(json.dumps(exports[args[args.index("--stack") + 1]]))
elif args[:2] == ["stack", "history"]:
    page, size = int(args[args.index("--page") + 1]), int(args[args.index("--page-size") + 1])
    kinds = ["failed"] * 150 + ["succeeded"] * 100
    entries = [
        {{"kind": "update", "result": result, "startTime": "2026-12-03T07:00:00.000Z"}}
        for result in kinds
    ]
    print(json.dumps(entries[(page - 1) * size : page * size]))
"""


def test_every_stack_of_the_backend_holds_whatever_its_project(tmp_path: Path) -> None:
    exports = {
        "organization/p1/stg": {
            "deployment": {"resources": [{"type": "dataddo:index:Service", "id": "1"}]}
        },
        "organization/advother/stg": {
            "deployment": {"resources": [{"type": "dataddo:index:Source", "id": "s" * 24}]}
        },
        "organization/advother/new": {"deployment": {}},
    }
    fake = tmp_path / "pulumi"
    fake.write_text(FAKE_PULUMI.format(python=sys.executable, exports=repr(exports)))
    fake.chmod(0o755)
    cli = PulumiCli(tmp_path, str(fake))
    names = cli.stacks()
    assert names == list(exports)
    holding, ran = read_stacks(cli, names)
    assert holding == {("Service", "1"), ("Source", "s" * 24)}
    assert set(ran) == set(exports)
    # The history is read page by page back to the last succeeded update, no further.
    assert len(cli.history("organization/p1/stg")) == 2 * HISTORY_PAGE


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[]", "no deployment object"),
        ('{"deployment": {"resources": [1]}}', "deployment.resources is not a list of objects"),
        ('{"deployment": null}', "no deployment object"),
        ("not json", "Expecting value"),
    ],
)
def test_a_state_file_that_is_no_stack_export_is_told(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "other.json"
    path.write_text(text)
    with pytest.raises(CliError, match="not a readable `pulumi stack export`") as raised:
        held_in(path)
    assert reason in str(raised.value)
    assert str(raised.value).startswith(str(path))
    with pytest.raises(CliError, match="No such file"):
        held_in(tmp_path / "missing.json")
    path.write_text(
        json.dumps({"deployment": {"resources": [{"type": "dataddo:index:Flow", "id": "f"}]}})
    )
    assert held_in(path) == {("Flow", "f")}
    assert held({"deployment": {}}) == set()
