"""The report printed at the end of a run: per scenario its result, the API calls it made and
the objects it created, removed and left; then the totals."""

from __future__ import annotations

from dataclasses import dataclass, field

from pulumi_dataddo.cli.sweep import ages
from tests.acceptance.calls import Tally

RESULTS = ("passed", "skipped", "failed")


@dataclass
class Outcome:
    """One scenario: its worst phase's result, why (a skip's reason, a failure's last line),
    and what it did to the account."""

    result: str = "passed"
    reason: str = ""
    tally: Tally = field(default_factory=Tally)
    left: int = 0

    def add(self, result: str, reason: str) -> None:
        """Fold in one phase (setup, call, teardown): failed > skipped > passed."""
        if RESULTS.index(result) > RESULTS.index(self.result):
            self.result, self.reason = result, reason


@dataclass
class Board:
    """Every scenario's outcome, in the order they ran."""

    target: str = ""
    prefix: str = ""
    started: float = 0.0
    finished: float = 0.0  # when the last scenario ended
    logs: str = ""
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    left_in_run: int | None = None  # what a listing by the run's prefix found at the end
    closing: Tally = field(default_factory=Tally)  # that listing's calls

    def outcome(self, scenario: str) -> Outcome:
        return self.outcomes.setdefault(scenario, Outcome())

    def render(self) -> list[str]:
        """The report's lines: the account and run, a table, the reasons, the verdict."""
        outcomes = self.outcomes.values()
        total = Outcome(tally=sum((o.tally for o in outcomes), self.closing))
        total.left = sum(o.left for o in outcomes) if self.left_in_run is None else self.left_in_run
        rows = [HEADER, *(_row(name, o) for name, o in self.outcomes.items()), _row("total", total)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
        table = [
            "  ".join(
                cell.ljust(width) if i < 2 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
            for row in rows
        ]
        counts = ", ".join(f"{sum(o.result == r for o in outcomes)} {r}" for r in RESULTS)
        took = ages.describe(self.finished - self.started)
        lines = [
            f"Dataddo acceptance: {self.target}",
            f"run {self.prefix}, {took}; provider logs: {self.logs}",
            "",
            *table[:-1],
            "",
            table[-1],
            "",
            *(f"{name}: {o.reason}" for name, o in self.outcomes.items() if o.reason),
            f"{counts}; {total.left} objects left labelled {self.prefix}",
        ]
        if total.left:
            lines.append(f"remove them: pulumi-dataddo sweep --prefix {self.prefix} --older-than 0")
        return lines


HEADER = ("scenario", "result", "API calls", "created", "removed", "left")


def _row(name: str, outcome: Outcome) -> tuple[str, ...]:
    tally = outcome.tally
    return (
        name,
        "" if name == "total" else outcome.result,
        str(tally.calls),
        str(sum(tally.created.values())),
        str(sum(tally.removed.values())),
        str(outcome.left),
    )
