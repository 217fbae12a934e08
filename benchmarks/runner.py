"""One lifecycle of one scenario: `preview`, `up`, `preview`, `refresh`, `destroy` by the CLI.

Each operation is the `pulumi` command a user would type (non-interactive, `--skip-preview`
where a command would otherwise preview first), timed from start to exit. The Automation API is
not used for the timed commands: it runs more CLI commands after each one (stack info,
outputs), which would be timed too. The e2e harness's `Project` sets up the throwaway project,
its file backend and its config.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import journal, procs
from benchmarks.program import PROGRAM
from dataddo_emulator.testing import ALL_KINDS, RunningEmulator
from harness.engine import PLUGIN, REPO, Project

BENCH_EMAIL = "bench@example.com"
BENCH_PASSWORD = "bench-login-pw-4Kd9"
FLOOR, DATADDO = "floor", "dataddo"
NATIVE_FLOOR, NATIVE = "native-floor", "native"
# Each provider beside the floor it is measured against.
FLOOR_OF = {DATADDO: FLOOR, NATIVE: NATIVE_FLOOR}
# The plugin directories a variant's project points at.
PLUGINS: dict[str, dict[str, Path]] = {
    NATIVE: {"dataddo": PLUGIN},
    NATIVE_FLOOR: {"benchfloor": REPO / "benchmarks" / "native-floor-plugin"},
}

# The program's chains (benchmarks/program.py): the seed's Service -> Source -> Flow (timed),
# or the same Source written into a database (counted only).
SEED, DESTINATION = "seed", "destination"
# The emulator's collection of each resource kind.
COLLECTION_OF = {
    "Service": "services",
    "Source": "sources",
    "Destination": "destinations",
    "Flow": "flows",
}


def resources_of(chain: str, chains: int) -> dict[str, int]:
    """How many resources of each kind `chains` chains of that shape declare."""
    if chain == DESTINATION:  # two Services: the Snapchat login and the database's
        return {"Service": 2 * chains, "Source": chains, "Destination": chains, "Flow": chains}
    return {"Service": chains, "Source": chains, "Flow": chains}


# (name, CLI arguments); `--expect-no-changes` makes a perpetual diff fail the benchmark.
OPERATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("preview-fresh", ("preview",)),
    ("up", ("up", "--yes", "--skip-preview")),
    ("preview-unchanged", ("preview", "--expect-no-changes")),
    ("refresh", ("refresh", "--yes", "--skip-preview")),
    ("destroy", ("destroy", "--yes", "--skip-preview")),
)


class BenchmarkError(RuntimeError):
    """An operation failed or left the account in an unexpected state."""


@dataclass(frozen=True)
class Scenario:
    """What runs: which providers, how many chains, how slow the API is, and whether the engine
    skips its intermediate checkpoints (`PULUMI_SKIP_CHECKPOINTS`, see docs/benchmarks.md)."""

    variant: str  # DATADDO, FLOOR, NATIVE or NATIVE_FLOOR
    chains: int
    latency_ms: float = 0.0
    skip_checkpoints: bool = False
    # The engine's `--parallel` (None: the CLI's default, 8).
    parallel: int | None = None
    chain: str = SEED  # or DESTINATION

    def label(self) -> str:
        skip = ", checkpoints skipped" if self.skip_checkpoints else ""
        parallel = f" --parallel {self.parallel}" if self.parallel else ""
        chain = f" {self.chain} chain" if self.chain != SEED else ""
        return (
            f"{self.variant}{chain} N={self.chains} latency={self.latency_ms:g}ms{parallel}{skip}"
        )

    def arguments(self, args: tuple[str, ...]) -> tuple[str, ...]:
        """A command's arguments with the scenario's `--parallel`."""
        return (*args, "--parallel", str(self.parallel)) if self.parallel else args


def tail(text: str | None, lines: int = 30) -> str:
    return "\n".join((text or "").splitlines()[-lines:])


class Runner:
    """Runs lifecycles against one emulator; one project (stack) per variant and size."""

    def __init__(self, emulator: RunningEmulator, workdir: Path) -> None:
        self.emulator = emulator
        self.workdir = workdir
        self._projects: dict[tuple[str, int, bool, str], Project] = {}

    def project(self, scenario: Scenario) -> Project:
        """The project of the scenario's variant, size, checkpointing and chain, made on first
        use."""
        variant, chains = scenario.variant, scenario.chains
        key = (variant, chains, scenario.skip_checkpoints, scenario.chain)
        if key not in self._projects:
            root = self.workdir / "-".join(map(str, key))
            root.mkdir(parents=True)
            # The program and the provider process import `benchmarks` from the repository.
            path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
            env = {"PYTHONPATH": path}
            if scenario.skip_checkpoints:
                env["PULUMI_SKIP_CHECKPOINTS"] = "true"
            plugins = PLUGINS.get(variant)
            project = Project(root, PROGRAM, env=env, name="bench", plugins=plugins)
            project.set_config({"bench:chains": str(chains), "bench:provider": variant})
            project.set_config({"bench:chain": scenario.chain})
            project.set_config({"dataddo:baseUrl": self.emulator.url, "dataddo:email": BENCH_EMAIL})
            project.set_config({"dataddo:password": BENCH_PASSWORD}, secret=True)
            self._projects[key] = project
        return self._projects[key]

    def lifecycle(
        self, scenario: Scenario, on_up: Callable[[Project], None] | None = None
    ) -> list[dict[str, Any]]:
        """Measure each operation once; `on_up` sees the project right after `up` (untimed)."""
        project = self.project(scenario)
        self.emulator.reset()
        if scenario.latency_ms:
            self.emulator.set_faults([{"route": "*", "latency_ms": scenario.latency_ms}])
        results = []
        for operation, args in OPERATIONS:
            results.append(self.measure(project, scenario, operation, args))
            self.check(scenario, operation)
            if operation == "up" and on_up is not None:
                on_up(project)
        return results

    def measure(
        self, project: Project, scenario: Scenario, operation: str, args: tuple[str, ...]
    ) -> dict[str, Any]:
        """Run one operation: wall time, API calls, and what its processes used."""
        self.emulator.clear_requests()
        emulator_cpu = procs.cpu_seconds(self.emulator.process.pid)
        with procs.ProcessSampler() as sampler:
            started = time.perf_counter()
            try:
                project.cli(*scenario.arguments(args), "--non-interactive")
            except subprocess.CalledProcessError as exc:
                raise BenchmarkError(
                    f"{scenario.label()}: `pulumi {' '.join(args)}` failed:\n"
                    f"{tail(exc.stdout)}\n{tail(exc.stderr)}"
                ) from None
            wall = time.perf_counter() - started
        emulator_cpu = procs.cpu_seconds(self.emulator.process.pid) - emulator_cpu
        calls = journal.summarize(self.emulator.requests(since=0))
        return {
            "variant": scenario.variant,
            "chain": scenario.chain,
            "chains": scenario.chains,
            "resources": resources_of(scenario.chain, scenario.chains),
            "latency_ms": scenario.latency_ms,
            "skip_checkpoints": scenario.skip_checkpoints,
            "parallel": scenario.parallel,
            "operation": operation,
            "wall_s": round(wall, 3),
            "calls": calls.by_route,
            "auth_calls": calls.auth,
            "failed_calls": calls.failed,
            "server_ms": calls.server_ms,
            "peak_rss_mb": sampler.usage.peak_rss_mb,
            "cpu_s": {**sampler.usage.cpu_s, "emulator": round(emulator_cpu, 2)},
        }

    def check(self, scenario: Scenario, operation: str) -> None:
        """The account holds what the operation should have left (real providers only)."""
        if scenario.variant not in FLOOR_OF or operation not in ("up", "destroy"):
            return
        declared = resources_of(scenario.chain, scenario.chains) if operation == "up" else {}
        expected = {kind: declared.get(name, 0) for name, kind in COLLECTION_OF.items()}
        objects = self.emulator.objects(*ALL_KINDS)
        counts = {kind: len(items) for kind, items in objects.items()}
        if counts != expected:
            raise BenchmarkError(f"{scenario.label()}: after {operation} the API holds {counts}")
