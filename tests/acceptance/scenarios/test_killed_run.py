"""A `pulumi up` killed mid-run (SIGKILL, as a cancelled CI job) leaves objects Pulumi never
recorded; `pulumi-dataddo sweep` removes them, flows first, and nothing else."""

from __future__ import annotations

import time

import pytest

from pulumi_dataddo.cli.sweep.sweeper import KINDS
from tests.acceptance.calls import tally
from tests.acceptance.chains import SEED
from tests.acceptance.scenario import Scenario

pytestmark = pytest.mark.e2e

# Seconds for requests the killed providers had sent to be carried out.
SETTLE = 3.0


def test_killed_then_swept(scenario: Scenario) -> None:
    stack = scenario.deploy(SEED)
    stack.killed_up(
        lambda: tally(scenario.log).created["source"] >= 1, output=scenario.root / "killed.txt"
    )
    time.sleep(SETTLE)
    left = scenario.account.leftovers()
    assert {leftover.kind for leftover in left} >= {"service", "source"}

    swept = scenario.sweep()
    assert swept.returncode == 0, swept.stdout + swept.stderr
    order = [kind.name for kind in KINDS]
    lines = [line.split() for line in swept.stdout.splitlines()]
    removed = [words[1] for words in lines if words[:1] == ["removed"] and words[1] in order]
    assert removed == sorted((leftover.kind for leftover in left), key=order.index)
    assert scenario.account.leftovers() == []
