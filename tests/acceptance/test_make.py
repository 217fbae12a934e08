"""`make acceptance` and `make sweep` as a user runs them, against an emulator started by hand
standing in for a live account (its journal is the proof): off unless asked; a full run passes,
leaves nothing and counts every call the account served; without a chain's connector fields
its scenarios are skipped naming the variables; a run killed mid-scenario leaves objects that
`make sweep` (age 0) removes. No run reads, changes or deletes an object it did not label."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dataddo_emulator.auth import DEMO_EMAIL, DEMO_PASSWORD
from dataddo_emulator.testing import RunningEmulator, running_emulator
from harness.engine import REPO, engine_bin
from pulumi_dataddo.cli.sweep.labels import BASE
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic import payloads
from pulumi_dataddo.settings import Settings
from tests.acceptance import runner
from tests.acceptance.account import Account, RefusedError, create_chain
from tests.acceptance.chains import CHAINS, labels, snapchat_credentials, snapchat_fields
from tests.acceptance.variables import ACCOUNT, SNAPCHAT
from tests.reliability.scenario import kill_session, wait_until

pytestmark = pytest.mark.e2e

INPUTS = {variable.config: variable.emulator for variable in SNAPCHAT}
API = "/customer-api/v1"


@pytest.fixture
def by_hand(tmp_path: Path) -> Iterator[RunningEmulator]:
    """`python -m dataddo_emulator --port N --db PATH`: the demo user's account."""
    with running_emulator(db=tmp_path / "x.db") as emulator:
        yield emulator


@pytest.fixture
def bystanders(by_hand: RunningEmulator) -> dict[str, str]:
    """Objects the suite did not make, some labels naming its prefix but not starting with it;
    the journal is emptied after."""
    client = DataddoClient(Settings(by_hand.url, email=DEMO_EMAIL, password=DEMO_PASSWORD))
    credentials, fields = snapchat_credentials(INPUTS), snapchat_fields(INPUTS)
    made = create_chain(client, labels("Production "), credentials=credentials, fields=fields)
    copy = f"copy of {BASE}20200101T000000Z-0000 flow"
    made["copy"] = client.create_flow(payloads.create_flow([made["source"]], None, copy)).id
    by_hand.clear_requests()
    return made


def environment(emulator: RunningEmulator, tmp_path: Path, *, fields: bool) -> dict[str, str]:
    """The caller's environment for the emulator's account (its own DATADDO_* and make's left
    out), every chain's connector fields when `fields`."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DATADDO_", "MAKE", "MFLAGS"))}
    return {
        **keep,
        "DATADDO_ACCEPTANCE": "1",
        "DATADDO_BASE_URL": emulator.url,
        "DATADDO_EMAIL": DEMO_EMAIL,
        "DATADDO_PASSWORD": DEMO_PASSWORD,
        "PULUMI_DATADDO_ENGINE_BIN": str(engine_bin()),
        "PYTEST_ADDOPTS": f"--basetemp={tmp_path / 'run'}",
        **({v.name: v.emulator for chain in CHAINS for v in chain.variables} if fields else {}),
    }


def make(target: str, env: dict[str, str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """`make TARGET`, the virtualenv taken as installed."""
    return subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", target],
        cwd=REPO, env=env, capture_output=True, text=True, check=False, timeout=900, **kwargs,
    )  # fmt: skip


def prefixed(emulator: RunningEmulator) -> list[str]:
    objects = emulator.objects()
    return [str(o["id"]) for kind in objects.values() for o in kind if o["label"].startswith(BASE)]


def assert_untouched(emulator: RunningEmulator, bystanders: dict[str, str]) -> None:
    """No request named a bystander, and each is still there."""
    ids = set(bystanders.values())
    named = [e["path"] for e in emulator.requests(since=0) if ids & set(e["path"].split("/"))]
    assert named == []
    objects = emulator.objects()
    assert ids <= {str(o["id"]) for kind in objects.values() for o in kind}


def created_source(emulator: RunningEmulator, scenario: str) -> bool:
    """Whether a scenario's source was created."""
    return any(
        e["route"] == f"{API}/connectors/{{id}}/create-source"
        and e["status"] == 200
        and str(e["body"].get("label", "")).endswith(f" {scenario} source")
        for e in emulator.requests(since=0)
    )


def report(output: str) -> dict[str, str]:
    """The report's total row (`calls`, `left`) and verdict line."""
    lines = output.splitlines()
    total = next(line.split() for line in lines if line.startswith("total "))
    verdict = next(line for line in lines if " passed, " in line and " left labelled " in line)
    return {"calls": total[1], "left": total[4], "verdict": verdict}


def test_off_unless_asked_it_says_what_to_set(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DATADDO_ACCEPTANCE", raising=False)
    assert runner.main([]) == 0
    said = capsys.readouterr().out
    for variable in (*ACCOUNT, *(v for chain in CHAINS for v in chain.variables)):
        assert variable.name in said
        assert variable.name in (REPO / "docs/acceptance.md").read_text()


def test_a_run_passes_leaves_nothing_and_counts_every_call(
    by_hand: RunningEmulator, bystanders: dict[str, str], tmp_path: Path
) -> None:
    done = make("acceptance", environment(by_hand, tmp_path, fields=True))
    assert done.returncode == 0, done.stdout[-5000:]
    found = report(done.stdout)
    assert found["verdict"].startswith("8 passed, 0 skipped, 0 failed; 0 objects left")
    # Counted client-side: all but a request whose answer the killed scenario's provider
    # (sequential creates: one request at a time) never saw.
    assert 0 <= len(by_hand.requests(since=0)) - int(found["calls"]) <= 1
    assert prefixed(by_hand) == []
    assert_untouched(by_hand, bystanders)


def test_without_connector_fields_scenarios_are_skipped_naming_them(
    by_hand: RunningEmulator, tmp_path: Path
) -> None:
    done = make("acceptance", environment(by_hand, tmp_path, fields=False))
    assert done.returncode == 0, done.stdout[-5000:]
    assert report(done.stdout)["verdict"].startswith("0 passed, 8 skipped, 0 failed")
    names = ", ".join(variable.name for variable in SNAPCHAT)
    assert f"create: set {names}" in done.stdout
    assert by_hand.objects() == {"services": [], "sources": [], "flows": []}


def test_a_killed_run_is_swept_and_nothing_else_is_touched(
    by_hand: RunningEmulator, bystanders: dict[str, str], tmp_path: Path
) -> None:
    env = environment(by_hand, tmp_path, fields=True)
    env["PYTEST_ADDOPTS"] += " -k test_create"  # a scenario whose pulumi is in the runner's group
    with (tmp_path / "killed.txt").open("w") as output:
        run = subprocess.Popen(
            ["make", "-s", "-o", ".venv/.installed", "acceptance"],
            cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        # Mid-`up`: the service and the source made, the flow not yet.
        assert wait_until(lambda: created_source(by_hand, "create"), timeout=300), (
            tmp_path / "killed.txt"
        ).read_text()[-5000:]
    finally:
        kill_session(run.pid)  # make, the runner, pytest, pulumi and its plugins
    run.wait(30)
    assert wait_until(lambda: by_hand.in_flight() == 0, timeout=30)
    left = prefixed(by_hand)
    assert len(left) >= 2  # a service and a source at least

    swept = make("sweep", {**env, "SWEEP_OLDER_THAN": "0"})
    assert swept.returncode == 0, swept.stdout + swept.stderr
    assert f"removed {len(left)} (" in swept.stdout
    assert prefixed(by_hand) == []
    assert_untouched(by_hand, bystanders)


def test_the_suite_refuses_to_touch_what_it_did_not_label(
    by_hand: RunningEmulator, bystanders: dict[str, str]
) -> None:
    settings = Settings(by_hand.url, email=DEMO_EMAIL, password=DEMO_PASSWORD)
    account = Account(settings, f"{BASE}20200101T000000Z-0000 scenario ")
    attempts: list[Callable[[], object]] = [
        lambda: account.rename_source(bystanders["source"], f"{account.prefix}source"),
        lambda: account.schedule(bystanders["source"]),
        lambda: account.delete_flow(bystanders["copy"]),
        lambda: account.create_chain(labels("Production "), {}, {}),
    ]
    for attempt in attempts:
        with pytest.raises(RefusedError):
            attempt()
    assert_untouched(by_hand, bystanders)
    assert {e["method"] for e in by_hand.requests(since=0)} <= {"GET", "POST"}  # lists, a login
    assert len(by_hand.objects()["flows"]) == 2
