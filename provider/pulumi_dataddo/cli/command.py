"""What a subcommand is, and how one reports a failure."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

PROG = "pulumi-dataddo"


class CliError(Exception):
    """A failure told to the user in one line (no traceback); the script exits 1."""


@dataclass(frozen=True)
class Command:
    """A subcommand: its name, one line of help, its arguments and what it runs."""

    name: str
    summary: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
