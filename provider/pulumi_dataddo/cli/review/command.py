"""The `review` subcommand: read a plan, print the review, gate on actions."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from pulumi_dataddo.cli.command import PROG, CliError, Command
from pulumi_dataddo.cli.review.markdown import render
from pulumi_dataddo.cli.review.plan import Plan, PlanError, parse

GATED = ("create", "update", "replace", "delete")
STDIN = "-"
GATE_TRIPPED = 2


def _actions(text: str) -> frozenset[str]:
    """`--fail-on`'s value: a comma-separated subset of GATED."""
    actions = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(actions - set(GATED))
    if unknown or not actions:
        raise argparse.ArgumentTypeError(
            f"{', '.join(unknown) or text!r}: expected a comma-separated list of {', '.join(GATED)}"
        )
    return actions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "plan", metavar="PLAN.json", help="`pulumi preview --json` output; - reads stdin"
    )
    parser.add_argument(
        "--fail-on",
        type=_actions,
        default=frozenset(),
        metavar="ACTIONS",
        help=f"exit 2 when a Dataddo resource would see one of these ({','.join(GATED)}), "
        "or when the preview failed",
    )
    parser.add_argument("--out", metavar="FILE", help="write the Markdown to FILE, not stdout")


def run(args: argparse.Namespace) -> int:
    name = "<stdin>" if args.plan == STDIN else args.plan
    plan = load(args.plan, name)
    text = render(plan)
    if args.out:
        _write(Path(args.out), text)
    else:
        sys.stdout.write(text)
    tripped = gate(plan, args.fail_on)
    if tripped:
        print(f"{PROG} review: {name}: {tripped} (--fail-on)", file=sys.stderr)
        return GATE_TRIPPED
    return 0


def load(path: str, name: str) -> Plan:
    """The plan at `path` (`-`: stdin); a `CliError` naming `name` and the fault otherwise."""
    try:
        text = sys.stdin.read() if path == STDIN else Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise CliError(f"{name}: cannot read it: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise CliError(f"{name}: not UTF-8 text") from None
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise CliError(
            f"{name}: not JSON ({error.msg}, line {error.lineno} column {error.colno})"
        ) from None
    try:
        return parse(document)
    except PlanError as error:
        raise CliError(f"{name}: not a plan this tool can read: {error}") from None


def gate(plan: Plan, actions: frozenset[str]) -> str:
    """Why `--fail-on actions` fails this plan ("" when it passes)."""
    if not actions:
        return ""
    counts = Counter(change.action for change in plan.dataddo() if change.action in actions)
    reasons = [f"{counts[action]} to {action}" for action in GATED if counts[action]]
    if plan.errors:
        reasons.append("the preview failed")
    return ", ".join(reasons)


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CliError(f"{path}: cannot write it: {error.strerror or error}") from None


COMMAND = Command(
    name="review",
    summary="Summarize a `pulumi preview --json` plan as Markdown for a pull-request comment.",
    add_arguments=add_arguments,
    run=run,
)
