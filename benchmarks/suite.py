"""The whole benchmark: every size, latency and repetition, baselines interleaved.

For each size N, every repetition runs, for each provider (dynamic and native), its floor and
then the provider at each latency, one lifecycle each, before the next repetition starts: load
from other work on the machine then falls on the baselines and on the measurements alike, and
ratios between them hold.

Then the destination chain (`benchmarks.program`, `bench:chain: destination`) runs one lifecycle
per provider and size: its calls are counted, not timed (call counts do not depend on the
machine's load), so it needs no floor and no repetitions. `run_destination` runs it alone.
"""

from __future__ import annotations

import os
import platform
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from benchmarks import state
from benchmarks.ideal import WORKERS
from benchmarks.runner import (
    BENCH_EMAIL,
    BENCH_PASSWORD,
    DATADDO,
    DESTINATION,
    FLOOR_OF,
    NATIVE,
    BenchmarkError,
    Runner,
    Scenario,
)
from dataddo_emulator.testing import RunningEmulator, running_emulator
from harness.engine import REPO, Project, engine_bin

Log = Callable[[str], None]


@dataclass(frozen=True)
class Plan:
    """What to run; `repetitions` maps a size to its number of lifecycles per scenario, the
    sizes in `skip_checkpoints_at` run a second time with the engine's checkpoints skipped, and
    every command runs with `--parallel parallel` (0: the CLI's default, 8)."""

    chains: Sequence[int] = (10, 100)
    latencies_ms: Sequence[float] = (0.0, 50.0, 250.0)
    repetitions: Mapping[int, int] = field(default_factory=dict)
    skip_checkpoints_at: Sequence[int] = ()
    # The providers measured, each beside its floor (runner.FLOOR_OF).
    variants: Sequence[str] = (DATADDO, NATIVE)
    # High enough that the engine runs every ready resource at once: the native provider then
    # waits for the API's critical path, the dynamic ones still for their 4 threads.
    parallel: int = 128
    # The sizes of the destination chain counted (empty: none). One chain shows each call, ten
    # that the listings before a kind's first create are taken once per run.
    destination_chains: Sequence[int] = (1, 10)

    def reps(self, chains: int) -> int:
        """Lifecycles per scenario: as given, else 3 up to 10 chains and 2 above (a lifecycle
        of 100 chains takes about a minute, the whole default plan about 40 minutes)."""
        return self.repetitions.get(chains, 3 if chains <= 10 else 2)

    def scenarios(self, chains: int) -> list[Scenario]:
        """Each variant's floor (which makes no calls, so one latency serves all) and then the
        provider at each latency."""
        skips = [False, True] if chains in self.skip_checkpoints_at else [False]
        parallel = self.parallel or None
        return [
            scenario
            for skip in skips
            for variant in self.variants
            for scenario in [Scenario(FLOOR_OF[variant], chains, 0.0, skip, parallel)]
            + [Scenario(variant, chains, ms, skip, parallel) for ms in self.latencies_ms]
        ]


class StateSizes:
    """State sizes, read once per variant and size right after `up` (they do not vary)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self._seen: set[tuple[str, int]] = set()

    def hook(self, scenario: Scenario) -> Callable[[Project], None] | None:
        """What to run after `up` of `scenario`: nothing once its sizes are known."""
        key = (scenario.variant, scenario.chains)
        if key in self._seen:
            return None
        self._seen.add(key)

        def record(project: Project) -> None:
            self.rows.append(
                {"variant": scenario.variant, "chains": scenario.chains}
                | state.summary(project.state())
            )

        return record


@contextmanager
def emulated() -> Iterator[tuple[RunningEmulator, Path]]:
    """The emulator the benchmark runs against, and a directory for its projects."""
    with tempfile.TemporaryDirectory(prefix="dataddo-bench-") as tmp:
        workdir = Path(tmp)
        # live_after=0: a new source is live at once (no create waits for it; none is asked to).
        with running_emulator(
            db=workdir / "emulator.db", users={BENCH_EMAIL: BENCH_PASSWORD}, live_after=0
        ) as emulator:
            yield emulator, workdir


def run(plan: Plan, log: Log = print) -> dict[str, Any]:
    """Run `plan`; the raw results: measurements of every operation and state sizes, and the
    destination chain's call counts (`destination`, when the plan counts any)."""
    started = time.monotonic()
    measurements: list[dict[str, Any]] = []
    sizes = StateSizes()
    with emulated() as (emulator, workdir):
        runner = Runner(emulator, workdir)
        for chains in plan.chains:
            for rep in range(plan.reps(chains)):
                for scenario in plan.scenarios(chains):
                    log(f"rep {rep + 1}/{plan.reps(chains)}: {scenario.label()}")
                    done = runner.lifecycle(scenario, sizes.hook(scenario))
                    measurements += [{**m, "rep": rep} for m in done]
        duration = time.monotonic() - started
        results = {"meta": meta(plan, duration), "measurements": measurements, "state": sizes.rows}
        if plan.destination_chains:
            # A failure here must not lose the timed results: it is reported as a missed target.
            try:
                results["destination"] = _destination(runner, plan, log)
            except BenchmarkError as exc:
                log(f"the destination chain failed: {exc}")
                results["destination_error"] = str(exc)
    return results


def run_destination(plan: Plan, log: Log = print) -> dict[str, Any]:
    """Only the destination chain's call counts: `run(plan)["destination"]`."""
    with emulated() as (emulator, workdir):
        return _destination(Runner(emulator, workdir), plan, log)


def _destination(runner: Runner, plan: Plan, log: Log) -> dict[str, Any]:
    """One lifecycle of the destination chain per provider and size, at no added latency."""
    started = time.monotonic()
    measurements: list[dict[str, Any]] = []
    for chains in plan.destination_chains:
        for variant in plan.variants:
            scenario = Scenario(variant, chains, parallel=plan.parallel or None, chain=DESTINATION)
            log(f"calls: {scenario.label()}")
            measurements += [{**m, "rep": 0} for m in runner.lifecycle(scenario)]
    return {
        "meta": {
            **environment(),
            "duration_s": round(time.monotonic() - started, 1),
            "chains": list(plan.destination_chains),
            "variants": list(plan.variants),
            "parallel": plan.parallel,
        },
        "measurements": measurements,
    }


def commit() -> str:
    """The measured tree's commit, "+changes" when it has uncommitted changes."""

    def git(*args: str) -> str:
        command = ["git", "-C", str(REPO), *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()

    try:
        head = git("rev-parse", "--short", "HEAD")
        changed = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" +changes" if changed else "")


def environment() -> dict[str, Any]:
    """When, at which commit and with which engine the numbers were taken."""
    engine = subprocess.run(
        [str(engine_bin() / "pulumi"), "version"], capture_output=True, text=True, check=True
    )
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "engine": engine.stdout.strip(),
        "pulumi_sdk": version("pulumi"),
        "python": platform.python_version(),
    }


def meta(plan: Plan, duration_s: float) -> dict[str, Any]:
    """Where and how the numbers were taken."""
    return {
        **environment(),
        "duration_s": round(duration_s, 1),
        "cpus": len(os.sched_getaffinity(0)),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "provider_workers": WORKERS,
        "chains": list(plan.chains),
        "latencies_ms": list(plan.latencies_ms),
        "repetitions": {str(n): plan.reps(n) for n in plan.chains},
        "skip_checkpoints_at": list(plan.skip_checkpoints_at),
        "variants": list(plan.variants),
        "parallel": plan.parallel,
    }
