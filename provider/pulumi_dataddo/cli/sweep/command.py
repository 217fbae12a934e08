"""`pulumi-dataddo sweep`: remove the objects acceptance runs left behind (a killed run, a lost
runner), never one whose label lacks the prefix. The account comes from the environment
(`DATADDO_BASE_URL`, `DATADDO_EMAIL` and `DATADDO_PASSWORD`, or `DATADDO_ACCESS_TOKEN`)."""

from __future__ import annotations

import argparse
import time
from collections import Counter

from pulumi_dataddo import diagnostics
from pulumi_dataddo.cli.command import CliError, Command
from pulumi_dataddo.cli.sweep import ages, sweeper
from pulumi_dataddo.cli.sweep.labels import BASE
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.settings import resolve

DEFAULT_AGE = "1h"


def _prefix(text: str) -> str:
    if not text.startswith(BASE):
        raise argparse.ArgumentTypeError(
            f"{text!r}: must start with {BASE} (only the acceptance suite's objects are swept)"
        )
    return text


def _age(text: str) -> float:
    try:
        return ages.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--prefix",
        type=_prefix,
        default=BASE,
        help=f"remove only objects whose label starts with this (default {BASE}: every run's)",
    )
    parser.add_argument(
        "--older-than",
        type=_age,
        default=DEFAULT_AGE,
        metavar="AGE",
        help=f"only objects of runs started at least AGE ago: 0, 90s, 30m, 1h30m, 2d "
        f"(default {DEFAULT_AGE}, which spares runs still going)",
    )
    parser.add_argument("--dry-run", action="store_true", help="list, delete nothing")


def run(args: argparse.Namespace) -> int:
    older_than: float = args.older_than
    now = time.time()
    try:
        settings = resolve(lambda _key: None)
        settings.require_credentials()
        print(
            f"sweeping {settings.base_url}: labels starting with {args.prefix}, "
            f"runs started at least {ages.describe(older_than)} ago"
            + (" (dry run: nothing is deleted)" if args.dry_run else "")
        )
        diagnostics.setup_log_file()
        client = DataddoClient(settings)
        found = sweeper.leftovers(client, args.prefix)
        done = sweeper.sweep(
            client, found, older_than=older_than, now=now, dry_run=args.dry_run, say=print
        )
    except DataddoError as error:
        raise CliError(str(error)) from None
    for leftover in done.undated:
        print(f"kept {leftover.describe(now)}")
    print(_summary(done, dry_run=args.dry_run))
    return 1 if done.failed else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _summary(done: sweeper.Sweep, *, dry_run: bool) -> str:
    counts = Counter(leftover.kind for leftover in done.removed)
    kinds = ", ".join(
        _count(counts[kind.name], kind.name) for kind in sweeper.KINDS if counts[kind.name]
    )
    text = f"{'would remove' if dry_run else 'removed'} {len(done.removed)}"
    if kinds:
        text += f" ({kinds})"
    if done.failed:
        text += f"; {len(done.failed)} could not be removed"
    if done.younger:
        text += f"; kept {_count(len(done.younger), 'object')} of younger runs"
    if done.undated:
        text += f"; kept {_count(len(done.undated), 'object')} without a run time in the label"
    return text


COMMAND = Command(
    name="sweep",
    summary="Remove what acceptance runs left in the account: objects labelled "
    f"{BASE}<run id>, flows first, then sources, then services.",
    add_arguments=add_arguments,
    run=run,
)
