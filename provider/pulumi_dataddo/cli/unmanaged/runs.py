"""When the runs of a stack that may have lost a create ran: a lost create can only come from a
run that did not succeed, so from each update since the stack's last succeeded one that failed
(`pulumi stack history --json`), and from a killed run, which leaves no history entry but shows
in the state (`pulumi stack export`): resources created while no recorded operation ran, or
pending operations. Spans are Unix seconds; -inf or inf where nothing bounds them."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pulumi_dataddo.cli.unmanaged.stacks import pending_operations, resources

# (start, end) in Unix seconds.
Span = tuple[float, float]
ANY: Span = (-math.inf, math.inf)

# How far apart the clocks compared may seem: the history's times and the `Date` header the
# API's clock is read from are both truncated to whole seconds, plus a second for the answer's
# travel and for clocks kept by NTP (the machine that ran the failed `up`, this one, Pulumi Cloud).
CLOCK_MARGIN = 3.0
# Without a `Date` header the API's clock is not measured: the allowance for an unsynced one.
UNMEASURED_MARGIN = 60.0
# A request whose answer the run gave up on may still be carried out after the run ended
# (README "Recovery": wait a minute or two).
LATE = 120.0
# Operations that create no resource in the state, so explain none that was.
CREATING_NOTHING = ("refresh", "destroy")


@dataclass(frozen=True)
class Entry:
    """An operation `pulumi stack history` records: its kind, whether it succeeded, and when it
    ran (end inf: still in progress, or left so by a killed CLI)."""

    kind: str
    succeeded: bool
    start: float
    end: float

    def explains(self, created: float) -> bool:
        """Whether it may have created a resource the state dates `created`."""
        running = self.start - CLOCK_MARGIN <= created <= self.end + CLOCK_MARGIN
        return running and self.kind not in CREATING_NOTHING


def _entries(history: Any) -> list[Entry]:
    """The dated operations of a `pulumi stack history --json`."""
    found = []
    for item in history if isinstance(history, list) else []:
        start = _seconds(item.get("startTime")) if isinstance(item, Mapping) else None
        if start is None:
            continue
        end = _seconds(item.get("endTime"))
        found.append(
            Entry(
                str(item.get("kind")),
                item.get("result") == "succeeded",
                start,
                end if end is not None and end >= start else math.inf,
            )
        )
    return found


def runs(history: Any, export: Any) -> list[Span]:
    """When the stack's runs since its last succeeded update that did not succeed ran, by the
    clocks that recorded them: each failed update, and a killed one (start -inf when nothing
    dates it)."""
    recorded = _entries(history)
    success = max(
        (e.end for e in recorded if e.kind == "update" and e.succeeded), default=-math.inf
    )
    failed = [
        (e.start, e.end)
        for e in recorded
        if e.kind == "update" and not e.succeeded and e.start >= success
    ]
    return failed + _killed(recorded, export, success)


def _killed(recorded: Sequence[Entry], export: Any, success: float) -> list[Span]:
    """The span of a run killed after `success` (Unix seconds): it left resources created while
    no recorded operation ran, or a create pending (undated) whose resource no later run
    created; it started after every operation that ended before the first of those, or with the
    state (a killed first run)."""
    recorded_resources = resources(export)
    created = [t for r in recorded_resources if (t := _seconds(r.get("created"))) is not None]
    evidence = [t for t in created if t > success and not any(e.explains(t) for e in recorded)]
    # A later `up` keeps a pending create in the state even when it creates its resource.
    urns = {r.get("urn") for r in recorded_resources}
    if any(_pending_urn(op) not in urns for op in pending_operations(export)):
        evidence.append(math.inf)
    if not evidence:
        return []
    first = min(evidence)
    before = [e.end for e in recorded if e.end <= first]
    return [(max(before, default=min(created, default=-math.inf)), math.inf)]


def _pending_urn(operation: Mapping[str, Any]) -> Any:
    resource = operation.get("resource")
    return resource.get("urn") if isinstance(resource, Mapping) else None


def in_api_clock(spans: Sequence[Span], skew: float | None) -> list[Span]:
    """When the API dates what runs in `spans` made: shifted by how far the API's clock is ahead
    of this one (`skew`, None when unmeasured), widened by the clocks' margin and at the end by
    the time a request a run gave up on may still be carried out."""
    margin = UNMEASURED_MARGIN if skew is None else CLOCK_MARGIN
    shift = skew or 0.0
    return [(start + shift - margin, end + shift + LATE + margin) for start, end in spans]


def _seconds(text: Any) -> float | None:
    if not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return None
