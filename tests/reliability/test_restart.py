"""The emulator killed (SIGKILL) and restarted on the same SQLite file and port while `pulumi up`
creates 20 chains, on either provider: every object it had stored is still there, the run
completes or fails clearly, and the recovery converges with 0 duplicates, 0 orphans, 0 lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataddo_emulator.testing import running_emulator
from tests.reliability.checks import finish, left_behind, open_stack
from tests.reliability.conftest import OTHER, USER, Served
from tests.reliability.figures import Figures
from tests.reliability.providers import PROVIDERS
from tests.reliability.rules import answered_creates, on_creates
from tests.reliability.scenario import Outcome, kill_session, wait_until

pytestmark = pytest.mark.e2e

USERS = dict([USER, OTHER])


def ids(objects: dict[str, list[dict[str, object]]]) -> set[str]:
    return {str(o["id"]) for kind in objects.values() for o in kind}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_emulator_restarted_mid_run(provider: str, tmp_path: Path, figures: Figures) -> None:
    db = tmp_path / "restarted.db"
    output = tmp_path / "up.txt"
    with running_emulator(db=db, users=USERS, live_after=0) as first:
        port = first.port
        stack = open_stack(tmp_path, Served(first, db), provider=provider)
        first.set_faults(on_creates(latency_ms=300, jitter_ms=400), seed=5)
        cli = stack.project.spawn(
            "up", "--yes", "--skip-preview", "--non-interactive", output=output
        )
        try:
            assert wait_until(lambda: answered_creates(Served(first, db), 0) >= 25, timeout=180)
            stored = ids(first.objects())
            journal_before = json.dumps(first.requests(since=0))
            first.kill()
        except BaseException:
            kill_session(cli.pid)
            raise

    with running_emulator(db=db, users=USERS, live_after=0, port=port) as second:
        served = Served(second, db)
        assert stored <= ids(second.objects())  # nothing it had stored is lost
        try:
            cli.wait(300)
        finally:
            kill_session(cli.pid)
        first_run = Outcome(cli.returncode == 0, output.read_text(), provider=provider)
        stack.console.append(first_run.text)
        before = left_behind(served, stack)

        recovered = stack.recover()
        assert recovered.completed, recovered.text[-3000:]
        assert stack.converged()
        finish(
            "emulator killed and restarted mid-run",
            served,
            figures,
            {"rel": stack},
            first_run=first_run,
            faults=1,
            before_recovery=f"{before}; {len(stored)} objects stored before the kill",
            more={"emulator journal before the restart": journal_before},
        )
