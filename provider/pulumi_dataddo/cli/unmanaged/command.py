"""The `unmanaged` subcommand: objects of the account that no stack holds, which of them a failed
or killed run may have created, and (`--adopt`) have the next `pulumi up` adopt those."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pulumi_dataddo.cli.command import CliError, Command
from pulumi_dataddo.cli.unmanaged.inventory import inventory, source_check
from pulumi_dataddo.cli.unmanaged.matching import Found, matches, proposed
from pulumi_dataddo.cli.unmanaged.stacks import (
    ADOPT_KEY,
    Planned,
    PulumiCli,
    held,
    suspects_since,
)
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.client import DataddoClient


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cwd", default=".", help="the Pulumi project's directory (default: .)")
    parser.add_argument("--stack", help="the stack to recover (default: the selected one)")
    parser.add_argument(
        "--state",
        action="append",
        default=[],
        metavar="FILE",
        help="a `pulumi stack export` of another project's stack whose objects count as held "
        "(repeatable); every stack of this project counts already",
    )
    parser.add_argument(
        "--adopt",
        action="store_true",
        help=f"write {ADOPT_KEY} so that the next `pulumi up` adopts each object matched to "
        "exactly one resource it would create",
    )
    parser.add_argument(
        "--since",
        type=_moment,
        default=argparse.SUPPRESS,  # absent: read the stack's history
        metavar="TIME",
        help="match only objects the API dates at or after TIME (ISO 8601, e.g. "
        "2026-12-03T07:00:00Z; `any`: no bound). Default: a minute before the end of the "
        "stack's last succeeded update or, when none succeeded, before its first run started "
        "(its first update, or the earliest resource in its state); when neither dates a run, "
        "nothing is matched",
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
    exports = {name: cli.export(name) for name in cli.stacks()}
    if hasattr(args, "since"):
        since, undated = args.since, False
    else:
        # `--stack org/project/dev` names a stack `stack ls` calls `dev`.
        export = exports[stack] if stack in exports else cli.export(stack)
        since = suspects_since(cli.history(stack), export)
        undated = since is None  # no bound: any object may predate the run, so none is matched
    holding = set().union(*(held(export) for export in exports.values()))
    for path in args.state:
        holding |= held(_read_export(Path(path)))
    planned: list[Planned] = []
    found: dict[str, list[Found]] = {}
    try:
        api = DataddoClient(cli.settings(stack))
        unmanaged = [o for o in inventory(api) if (o.kind, o.id) not in holding]
        if not undated:
            planned = cli.planned_creates(stack)
            found = matches(planned, unmanaged, source_check(api), since)
    except DataddoError as exc:
        raise CliError(str(exc)) from None
    proposals, shared = proposed(planned, found)
    if args.adopt and proposals:
        cli.set_adoptions(stack, {**cli.adoptions(stack), **proposals})
    report = Report(
        stack,
        unmanaged,
        planned,
        found,
        proposals,
        since=since,
        undated=undated,
        shared=shared,
        adopted=args.adopt,
    )
    print(json.dumps(report.data(), indent=2) if args.json else report.text())
    return 0


def _read_export(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise CliError(f"{path}: not a readable `pulumi stack export` ({exc})") from None


class Report:
    """What `unmanaged` found, as text for people and as JSON for scripts."""

    def __init__(
        self,
        stack: str,
        unmanaged: list[Found],
        planned: list[Planned],
        found: Mapping[str, list[Found]],
        proposals: Mapping[str, str],
        *,
        since: float | None,
        undated: bool,
        shared: list[str],
        adopted: bool,
    ) -> None:
        self.stack, self.unmanaged, self.proposals = stack, unmanaged, proposals
        self.since, self.undated, self.shared, self.adopted = since, undated, shared, adopted
        keys = {p.urn: p.key for p in planned}
        self.claims = {o.id: keys[urn] for urn, objects in found.items() for o in objects}
        self.ambiguous = {
            keys[urn]: [o.id for o in objects] for urn, objects in found.items() if len(objects) > 1
        }

    def data(self) -> dict[str, Any]:
        return {
            "stack": self.stack,
            "unmanaged": [
                {
                    "kind": o.kind,
                    "id": o.id,
                    "label": o.label,
                    "since": _when(o.since),
                    "may_be": self.claims.get(o.id),
                }
                for o in self.unmanaged
            ],
            "since": _when(self.since),
            "undated": self.undated,
            "adopt": dict(self.proposals),
            "ambiguous": self.ambiguous,
            "shared_names": self.shared,
            "written": self.adopted and bool(self.proposals),
        }

    def text(self) -> str:
        if not self.unmanaged:
            return "Every Dataddo object of the account is held by a stack."
        lines = [f"Objects of the account that no stack holds ({len(self.unmanaged)}):"]
        for o in self.unmanaged:
            claim = self.claims.get(o.id)
            lines.append(
                f"  {o.kind.lower():<7} {o.id:<24} {o.label!r}"
                + (f"  since {_when(o.since)}" if o.since else "")
                + (f"  -> may be {claim}" if claim else "")
            )
        bound = _when(self.since)
        if self.undated:
            lines.append(
                f"Matched none: stack {self.stack} has no update in its history and no resource "
                "in its state, so nothing tells when the failed run started and any of these may "
                "be older. To match, pass --since with a time no later than that start (or "
                "--since any)."
            )
        elif bound:
            lines.append(f"Matched only objects the API dates at or after {bound} (see --since).")
        else:
            lines.append("Matched objects of any date (--since any).")
        for key, ids in self.ambiguous.items():
            several = ", ".join(ids)
            lines.append(f"{key} matches several ({several}): set its adopt_id to the one meant")
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
        lines.append("Delete in Dataddo what no one needs.")
        return "\n".join(lines)


def _when(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


COMMAND = Command(
    name="unmanaged",
    summary="list the account's objects no stack holds; --adopt: adopt what a failed run made",
    add_arguments=add_arguments,
    run=run,
)
