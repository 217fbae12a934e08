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
from pulumi_dataddo.cli.unmanaged.matching import Found, matches
from pulumi_dataddo.cli.unmanaged.stacks import ADOPT_KEY, Planned, PulumiCli, held
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
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace) -> int:
    cli = PulumiCli(Path(args.cwd))
    stack = args.stack or cli.current_stack()
    holding = set().union(*(held(cli.export(name)) for name in cli.stacks()))
    for path in args.state:
        holding |= held(_read_export(Path(path)))
    try:
        api = DataddoClient(cli.settings(stack))
        unmanaged = [o for o in inventory(api) if (o.kind, o.id) not in holding]
        planned = cli.planned_creates(stack)
        found = matches(planned, unmanaged, source_check(api))
    except DataddoError as exc:
        raise CliError(str(exc)) from None
    proposals = {p.key: found[p.urn][0].id for p in planned if len(found.get(p.urn, [])) == 1}
    if args.adopt and proposals:
        cli.set_adoptions(stack, {**cli.adoptions(stack), **proposals})
    report = Report(stack, unmanaged, planned, found, proposals, adopted=args.adopt)
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
        adopted: bool,
    ) -> None:
        self.stack, self.unmanaged, self.proposals, self.adopted = (
            stack,
            unmanaged,
            proposals,
            adopted,
        )
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
            "adopt": dict(self.proposals),
            "ambiguous": self.ambiguous,
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
        for key, ids in self.ambiguous.items():
            several = ", ".join(ids)
            lines.append(f"{key} matches several ({several}): keep one with adopt_id")
        count = len(self.proposals)
        if self.proposals and self.adopted:
            lines.append(
                f"Wrote {ADOPT_KEY} for stack {self.stack}: the next `pulumi up` adopts {count} "
                f"(afterwards: `pulumi config rm {ADOPT_KEY}`)."
            )
        elif self.proposals:
            lines.append(f"Run again with --adopt to have the next `pulumi up` adopt {count}.")
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
