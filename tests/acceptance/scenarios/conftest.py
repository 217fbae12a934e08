"""The scenarios' fixtures and the report: the target (the environment's account with
`DATADDO_ACCEPTANCE=1`, else an emulator with its demo user), the run's label prefix, and one
`Scenario` per test, whose stacks are destroyed and whose leftovers are counted when it ends."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dataddo_emulator.auth import DEMO_EMAIL, DEMO_PASSWORD
from dataddo_emulator.testing import running_emulator
from pulumi_dataddo.cli.sweep import sweeper
from pulumi_dataddo.cli.sweep.labels import run_prefix
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.redaction import redact
from pulumi_dataddo.settings import Settings
from tests.acceptance.calls import logging_to, tally
from tests.acceptance.report import Board
from tests.acceptance.scenario import Scenario, scenario_name
from tests.acceptance.target import Target, enabled

BOARD = Board()


@pytest.fixture(scope="session")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    if enabled():
        yield Target.from_environment()
        return
    db = tmp_path_factory.mktemp("acceptance-emulator") / "emulator.db"
    with running_emulator(db=db) as emulator:
        settings = Settings(base_url=emulator.url, email=DEMO_EMAIL, password=DEMO_PASSWORD)
        yield Target(settings, from_env=False)


@pytest.fixture(scope="session")
def run(target: Target, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The run's label prefix; at the end, what is left labelled with it is counted."""
    BOARD.started = time.time()
    BOARD.prefix = run_prefix(BOARD.started)
    BOARD.target = target.describe()
    BOARD.logs = str(tmp_path_factory.mktemp("acceptance-logs"))
    yield BOARD.prefix
    log = Path(BOARD.logs) / "run.log"
    with logging_to(log):
        BOARD.left_in_run = len(sweeper.leftovers(DataddoClient(target.settings), BOARD.prefix))
    BOARD.closing = tally(log)


@pytest.fixture
def scenario(
    request: pytest.FixtureRequest, target: Target, run: str, tmp_path: Path
) -> Iterator[Scenario]:
    name = scenario_name(request.node.name)
    log = Path(BOARD.logs) / f"{name}.log"
    outcome = BOARD.outcome(name)
    scenario = Scenario(name, f"{run} {name} ", target, tmp_path, log)
    with logging_to(log):
        yield scenario
        leftovers, failures = scenario.tear_down()
    outcome.tally = tally(log)
    outcome.left = len(leftovers)
    BOARD.finished = time.time()
    assert not failures, failures
    assert not leftovers, [leftover.describe(time.time()) for leftover in leftovers]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    outcome = BOARD.outcome(scenario_name(report.nodeid.rsplit("::", 1)[-1]))
    if report.skipped and isinstance(report.longrepr, tuple):
        outcome.add("skipped", str(report.longrepr[2]).removeprefix("Skipped: "))
    elif report.failed:
        crash = getattr(report.longrepr, "reprcrash", None)
        message = str(getattr(crash, "message", report.longreprtext)).splitlines() or [""]
        outcome.add("failed", f"{report.when}: {redact(message[0])[:300]}")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not BOARD.outcomes:
        return
    terminalreporter.write_sep("=", "acceptance report")
    for line in BOARD.render():
        terminalreporter.write_line(line)
