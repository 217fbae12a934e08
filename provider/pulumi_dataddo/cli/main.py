"""`pulumi-dataddo COMMAND ...`: the console script. A new subcommand is one entry in COMMANDS."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import NoReturn

from pulumi_dataddo import diagnostics, redaction
from pulumi_dataddo.cli.command import PROG, CliError, Command
from pulumi_dataddo.cli.export.command import COMMAND as EXPORT
from pulumi_dataddo.cli.review.command import COMMAND as REVIEW
from pulumi_dataddo.cli.sweep.command import COMMAND as SWEEP
from pulumi_dataddo.cli.unmanaged.command import COMMAND as UNMANAGED

COMMANDS: tuple[Command, ...] = (REVIEW, UNMANAGED, SWEEP, EXPORT)


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 1 like other failures: exit 2 is left to `review --fail-on`."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    top = _Parser(prog=PROG, description="Tools for Pulumi stacks of Dataddo resources.")
    subcommands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = subcommands.add_parser(
            command.name, help=command.summary, description=command.summary
        )
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; its exit status (1 and a one-line message on any failure)."""
    args = parser().parse_args(argv)
    # Libraries' warnings (urllib3's retries) would reach stderr through logging's last resort
    # before the one line that says what failed; PULUMI_DATADDO_LOG_FILE still logs requests.
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())
    try:
        status: int = args.run(args)
    except CliError as error:
        print(f"{PROG} {args.command}: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug or an answer no one foresaw: one line, not a traceback
        if diagnostics.debugging():
            raise
        print(
            f"{PROG} {args.command}: unexpected {type(error).__name__}: "
            f"{redaction.redact(str(error))} ({diagnostics.DEBUG_ENV}=1 shows where)",
            file=sys.stderr,
        )
        return 1
    return status
