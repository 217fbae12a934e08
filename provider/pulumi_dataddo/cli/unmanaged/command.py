"""The `unmanaged` subcommand: objects of the account that no stack holds, which of them a failed
or killed run may have created, and (`--adopt`) have the next `pulumi up` adopt those."""

from __future__ import annotations

import argparse
import json
import math
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pulumi_dataddo.cli.command import CliError, Command
from pulumi_dataddo.cli.unmanaged.inventory import inventory, source_check
from pulumi_dataddo.cli.unmanaged.matching import Found, Matches, matches, proposed
from pulumi_dataddo.cli.unmanaged.runs import ANY, Span, in_api_clock, runs
from pulumi_dataddo.cli.unmanaged.stacks import ADOPT_KEY, Planned, PulumiCli, held
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.client import DataddoClient

# `pulumi` commands run at once while reading the backend's stacks.
PARALLEL = 8


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cwd", default=".", help="the Pulumi project's directory (default: .)")
    parser.add_argument("--stack", help="the stack to recover (default: the selected one)")
    parser.add_argument(
        "--state",
        action="append",
        default=[],
        metavar="FILE",
        help="a `pulumi stack export` of a stack of another backend whose objects count as held "
        "(repeatable); every stack of this backend, any project's, counts already",
    )
    parser.add_argument(
        "--adopt",
        action="store_true",
        help=f"write {ADOPT_KEY} so that the next `pulumi up` adopts each object matched to "
        "exactly one resource it would create and claimed by no other stack",
    )
    parser.add_argument(
        "--since",
        type=_moment,
        default=argparse.SUPPRESS,  # absent: read the stack's history and state
        metavar="TIME",
        help="match objects the API dates at or after TIME (ISO 8601, e.g. "
        "2026-12-03T07:00:00Z; `any`: of any date). Default: those dated within a run of the "
        "stack that did not succeed since its last succeeded update (each failed update, from "
        "its start to two minutes after its end; a killed run, from the end of the operation "
        "before it on), by the API's clock",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _moment(text: str) -> float | None:
    if text == "any":
        return None
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is no ISO 8601 time (e.g. 2026-12-03T07:00:00Z) and not `any`"
        ) from None


def run(args: argparse.Namespace) -> int:
    cli = PulumiCli(Path(args.cwd))
    stack = args.stack or cli.current_stack()
    target = cli.qualified(stack)
    names = sorted({*cli.stacks(), target})
    holding, ran = read_stacks(cli, names)
    for path in args.state:
        holding |= held_in(Path(path))
    given = hasattr(args, "since")
    # A killed run nothing dates: any object may predate it, so none is matched.
    undated = not given and any(start == -math.inf for start, _ in ran[target])
    planned: list[Planned] = []
    matched = Matches()
    try:
        api = DataddoClient(cli.settings(stack))
        unmanaged = [o for o in inventory(api) if (o.kind, o.id) not in holding]
        skew = _skew(api)  # the listing's answers told the API's time
        if given:
            mine = [ANY if args.since is None else (args.since, math.inf)]
        else:
            mine = in_api_clock(ran[target], skew)
        if mine and not undated:
            others = {name: in_api_clock(ran[name], skew) for name in names if name != target}
            planned = cli.planned_creates(stack)
            matched = matches(planned, unmanaged, source_check(api), mine, others)
    except DataddoError as exc:
        raise CliError(str(exc)) from None
    proposals, shared = proposed(planned, matched)
    if args.adopt and proposals:
        cli.set_adoptions(stack, {**cli.adoptions(stack), **proposals})
    report = Report(
        stack,
        unmanaged,
        planned,
        matched,
        proposals,
        mine,
        given=given,
        undated=undated,
        shared=shared,
        adopted=args.adopt,
        holders=len(names),
        states=len(args.state),
    )
    print(json.dumps(report.data(), indent=2) if args.json else report.text())
    return 0


def _skew(api: DataddoClient) -> float | None:
    """How far the API's clock is ahead of this machine's (None: its answers carry no `Date`)."""
    now = api.clock.now()
    return None if now is None else now - time.time()


def read_stacks(
    cli: PulumiCli, names: Sequence[str]
) -> tuple[set[tuple[str, str]], dict[str, list[Span]]]:
    """What the stacks hold, and when each one's runs that did not succeed ran."""
    with ThreadPoolExecutor(PARALLEL) as pool:
        exports = list(pool.map(cli.export, names))
        histories = list(pool.map(cli.history, names))
    holding = set().union(*(held(export) for export in exports))
    ran = {
        name: runs(history, export)
        for name, history, export in zip(names, histories, exports, strict=True)
    }
    return holding, ran


def held_in(path: Path) -> set[tuple[str, str]]:
    """What the stack a --state file exports holds."""
    try:
        return held(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError) as exc:
        raise CliError(f"{path}: not a readable `pulumi stack export` ({exc})") from None


@dataclass(frozen=True)
class Report:
    """What `unmanaged` found, as text for people and as JSON for scripts: the stack recovered,
    the objects no stack holds, what the planned creates matched and which it adopts, the spans
    of the API's clock matched in (`given`: by --since; `undated`: a killed run nothing dates,
    so nothing was matched), and how many stacks of the backend and --state exports hold."""

    stack: str
    unmanaged: list[Found]
    planned: list[Planned]
    matched: Matches
    proposals: Mapping[str, str]
    runs: Sequence[Span]
    given: bool = False
    undated: bool = False
    shared: list[str] = field(default_factory=list)
    adopted: bool = False
    holders: int = 1
    states: int = 0

    def _keys(self) -> dict[str, str]:
        return {p.urn: p.key for p in self.planned}

    def may_be(self) -> dict[str, str]:
        """Object id -> the `dataddo:adopt` key of the planned create it may be."""
        keys = self._keys()
        return {o.id: keys[urn] for urn, found in self.matched.found.items() for o in found}

    def ambiguous(self) -> dict[str, list[str]]:
        """Key -> the several objects its planned create matches."""
        keys = self._keys()
        return {
            keys[urn]: [o.id for o in found]
            for urn, found in self.matched.found.items()
            if len(found) > 1
        }

    def contested(self) -> dict[str, tuple[str, list[str]]]:
        """Key -> its only match, and the other stacks whose runs may have made it as well."""
        keys = self._keys()
        return {
            keys[urn]: (found[0].id, self.matched.claims[found[0].id])
            for urn, found in self.matched.found.items()
            if len(found) == 1 and found[0].id in self.matched.claims
        }

    def data(self) -> dict[str, Any]:
        claims = self.may_be()
        return {
            "stack": self.stack,
            "unmanaged": [
                {
                    "kind": o.kind,
                    "id": o.id,
                    "label": o.label,
                    "since": _when(o.since),
                    "may_be": claims.get(o.id),
                }
                for o in self.unmanaged
            ],
            "runs": [[_when(start), _when(end)] for start, end in self.runs],
            "given": self.given,
            "undated": self.undated,
            "adopt": dict(self.proposals),
            "ambiguous": self.ambiguous(),
            "contested": {
                key: {"id": id_, "stacks": stacks}
                for key, (id_, stacks) in self.contested().items()
            },
            "shared_names": self.shared,
            "written": self.adopted and bool(self.proposals),
            "holders": {"stacks": self.holders, "states": self.states},
        }

    def text(self) -> str:
        if not self.unmanaged:
            exports = " or a --state export" if self.states else ""
            return (
                f"Every Dataddo object of the account is held by a stack of this backend{exports}."
            )
        claims = self.may_be()
        lines = [f"Objects of the account that no stack holds ({len(self.unmanaged)}):"]
        for o in self.unmanaged:
            claim = claims.get(o.id)
            lines.append(
                f"  {o.kind.lower():<7} {o.id:<24} {o.label!r}"
                + (f"  since {_when(o.since)}" if o.since else "")
                + (f"  -> may be {claim}" if claim else "")
            )
        lines.append(self._matched_in())
        for key, ids in self.ambiguous().items():
            several = ", ".join(ids)
            lines.append(f"{key} matches several ({several}): set its adopt_id to the one meant")
        for key, (id_, stacks) in self.contested().items():
            lines.append(
                f"{key} may be {id_}, which a run of {', '.join(stacks)} that did not succeed may "
                f"have made as well: settle it by hand (if it is stack {self.stack}'s, set "
                f"{key}'s adopt_id to {id_}; if not, leave it to that stack's recovery or delete "
                "it in Dataddo)"
            )
        for key in self.shared:
            lines.append(
                f"{key} names several resources (the same name under different parents): "
                "set adopt_id on the one meant"
            )
        adopting = ", ".join(self.proposals)
        if self.proposals and self.adopted:
            lines.append(
                f"Wrote {ADOPT_KEY} for stack {self.stack}: the next `pulumi up` adopts "
                f"{adopting} (afterwards: `pulumi config rm {ADOPT_KEY}`)."
            )
        elif self.proposals:
            lines.append(f"Run again with --adopt to have the next `pulumi up` adopt {adopting}.")
        exports = f" and the {self.states} --state exports" if self.states else ""
        lines.append(
            f"Held means held by the {self.holders} stacks of this backend (any project){exports};"
            " stacks of other backends are not known: add their `pulumi stack export` with --state."
        )
        lines.append("Delete in Dataddo what no one needs.")
        return "\n".join(lines)

    def _matched_in(self) -> str:
        """Which objects were matched, by their dates."""
        if self.undated:
            return (
                f"Matched none: a run of stack {self.stack} was killed, but neither its history "
                "nor its state dates it, so any of these may be older. To match, pass --since "
                "with a time no later than its start (or --since any)."
            )
        if self.given:
            start = _when(self.runs[0][0])
            return (
                f"Matched only objects the API dates at or after {start} (--since)."
                if start
                else "Matched objects of any date (--since any)."
            )
        if not self.runs:
            return (
                f"Matched none: no update of stack {self.stack} failed since its last succeeded "
                "one, and its state shows no killed run (one killed before it recorded anything "
                "leaves no trace: pass --since with a time no later than its start)."
            )
        spans = ", ".join(
            f"{_when(start)} to {_when(end)}" if _when(end) else f"{_when(start)} on"
            for start, end in self.runs
        )
        return (
            f"Matched only objects the API dates within a run of stack {self.stack} that did not "
            f"succeed: {spans} (see --since)."
        )


def _when(seconds: float | None) -> str | None:
    if seconds is None or not math.isfinite(seconds):
        return None
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


COMMAND = Command(
    name="unmanaged",
    summary="list the account's objects no stack holds; --adopt: adopt what a failed run made",
    add_arguments=add_arguments,
    run=run,
)
