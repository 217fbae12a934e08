"""`pulumi up` of 20 chains killed (SIGKILL, the CLI and every process it started) at a seeded
random point while creates are in flight; after the documented recovery (unlock, refresh
dropping the interrupted creates, `pulumi-dataddo unmanaged --adopt`, up) 0 duplicates, 0 orphans,
0 lost. The seeds alternate between the providers (odd: dynamic, even: native)."""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path

import pytest

from tests.reliability.audit import Counts, count
from tests.reliability.chains import CHAINS
from tests.reliability.checks import finish, injected_faults, left_behind, open_stack
from tests.reliability.conftest import USER, Served
from tests.reliability.figures import Figures
from tests.reliability.providers import DYNAMIC, PROVIDERS
from tests.reliability.rules import answered_creates, on_creates
from tests.reliability.scenario import (
    Outcome,
    Stack,
    kill_session,
    provider_processes,
    session_members,
    wait_until,
)

pytestmark = pytest.mark.e2e

# More seeds for a soak run: DATADDO_RELIABILITY_SEEDS=20.
SEEDS = range(1, 1 + int(os.environ.get("DATADDO_RELIABILITY_SEEDS", "4")))
# Each seed on one provider, in turn: every kill scenario runs on both in the time of one.
KILLS = [(seed, PROVIDERS[(seed - 1) % len(PROVIDERS)]) for seed in SEEDS]


def killed_mid_create(
    seed: int, tmp_path: Path, served: Served, provider: str = DYNAMIC
) -> tuple[Stack, Outcome, int]:
    """A stack on `provider` whose `up` was killed after a seeded number of creates, while
    others were in flight; the killed run's outcome and its kill point."""
    kill_after = random.Random(seed).randint(1, 45)  # of the 60 creates
    stack = open_stack(tmp_path, served, provider=provider)
    # Slow creates, so that several are in flight when the kill comes.
    served.emulator.set_faults(on_creates(latency_ms=500, jitter_ms=700), seed=seed)
    mark = max((e["seq"] for e in served.emulator.requests(since=0)), default=0)
    output = tmp_path / "killed-up.txt"
    cli = stack.project.spawn("up", "--yes", "--skip-preview", "--non-interactive", output=output)
    try:
        assert wait_until(lambda: answered_creates(served, mark) >= kill_after, timeout=180)
    finally:
        kill_session(cli.pid)
    cli.wait(30)
    assert session_members(cli.pid) == []  # no plugin process lingers
    killed = Outcome(False, output.read_text(), killed=True, provider=provider)
    stack.console.append(killed.text)
    return stack, killed, kill_after


@pytest.mark.parametrize(("seed", "provider"), KILLS)
def test_killed_up_then_recovery(
    seed: int, provider: str, tmp_path: Path, served: Served, figures: Figures
) -> None:
    stack, killed, kill_after = killed_mid_create(seed, tmp_path, served, provider)
    faults = injected_faults(served)
    served.emulator.clear_faults()
    before = left_behind(served, stack)
    assert " 0 pending creates" not in before  # killed mid-create

    recovered = stack.recover(killed=True)
    assert recovered.completed, recovered.text[-3000:]
    assert stack.converged()
    finish(
        f"up killed after {kill_after} creates (seed {seed})",
        served,
        figures,
        {"rel": stack},
        first_run=killed,
        faults=faults,
        before_recovery=before,
    )


def test_without_the_recovery_the_orphans_would_be_duplicated(
    tmp_path: Path, served: Served
) -> None:
    """The control: a plain refresh and up after the same kill creates again what the killed
    run had made, so the audit's counts and the recovery both matter."""
    stack, _, _ = killed_mid_create(1, tmp_path, served)
    served.emulator.clear_faults()
    left_behind(served, stack)
    orphans = count(served.emulator, USER[0], {"rel": stack.project}).orphans
    assert orphans > 0
    stack.project.stack.cancel()
    assert stack.refresh(clear_pending_creates=True).completed
    assert stack.up().completed
    assert count(served.emulator, USER[0], {"rel": stack.project}) == Counts(
        3 * CHAINS + orphans, orphans, orphans, 0
    )


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_provider_outliving_a_killed_cli_exits_by_itself(
    provider: str, tmp_path: Path, served: Served
) -> None:
    """Killing only `pulumi` leaves its plugins running; the provider notices the engine is
    gone and exits, so no create of it can land after a recovery has looked."""
    stack = open_stack(tmp_path, served, chains=2, provider=provider)
    served.emulator.set_faults(on_creates(latency_ms=3000), seed=1)
    cli = stack.project.spawn(
        "up", "--yes", "--skip-preview", "--non-interactive", output=tmp_path / "up.txt"
    )
    try:
        assert wait_until(lambda: served.emulator.in_flight() > 0, timeout=60)
        assert provider_processes(cli.pid)
        os.kill(cli.pid, signal.SIGKILL)  # the CLI alone
        cli.wait(30)
        assert wait_until(lambda: not provider_processes(cli.pid), timeout=30)
    finally:
        kill_session(cli.pid)  # the language host and the program are not ours to stop
