"""The figures of the last run: one row per scenario, written to `.state/reliability.json` and,
when `DATADDO_RELIABILITY_DOC` names a file (docs/reliability.md), into its figures block."""

from __future__ import annotations

import json
import os
import platform
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.e2e.harness import REPO

RESULTS = REPO / ".state" / "reliability.json"
DOC_ENV = "DATADDO_RELIABILITY_DOC"
BEGIN = "<!-- figures:begin (written by tests/reliability; do not edit) -->"
END = "<!-- figures:end -->"


@dataclass(frozen=True)
class Row:
    scenario: str
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

    def add(self, row: Row) -> None:
        self.rows.append(row)

    def write(self) -> None:
        if not self.rows:
            return
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        rows = sorted(self.rows, key=lambda r: r.scenario)
        RESULTS.write_text(json.dumps([asdict(r) for r in rows], indent=1))
        doc = os.environ.get(DOC_ENV)
        if doc:
            update_doc(Path(doc), render(rows, time.time() - self.started))


def render(rows: list[Row], seconds: float) -> str:
    header = (
        "| scenario | chains | run under faults | faults injected | left before recovery "
        "| objects | duplicates | orphans | lost | secret hits |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
    )
    body = "".join(
        f"| {r.scenario} | {r.chains} | {r.first_run.replace('|', '/')} | {r.faults} "
        f"| {r.before_recovery} | {r.objects} | {r.duplicates} | {r.orphans} | {r.lost} "
        f"| {r.secret_hits} |\n"
        for r in rows
    )
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    return (
        f"Last run: {when}, {len(rows)} scenarios in {seconds:.0f} s ({machine}).\n\n{header}{body}"
    )


def update_doc(path: Path, figures: str) -> None:
    text = path.read_text()
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(f"{text[:start]}\n{figures}{text[end:]}")
