"""The ideal API time of an operation: the least time its calls need at a given latency.

The model (docs/benchmarks.md, "Ideal API time"): every call costs the injected latency and
nothing else; one resource operation makes its calls one after another; at most so many
resource operations run at once: the engine's `--parallel`, but at most the provider's
threads (`WORKERS`: the Python dynamic provider's gRPC server has 4; the native provider's pool
`dataddo:parallelism`, 32 by default); an operation starts only after the ones it depends on
have finished; logins come first, one after another. With unlimited workers the makespan is the
critical path: the longest chain of calls. The schedule is a list schedule that always starts
the ready operation with the longest chain of work left behind it: no worker idles while an
operation is ready, and no barrier separates the dependency levels (as waves would). For the
benchmark's identical chains it meets the lower bound max(one chain's calls, ceil(all calls /
workers)) up to the rounding of the last operations.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

from pulumi_dataddo.settings import DEFAULT_PARALLELISM

WORKERS = 4
# The CLI's `--parallel` when none is given.
DEFAULT_PARALLEL = 8
# The order in which an operation walks each chain; None: the resources are independent.
CHAIN_ORDER: Mapping[str, tuple[str, ...] | None] = {
    "up": ("Service", "Source", "Flow"),  # a Source needs its Service's id, a Flow its Source's
    "destroy": ("Flow", "Source", "Service"),  # what uses an object goes first
    "refresh": None,
    "preview-fresh": None,
    "preview-unchanged": None,
}


def makespan(chains: Sequence[Sequence[float]], workers: int = WORKERS) -> float:
    """The finish time of the list schedule of `chains` (each a sequence of durations that must
    run in order) on `workers` parallel workers."""
    # Ready chains by the longest remaining work first: (-remaining, chain, next step).
    ready = [(-sum(chain), index, 0) for index, chain in enumerate(chains) if chain]
    heapq.heapify(ready)
    running: list[tuple[float, int, int]] = []  # (finish time, chain, step)
    now = 0.0
    while ready or running:
        while ready and len(running) < workers:
            _, index, step = heapq.heappop(ready)
            heapq.heappush(running, (now + chains[index][step], index, step))
        now, index, step = heapq.heappop(running)
        if step + 1 < len(chains[index]):
            heapq.heappush(ready, (-sum(chains[index][step + 1 :]), index, step + 1))
    return now


def chains_of(operation: str, calls_per_kind: Mapping[str, float], count: int) -> list[list[float]]:
    """The operation's work as chains of per-resource call counts, for `count` chains of
    resources; `calls_per_kind` is the mean number of calls one resource of a kind makes."""
    order = CHAIN_ORDER[operation] or ()
    chain = [calls_per_kind.get(kind, 0.0) for kind in order]
    # Calls of a kind outside the chain (every kind, for independent resources) stand alone.
    alone = [calls for kind, calls in calls_per_kind.items() if kind not in order and calls]
    chained = [[calls for calls in chain if calls]] * count if any(chain) else []
    return chained + [[calls] for calls in alone for _ in range(count)]


def ideal_seconds(
    operation: str,
    calls_by_kind: Mapping[str, float],
    auth_calls: int,
    chains: int,
    latency_ms: float,
    *,
    workers: int = WORKERS,
) -> float:
    """The ideal API time of `operation` over `chains` chains, from the calls it made, with at
    most `workers` resource operations at once."""
    per_resource = {kind: calls / chains for kind, calls in calls_by_kind.items() if chains}
    work = makespan(chains_of(operation, per_resource, chains), workers) + auth_calls
    return round(work * latency_ms / 1000, 3)


def workers_of(native: bool, parallel: int | None) -> int:
    """Resource operations at once: as many as the engine runs (`--parallel`, the CLI's default
    8), but at most the provider's threads: 4 in the dynamic provider, `dataddo:parallelism`
    (default 32) in the native one."""
    engine = parallel or DEFAULT_PARALLEL
    return min(engine, DEFAULT_PARALLELISM if native else WORKERS)
