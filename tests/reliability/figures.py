"""The figures of the last run: one row per scenario and provider, with each provider's tests
and time, written to `.state/reliability.json` and, when `DATADDO_RELIABILITY_DOC` names a file
(docs/reliability.md), into its figures block."""

from __future__ import annotations

import json
import os
import platform
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from harness.engine import REPO

RESULTS = REPO / ".state" / "reliability.json"
DOC_ENV = "DATADDO_RELIABILITY_DOC"
BEGIN = "<!-- figures:begin (written by tests/reliability; do not edit) -->"
END = "<!-- figures:end -->"


@dataclass(frozen=True)
class Row:
    scenario: str
    provider: str  # "dynamic" or "native" (providers.py)
    chains: int
    first_run: str  # how the run under faults ended
    faults: int  # requests the emulator answered with an injected fault
    before_recovery: str  # what was left before the recovery (pending creates, orphans)
    objects: int
    duplicates: int
    orphans: int
    lost: int
    secret_hits: int


class Figures:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.started = time.time()
        # Each test's seconds (setup to teardown), by the provider it ran on (conftest.timed).
        self.tests: dict[str, list[float]] = {}

    def add(self, row: Row) -> None:
        self.rows.append(row)

    def timed(self, provider: str, seconds: float) -> None:
        self.tests.setdefault(provider, []).append(seconds)

    def write(self) -> None:
        if not self.rows:
            return
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        rows = sorted(self.rows, key=lambda r: (r.scenario, r.provider))
        RESULTS.write_text(json.dumps([asdict(r) for r in rows], indent=1))
        doc = os.environ.get(DOC_ENV)
        if doc:
            update_doc(Path(doc), render(rows, time.time() - self.started, self.tests))


def render(rows: list[Row], seconds: float, tests: dict[str, list[float]]) -> str:
    header = (
        "| scenario | provider | chains | run under faults | faults injected "
        "| left before recovery | objects | duplicates | orphans | lost | secret hits |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    body = "".join(
        f"| {r.scenario} | {r.provider} | {r.chains} | {r.first_run.replace('|', '/')} "
        f"| {r.faults} | {r.before_recovery} | {r.objects} | {r.duplicates} | {r.orphans} "
        f"| {r.lost} | {r.secret_hits} |\n"
        for r in rows
    )
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    per_provider = "".join(
        f"; {provider}: {len(times)} tests in {sum(times):.0f} s"
        for provider, times in sorted(tests.items())
    )
    return (
        f"Last run: {when}, {len(rows)} scenarios in {seconds:.0f} s{per_provider} "
        f"({machine}).\n\n{header}{body}"
    )


def update_doc(path: Path, figures: str) -> None:
    text = path.read_text()
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(f"{text[:start]}\n{figures}{text[end:]}")
