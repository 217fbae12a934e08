"""Peak memory and CPU time of the processes one engine operation starts, read from /proc.

No dependency: a thread walks this process's descendants every `interval` seconds and keeps,
per process, the last `VmHWM` (the kernel's own peak resident set, so a peak between two samples
is not missed) and user+system CPU time. Each process is given a role by its command line: the
`engine` (the `pulumi` CLI), the `provider` (`python -m pulumi.dynamic`, or a native plugin
directory run by Python: our code) and the `program` (the language host and the Pulumi
program). CPU used in the last interval before a
process exits is not seen, so CPU seconds are a slight underestimate.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

PROC = Path("/proc")
TICKS = os.sysconf("SC_CLK_TCK")
ROLES = ("engine", "provider", "program")
# Native plugins run as `python DIR ENGINE`: the plugin directories of ours and its floor.
PLUGIN_DIRECTORIES = ("plugin", "native-floor-plugin")


@dataclass(frozen=True)
class Sample:
    """One reading of one process."""

    pid: int
    ppid: int
    cpu_s: float
    hwm_kb: int = 0


def role_of(argv: list[str]) -> str | None:
    """The role of a process with this command line, None for the ones not reported."""
    if not argv:
        return None
    names = [os.path.basename(arg) for arg in argv[:2]]
    if "pulumi.dynamic" in argv or any(name in PLUGIN_DIRECTORIES for name in names):
        return "provider"
    if names[0] == "pulumi":
        return "engine"
    if any(name.startswith("pulumi-language-python") for name in names):
        return "program"
    return None


def read_stat(pid: int) -> Sample | None:
    """The parent and CPU time of `pid` (no peak), None when it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # Fields after the command name, which is in parentheses and may hold spaces.
    fields = stat[stat.rindex(")") + 2 :].split()
    return Sample(pid, int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)


def read_sample(pid: int) -> Sample | None:
    """`read_stat` plus the peak resident set (VmHWM), None when the process is gone."""
    sample = read_stat(pid)
    try:
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return None
    hwm = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")), "0")
    return None if sample is None else Sample(sample.pid, sample.ppid, sample.cpu_s, int(hwm))


def command_line(pid: int) -> list[str]:
    try:
        raw = (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def descendants(root: int) -> list[int]:
    """The pids below `root` in the process tree, right now."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            sample = read_stat(int(entry.name))
            if sample is not None:
                children[sample.ppid].append(sample.pid)
    found: list[int] = []
    pending = [root]
    while pending:
        kids = children.get(pending.pop(), [])
        found += kids
        pending += kids
    return found


@dataclass
class Usage:
    """What the processes of each role used during one operation."""

    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    cpu_s: dict[str, float] = field(default_factory=dict)


class ProcessSampler:
    """`with ProcessSampler() as sampler: ...` then `sampler.usage`; roles by `role_of`."""

    def __init__(self, interval: float = 0.1, root: int | None = None) -> None:
        self.interval = interval
        self.root = os.getpid() if root is None else root
        self._last: dict[int, tuple[str, Sample]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.usage = Usage()

    def __enter__(self) -> ProcessSampler:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
        self.usage = self._summarize()

    def _run(self) -> None:
        while True:
            self._tick()
            if self._stop.wait(self.interval):
                return

    def _tick(self) -> None:
        for pid in descendants(self.root):
            known = self._last.get(pid)
            role = known[0] if known else role_of(command_line(pid))
            sample = read_sample(pid) if role else None
            if role and sample:
                if known:  # an exited, unreaped process reads as no memory: keep the peak
                    sample = Sample(
                        pid,
                        sample.ppid,
                        max(sample.cpu_s, known[1].cpu_s),
                        max(sample.hwm_kb, known[1].hwm_kb),
                    )
                self._last[pid] = (role, sample)

    def _summarize(self) -> Usage:
        usage = Usage({role: 0.0 for role in ROLES}, {role: 0.0 for role in ROLES})
        for role, sample in self._last.values():
            usage.peak_rss_mb[role] = max(usage.peak_rss_mb[role], round(sample.hwm_kb / 1024, 1))
            usage.cpu_s[role] = round(usage.cpu_s[role] + sample.cpu_s, 2)
        return usage


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by one process (0 when it is gone)."""
    sample = read_stat(pid)
    return sample.cpu_s if sample else 0.0
