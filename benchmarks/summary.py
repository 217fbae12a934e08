"""From raw measurements to the report's rows and the targets' verdicts.

A row is one provider (dynamic or native), size, latency and operation, beside that provider's
floor of the same size and operation (the floor makes no calls, so it has no latency) and the
ideal API time (for the native provider at the engine's `--parallel`: the critical path).
The destination chain's measurements become call rows: calls only, per provider, size and
operation.

Create targets count the calls per resource less the one listing of each kind a provider process
takes before its first create of the kind (docs/design.md, "Reconciliation": so that a create
whose answer is lost never takes an object that existed before). That listing is per run, not
per resource; the listings per run are reported, and held to one per kind, apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import mean, median
from typing import Any

from benchmarks import journal
from benchmarks.ideal import ideal_seconds, workers_of
from benchmarks.runner import DATADDO, FLOOR_OF, NATIVE, OPERATIONS, SEED, resources_of

RESOURCES_PER_CHAIN = 3
STATE_OVERHEAD_LIMIT = 1536  # bytes per resource beyond its own properties
UP_RATIO_LIMIT = 1.15


def spread(values: Sequence[float]) -> dict[str, float]:
    """Median, min and max."""
    return {"median": round(median(values), 3), "min": min(values), "max": max(values)}


def mean_calls(runs: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Calls by route per run (the mean over the runs: retries could make them differ)."""
    total: Counter[str] = Counter()
    for run in runs:
        total.update(run["calls"])
    return {call: round(count / len(runs), 2) for call, count in sorted(total.items())}


def row(runs: Sequence[Mapping[str, Any]], floor: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One report row from the runs of one scenario and operation and their floor runs."""
    first = runs[0]
    chains, latency, operation = first["chains"], first["latency_ms"], first["operation"]
    variant, parallel = first.get("variant", DATADDO), first.get("parallel")
    calls = mean_calls(runs)
    kinds, logins = journal.by_kind(calls), round(mean(run["auth_calls"] for run in runs))
    workers = workers_of(variant == NATIVE, parallel)
    ideal = ideal_seconds(operation, kinds, logins, chains, latency, workers=workers)
    # The same model at the time the emulator really took per call (latency plus its own work).
    api_ms = _per_call(runs)
    ideal_measured = ideal_seconds(operation, kinds, logins, chains, api_ms or 0.0, workers=workers)
    wall = spread([run["wall_s"] for run in runs])
    floor_wall = spread([run["wall_s"] for run in floor])
    # One worker per resource: the critical path, the wait no provider can shorten.
    critical = ideal_seconds(
        operation, kinds, logins, chains, latency, workers=chains * RESOURCES_PER_CHAIN
    )
    return {
        "variant": variant,
        "parallel": parallel,
        "workers": workers,
        "chains": chains,
        "latency_ms": latency,
        "skip_checkpoints": first["skip_checkpoints"],
        "operation": operation,
        "runs": len(runs),
        "wall_s": wall,
        "floor_s": floor_wall,
        "ideal_s": ideal,
        "ratio": round(wall["median"] / (floor_wall["median"] + ideal), 3),
        "critical_s": critical,
        "ratio_critical": round(wall["median"] / (floor_wall["median"] + critical), 3),
        "ideal_measured_s": ideal_measured,
        "ratio_measured": round(wall["median"] / (floor_wall["median"] + ideal_measured), 3),
        **counted(runs),
        "api_ms_per_call": api_ms,
        "peak_rss_mb": _by_role(runs, "peak_rss_mb", max),
        "floor_peak_rss_mb": _by_role(floor, "peak_rss_mb", max),
        "cpu_s": _by_role(runs, "cpu_s", median),
        "floor_cpu_s": _by_role(floor, "cpu_s", median),
    }


def resources(run: Mapping[str, Any]) -> dict[str, int]:
    """The resources of each kind the run's program declares (older seed runs do not say)."""
    return dict(run.get("resources") or resources_of(SEED, run["chains"]))


def counted(runs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The calls of the runs of one scenario and operation: by route and in all (per run), per
    resource of each kind, logins and failures; for `up` also per resource less the one
    listing of each kind per run (`create_calls_per_resource`) and the listings per run."""
    calls, declared = mean_calls(runs), resources(runs[0])
    total = sum(calls.values())
    out: dict[str, Any] = {
        "resources": declared,
        "calls": calls,
        "calls_total": round(total, 2),
        "calls_per_resource": round(total / sum(declared.values()), 3),
        "calls_by_kind_per_resource": {
            kind: round(count / declared[kind], 3)
            for kind, count in journal.by_kind(calls).items()
            if declared.get(kind)
        },
        "auth_calls": mean(run["auth_calls"] for run in runs),
        "failed_calls": sum(run["failed_calls"] for run in runs),
    }
    if runs[0]["operation"] == "up":
        per_resource, listed = journal.less_listings(calls, declared)
        out |= {"create_calls_per_resource": per_resource, "listings_per_run": listed}
    return out


def call_rows(measurements: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The destination chain's rows: calls per provider, size and operation, ordered by size,
    the lifecycle's order of operations and provider."""
    groups: dict[tuple[int, str, str], list[Mapping[str, Any]]] = {}
    for m in measurements:
        groups.setdefault((m["chains"], m["operation"], m["variant"]), []).append(m)
    order, variants = [name for name, _ in OPERATIONS], list(FLOOR_OF)
    keys = sorted(groups, key=lambda k: (k[0], order.index(k[1]), variants.index(k[2])))
    return [
        {"variant": variant, "chains": chains, "operation": operation, "runs": len(runs)}
        | counted(runs)
        for (chains, operation, variant), runs in ((k, groups[k]) for k in keys)
    ]


def _by_role(
    runs: Sequence[Mapping[str, Any]], key: str, pick: Callable[[list[float]], float]
) -> dict[str, float]:
    """`pick` (max, median) over the runs of each process role's value of `key`."""
    return {role: pick([run[key][role] for run in runs]) for role in runs[0][key]}


def _per_call(runs: Sequence[Mapping[str, Any]]) -> float | None:
    """The emulator's mean time to answer a call, injected latency included (None: no calls)."""
    calls = sum(sum(run["calls"].values()) + run["auth_calls"] for run in runs)
    return round(sum(run["server_ms"] for run in runs) / calls, 1) if calls else None


def rows(measurements: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows ordered by checkpointing, size, latency, the lifecycle's order of operations and
    provider (dynamic, then native)."""
    groups: dict[tuple[str, bool, int, float, str], list[Mapping[str, Any]]] = {}
    for m in measurements:
        if m.get("chain", SEED) != SEED:
            continue  # the destination chain's are call rows
        key = (m["variant"], m["skip_checkpoints"], m["chains"], m["latency_ms"], m["operation"])
        groups.setdefault(key, []).append(m)
    order, variants = [name for name, _ in OPERATIONS], list(FLOOR_OF)
    keys = sorted(
        (k for k in groups if k[0] in FLOOR_OF),
        key=lambda k: (*k[1:4], order.index(k[4]), variants.index(k[0])),
    )
    return [row(groups[k], groups[(FLOOR_OF[k[0]], k[1], k[2], 0.0, k[4])]) for k in keys]


def verdicts(results: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every target's verdict: the timed seed chains', then the destination chain's."""
    found = targets(rows(results["measurements"]), results["state"])
    if "destination" in results:
        found += destination_targets(call_rows(results["destination"]["measurements"]))
    if "destination_error" in results:
        failure = results["destination_error"].splitlines()[0]
        found.append(_verdict("destination chain: its calls are counted", failure, met=False))
    return found


def targets(table: Sequence[Mapping[str, Any]], sizes: Sequence[Mapping[str, Any]]) -> list[Any]:
    """Each target of the issues: what it asks, what was measured, met or not."""
    by_op: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for r in table:
        if not r["skip_checkpoints"]:  # the engine as users run it by default
            by_op.setdefault((r["variant"], r["operation"]), []).append(r)
    verdicts = []
    if (DATADDO, "up") in by_op:
        verdicts += [
            _unchanged(by_op[DATADDO, "preview-unchanged"]),
            _refresh(by_op[DATADDO, "refresh"]),
        ]
        verdicts += _create(by_op[DATADDO, "up"], CREATE_CALLS)
        verdicts.append(_up_ratio(by_op[DATADDO, "up"], "100 chains at 50 ms", 50))
        verdicts += [_state(sizes), _state(sizes, without_trace=True)]
    if (NATIVE, "up") in by_op:
        verdicts += [
            _unchanged(by_op[NATIVE, "preview-unchanged"], "native "),
            _refresh(by_op[NATIVE, "refresh"], "native "),
            _up_ratio(by_op[NATIVE, "up"], "100 chains at 250 ms", 250, "native "),
        ]
    return verdicts


def destination_targets(table: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The destination chain's targets, each held by both providers at every size counted."""
    by_op: dict[str, list[Mapping[str, Any]]] = {}
    for r in table:
        by_op.setdefault(r["operation"], []).append(r)
    if "up" not in by_op:
        return []
    who = "destination chain: "
    both = len({r["variant"] for r in table}) > 1
    return [
        *([_same_calls(table, who)] if both else []),
        _unchanged(by_op["preview-unchanged"], who),
        _refresh(by_op["refresh"], who, DESTINATION_REFRESH_GETS),
        *_create(by_op["up"], DESTINATION_CREATE_CALLS, who),
        _destroy(by_op["destroy"], who),
    ]


def _verdict(target: str, measured: str, met: bool) -> dict[str, Any]:
    return {"target": target, "measured": measured, "met": met}


def _unchanged(table: Sequence[Mapping[str, Any]], who: str = "") -> dict[str, Any]:
    most = max(r["calls_total"] + r["auth_calls"] for r in table)
    target = f"{who}unchanged-stack preview: 0 HTTP calls"
    return _verdict(target, f"at most {most:g} calls", most == 0)


# A refresh reads each object once; a Source with a declared schedule reads it too.
REFRESH_GETS = {"Service": 1.0, "Source": 2.0, "Flow": 1.0}
# The same with a Destination; a Flow's write settings are in its own answer (`write_action`).
DESTINATION_REFRESH_GETS = {"Service": 1.0, "Source": 2.0, "Destination": 1.0, "Flow": 1.0}


def _refresh(
    table: Sequence[Mapping[str, Any]], who: str = "", gets: Mapping[str, float] = REFRESH_GETS
) -> dict[str, Any]:
    per = {
        kind: max(r["calls_by_kind_per_resource"].get(kind, 0.0) for r in table) for kind in gets
    }
    only_gets = all(call.startswith("GET ") for r in table for call in r["calls"])
    met = per == gets and only_gets
    methods = "GETs only" if only_gets else "not only GETs"
    measured = ", ".join(f"{n:g} per {kind}" for kind, n in per.items()) + f" ({methods})"
    if "Destination" in gets:
        target = (
            f"{who}refresh: 1 GET per Service, Destination and Flow (its write settings "
            "included), 2 per Source (its schedule)"
        )
    else:
        target = f"{who}refresh: 1 GET per resource (a Source with a schedule: 2)"
    return _verdict(target, measured, met)


@dataclass(frozen=True)
class CreateLimit:
    """At most `calls` per resource of a kind in `up`, beside the run's one listing of it."""

    calls: float
    what: str = ""  # which resources of the kind, and why they need that many


# The seed chain's: one POST each, and a Source's schedule read back (its create body carries
# it; the provider verifies it took).
CREATE_CALLS = {
    "Service": CreateLimit(1),
    "Source": CreateLimit(2),
    "Flow": CreateLimit(1),
}
# The destination chain's: a Destination's create answers the typed Destination (nothing to
# confirm). A Flow's write settings are not part of the create (`POST /flows` takes the seed's
# shape; a new flow writes with `insert`), so they are put by `PUT /flows/{id}/write/settings`,
# whose answer the spec leaves untyped: a `GET /flows/{id}` confirms them from `write_action`.
DESTINATION_CREATE_CALLS = {
    "Service": CREATE_CALLS["Service"],
    "Source": CREATE_CALLS["Source"],
    "Destination": CreateLimit(1),
    "Flow": CreateLimit(
        3,
        " into a destination with write settings (POST, the write-settings PUT, the GET that "
        "confirms them)",
    ),
}


def _create(
    table: Sequence[Mapping[str, Any]], limits: Mapping[str, CreateLimit], who: str = ""
) -> list[dict[str, Any]]:
    """Per kind: the calls per resource less one listing per run, and the listings per run
    (at most one)."""
    verdicts = []
    for kind, limit in limits.items():
        most = max(r["create_calls_per_resource"].get(kind, 0.0) for r in table)
        listed = max(r["listings_per_run"].get(kind, 0.0) for r in table)
        # Everything counted, at the smallest size (where the listing weighs the most).
        smallest = min(table, key=lambda r: r["chains"])
        whole = smallest["calls_by_kind_per_resource"].get(kind, 0.0)
        target = (
            f"{who}create: at most {limit.calls:g} call{'s' * (limit.calls > 1)} per "
            f"{kind}{limit.what}, plus one listing of each kind per run"
        )
        listings = f"{listed:g} listing{'s' * (listed != 1)}"
        measured = (
            f"{most:g} per {kind} and {listings} per run "
            f"(all calls: {whole:g} per {kind} at N={smallest['chains']})"
        )
        verdicts.append(_verdict(target, measured, most <= limit.calls and listed <= 1))
    return verdicts


def _destroy(table: Sequence[Mapping[str, Any]], who: str = "") -> dict[str, Any]:
    kinds = dict.fromkeys(kind for r in table for kind in r["resources"])
    per = {
        kind: max(r["calls_by_kind_per_resource"].get(kind, 0.0) for r in table) for kind in kinds
    }
    only_deletes = all(call.startswith("DELETE ") for r in table for call in r["calls"])
    methods = "DELETEs only" if only_deletes else "not only DELETEs"
    measured = ", ".join(f"{n:g} per {kind}" for kind, n in per.items()) + f" ({methods})"
    met = only_deletes and set(per.values()) == {1.0}
    return _verdict(f"{who}destroy: 1 DELETE per resource", measured, met)


def _same_calls(table: Sequence[Mapping[str, Any]], who: str = "") -> dict[str, Any]:
    """The dynamic and the native provider make the same calls (the same logic behind both)."""
    calls: dict[tuple[int, str], dict[str, Any]] = {}
    for r in table:
        calls.setdefault((r["chains"], r["operation"]), {})[r["variant"]] = (
            r["calls"],
            r["auth_calls"],
        )
    differ = sorted(key for key, by in calls.items() if len({repr(v) for v in by.values()}) > 1)
    measured = (
        "the same calls and logins in every operation and size"
        if not differ
        else "different in " + ", ".join(f"N={n} {op}" for n, op in differ)
    )
    target = f"{who}the dynamic and the native provider make the same calls"
    return _verdict(target, measured, not differ)


def _up_ratio(
    table: Sequence[Mapping[str, Any]], what: str, latency: float, who: str = ""
) -> dict[str, Any]:
    # 100 chains at `latency`, or the nearest to it that ran (a shorter plan).
    biggest = max(
        table, key=lambda r: (r["chains"] <= 100, r["chains"], r["latency_ms"] == latency)
    )
    # The native provider is held to the critical path, the dynamic one to its 4 workers.
    ideal, key = ("critical path", "critical") if who else ("ideal", "ideal")
    ratio = biggest["ratio_critical" if who else "ratio"]
    target = f"{who}`up` of {what} within {UP_RATIO_LIMIT} x (floor + {ideal})"
    measured = (
        f"{ratio:.2f} x at N={biggest['chains']}, {biggest['latency_ms']:g} ms "
        f"({biggest['wall_s']['median']:.1f} s vs {biggest['floor_s']['median']:.1f} s + "
        f"{biggest[f'{key}_s']:.1f} s)"
    )
    return _verdict(target, measured, ratio <= UP_RATIO_LIMIT)


def _state(sizes: Sequence[Mapping[str, Any]], *, without_trace: bool = False) -> dict[str, Any]:
    """The largest overhead per resource of any kind and size; `without_trace`: less the stack
    trace the Pulumi SDK records for every resource (which no provider can leave out)."""
    worst = max(
        (kind["overhead"] - without_trace * kind["trace"], name, size["chains"])
        for size in sizes
        if size["variant"] in FLOOR_OF
        for name, kind in size["kinds"].items()
    )
    measured = f"at most {worst[0]:.0f} bytes ({worst[1]}, N={worst[2]})"
    target = f"state: at most {STATE_OVERHEAD_LIMIT} bytes per resource beyond its properties"
    if without_trace:
        target = "the same, less the SDK's stack trace (`stackTrace`, `sourcePosition`)"
    return _verdict(target, measured, worst[0] <= STATE_OVERHEAD_LIMIT)
