"""`make acceptance`, i.e. `python -m tests.acceptance [PYTEST ARGS]`: the scenarios against the
account the environment names, only with `DATADDO_ACCEPTANCE=1`; else it says what to set and
runs nothing. The report is printed at the end of pytest's output."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from harness.engine import engine_bin
from pulumi_dataddo.cli.sweep.labels import BASE
from pulumi_dataddo.settings import SettingsError
from tests.acceptance.chains import CHAINS
from tests.acceptance.target import Target, enabled
from tests.acceptance.variables import ACCOUNT, Variable

SCENARIOS = Path(__file__).resolve().parent / "scenarios"


def _lines(variables: tuple[Variable, ...]) -> list[str]:
    width = max(len(variable.name) for variable in variables)
    return [f"  {variable.name.ljust(width)}  {variable.meaning}" for variable in variables]


def usage() -> str:
    """What to set, and what a run does to the account."""
    lines = [
        "The acceptance suite runs end-to-end scenarios through the real Pulumi engine against a",
        f"Dataddo account. Every object it creates is labelled {BASE}<run id> and",
        "deleted again; it never reads, changes or deletes any other object. `make sweep`",
        "removes what a killed run left (docs/acceptance.md). To run it, set:",
        *_lines(ACCOUNT),
    ]
    for chain in CHAINS:
        lines += [f"The {chain.name} chain's scenarios also need (skipped without them):"]
        lines += _lines(chain.variables)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not enabled():
        print(usage())
        return 0
    try:
        target = Target.from_environment()
    except SettingsError as error:
        print(f"acceptance: {error}", file=sys.stderr)
        return 1
    print(f"acceptance: {target.describe()}", flush=True)
    os.environ.setdefault("PULUMI_DATADDO_ENGINE_BIN", str(engine_bin()))
    return int(pytest.main([str(SCENARIOS), "-p", "no:cacheprovider", *argv]))
