"""From raw measurements to the report's rows and the targets' verdicts.

A row is one provider (dynamic or native), size, latency and operation, beside that provider's
floor of the same size and operation (the floor makes no calls, so it has no latency) and the
ideal API time (for the native provider at the engine's `--parallel`: the critical path).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from statistics import mean, median
from typing import Any

from benchmarks import journal
from benchmarks.ideal import ideal_seconds, workers_of
from benchmarks.runner import DATADDO, FLOOR_OF, NATIVE, OPERATIONS

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
    auth = mean(run["auth_calls"] for run in runs)
    kinds, logins = journal.by_kind(calls), round(auth)
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
        "calls": calls,
        "calls_total": round(sum(calls.values()), 2),
        "calls_per_resource": round(sum(calls.values()) / (chains * RESOURCES_PER_CHAIN), 3),
        "calls_by_kind_per_resource": {
            k: round(v / chains, 3) for k, v in journal.by_kind(calls).items()
        },
        "auth_calls": auth,
        "failed_calls": sum(run["failed_calls"] for run in runs),
        "api_ms_per_call": api_ms,
        "peak_rss_mb": _by_role(runs, "peak_rss_mb", max),
        "floor_peak_rss_mb": _by_role(floor, "peak_rss_mb", max),
        "cpu_s": _by_role(runs, "cpu_s", median),
        "floor_cpu_s": _by_role(floor, "cpu_s", median),
    }


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
        key = (m["variant"], m["skip_checkpoints"], m["chains"], m["latency_ms"], m["operation"])
        groups.setdefault(key, []).append(m)
    order, variants = [name for name, _ in OPERATIONS], list(FLOOR_OF)
    keys = sorted(
        (k for k in groups if k[0] in FLOOR_OF),
        key=lambda k: (*k[1:4], order.index(k[4]), variants.index(k[0])),
    )
    return [row(groups[k], groups[(FLOOR_OF[k[0]], k[1], k[2], 0.0, k[4])]) for k in keys]


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
        verdicts += _create(by_op[DATADDO, "up"])
        verdicts.append(_up_ratio(by_op[DATADDO, "up"], "100 chains at 50 ms", 50))
        verdicts += [_state(sizes), _state(sizes, without_trace=True)]
    if (NATIVE, "up") in by_op:
        verdicts += [
            _unchanged(by_op[NATIVE, "preview-unchanged"], "native "),
            _refresh(by_op[NATIVE, "refresh"], "native "),
            _up_ratio(by_op[NATIVE, "up"], "100 chains at 250 ms", 250, "native "),
        ]
    return verdicts


def _verdict(target: str, measured: str, met: bool) -> dict[str, Any]:
    return {"target": target, "measured": measured, "met": met}


def _unchanged(table: Sequence[Mapping[str, Any]], who: str = "") -> dict[str, Any]:
    most = max(r["calls_total"] + r["auth_calls"] for r in table)
    target = f"{who}unchanged-stack preview: 0 HTTP calls"
    return _verdict(target, f"at most {most:g} calls", most == 0)


# A refresh reads each object once; a Source with a declared schedule reads it too.
REFRESH_GETS = {"Service": 1.0, "Source": 2.0, "Flow": 1.0}


def _refresh(table: Sequence[Mapping[str, Any]], who: str = "") -> dict[str, Any]:
    per = {
        kind: max(r["calls_by_kind_per_resource"].get(kind, 0.0) for r in table)
        for kind in REFRESH_GETS
    }
    only_gets = all(call.startswith("GET ") for r in table for call in r["calls"])
    met = per == REFRESH_GETS and only_gets
    methods = "GETs only" if only_gets else "not only GETs"
    measured = ", ".join(f"{n:g} per {kind}" for kind, n in per.items()) + f" ({methods})"
    target = f"{who}refresh: 1 GET per resource (a Source with a schedule: 2)"
    return _verdict(target, measured, met)


def _create(table: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    limits = {"Service": 1.0, "Source": 2.0, "Flow": 1.0}
    verdicts = []
    for kind, limit in limits.items():
        most = max(r["calls_by_kind_per_resource"].get(kind, 0.0) for r in table)
        target = f"create: at most {limit:g} call{'s' * (limit > 1)} per {kind}"
        verdicts.append(_verdict(target, f"{most:g} per {kind}", most <= limit))
    return verdicts


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
