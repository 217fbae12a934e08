"""`python -m benchmarks.profile`: where the provider process spends its CPU in one operation.

    .venv/bin/pip install py-spy     # a profiling tool, not a dependency of the project
    python -m benchmarks.profile --chains 100 --operation up [--latency 50] [--variant floor]

Runs the lifecycle of one scenario up to `--operation` and samples the provider process
(`python -m pulumi.dynamic`) with py-spy while that operation runs, only the thread holding the
GIL (Python running, not threads waiting). Prints the samples by owner of the innermost frame
(our package, the Pulumi SDK, gRPC, protobuf, the HTTP client, ...), the functions with the most
samples, and our package's functions with the most samples beneath them; keeps py-spy's raw
stacks in --out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from benchmarks import procs
from benchmarks.runner import BENCH_EMAIL, BENCH_PASSWORD, DATADDO, OPERATIONS, Runner, Scenario
from dataddo_emulator.testing import running_emulator

# (owner, what a frame's `(path:line)` starts with), first match wins; py-spy writes paths
# relative to their sys.path entry.
OWNERS = (
    ("pulumi_dataddo (ours)", "(pulumi_dataddo/"),
    ("benchmarks floor", "(benchmarks/"),
    ("grpc", "(grpc/"),
    ("protobuf", "(google/protobuf/"),
    ("pickle/dill", "(dill/"),
    ("pulumi SDK", "(pulumi/"),
    ("HTTP client", "(requests/"),
    ("HTTP client", "(urllib3/"),
    ("HTTP client", "(http/"),
    ("HTTP client", "(socket.py"),
)
OURS = OWNERS[0][0]


def owner(frame: str) -> str:
    """Who a py-spy frame (`function (path:line)`) belongs to."""
    return next((name for name, part in OWNERS if part in frame), "Python stdlib, other")


def parse_raw(lines: Iterable[str]) -> list[tuple[list[str], int]]:
    """py-spy's raw (collapsed) output: one `frame;frame;... count` per line, outermost first."""
    stacks = []
    for line in lines:
        stack, _, count = line.rstrip().rpartition(" ")
        if stack and count.isdigit():
            stacks.append((stack.split(";"), int(count)))
    return stacks


def tally(stacks: Sequence[tuple[list[str], int]], top: int = 15) -> str:
    """The report: samples by owner, hottest functions, our functions including callees."""
    total = sum(count for _, count in stacks) or 1
    by_owner: Counter[str] = Counter()
    hottest: Counter[str] = Counter()
    ours_inclusive: Counter[str] = Counter()
    under_ours = 0
    for frames, count in stacks:
        by_owner[owner(frames[-1])] += count
        hottest[frames[-1]] += count
        mine = {frame for frame in frames if owner(frame) == OURS}
        under_ours += count * bool(mine)
        for frame in mine:
            ours_inclusive[frame] += count

    def lines(counter: Counter[str]) -> list[str]:
        return [f"  {100 * n / total:5.1f}%  {name}" for name, n in counter.most_common(top)]

    return "\n".join(
        [
            f"{total} CPU samples; {100 * under_ours / total:.1f}% with our code on the stack",
            "by owner of the innermost frame:",
            *lines(by_owner),
            "innermost frames:",
            *lines(hottest),
            "our functions, callees included:",
            *lines(ours_inclusive),
        ]
    )


class Attacher:
    """Starts `py-spy record` on each provider process that appears below this process."""

    def __init__(self, out: Path, rate: int) -> None:
        self.out, self.rate = out, rate
        self.recorders: list[subprocess.Popen[bytes]] = []
        self.outputs: list[Path] = []
        self._seen: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> Attacher:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        for recorder in self.recorders:
            recorder.wait(60)  # py-spy ends with the process it samples

    def _watch(self) -> None:
        py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
        while not self._stop.wait(0.02):
            for pid in procs.descendants(os.getpid()):
                if pid in self._seen or procs.role_of(procs.command_line(pid)) != "provider":
                    continue
                self._seen.add(pid)
                output = self.out / f"provider-{pid}.txt"
                # --gil: only the thread holding the GIL, i.e. Python actually running.
                command = [py_spy, "record", "--pid", str(pid), "--format", "raw", "--gil"]
                command += ["--rate", str(self.rate), "--output", str(output), "--nonblocking"]
                self.recorders.append(subprocess.Popen(command, stdout=subprocess.DEVNULL))
                self.outputs.append(output)


def profile(scenario: Scenario, operation: str, out: Path, rate: int) -> str:
    """Run the lifecycle up to `operation`, profiling that one; the tally of its samples."""
    steps = [name for name, _ in OPERATIONS]
    with tempfile.TemporaryDirectory(prefix="dataddo-profile-") as tmp:
        users = {BENCH_EMAIL: BENCH_PASSWORD}
        with running_emulator(db=Path(tmp) / "emulator.db", users=users, live_after=0) as emu:
            runner = Runner(emu, Path(tmp))
            project = runner.project(scenario)
            if scenario.latency_ms:
                emu.set_faults([{"route": "*", "latency_ms": scenario.latency_ms}])
            for name, args in OPERATIONS[: steps.index(operation) + 1]:
                if name != operation:
                    runner.measure(project, scenario, name, args)
                    continue
                with Attacher(out, rate) as attacher:
                    measured = runner.measure(project, scenario, name, args)
            if operation != "destroy":  # leave the account empty
                runner.measure(project, scenario, "destroy", OPERATIONS[-1][1])
    stacks = [s for path in attacher.outputs for s in parse_raw(path.read_text().splitlines())]
    wall, cpu = measured["wall_s"], measured["cpu_s"]
    return f"{scenario.label()}, {operation}: {wall:.2f} s wall, CPU s {cpu}\n{tally(stacks)}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile")
    parser.add_argument("--chains", type=int, default=100)
    parser.add_argument("--latency", type=float, default=0.0, help="added API latency, ms")
    parser.add_argument("--operation", default="up", choices=[name for name, _ in OPERATIONS])
    parser.add_argument("--variant", default=DATADDO, choices=[DATADDO, "floor"])
    parser.add_argument("--rate", type=int, default=250, help="samples per second")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "dataddo-prof")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    scenario = Scenario(args.variant, args.chains, args.latency)
    print(profile(scenario, args.operation, args.out, args.rate))
    print(f"raw stacks: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
