"""Reliability fixtures: one emulator for the session (its SQLite file read for issued tokens),
reset for every test, each test's time by provider, and the figures table written when the
session ends."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dataddo_emulator.testing import RunningEmulator, running_emulator
from tests.reliability.figures import Figures
from tests.reliability.providers import DYNAMIC

USER = ("rel@example.com", "rel-login-pw-6Tn4Vb")
OTHER = ("rel-other@example.com", "rel-other-pw-2Qm8Zs")


@dataclass(frozen=True)
class Served:
    emulator: RunningEmulator
    db: Path


@pytest.fixture(scope="session")
def reliability_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    db = tmp_path_factory.mktemp("reliability") / "emulator.db"
    with running_emulator(db=db, users=dict([USER, OTHER]), live_after=0) as emulator:
        yield Served(emulator, db)
        assert "Traceback" not in emulator.log()


@pytest.fixture
def served(reliability_server: Served) -> Served:
    reliability_server.emulator.reset()
    return reliability_server


@pytest.fixture(scope="session")
def figures() -> Iterator[Figures]:
    """The figures of this run, written once every test has ended."""
    figures = Figures()
    yield figures
    figures.write()


@pytest.fixture(autouse=True)
def timed(request: pytest.FixtureRequest, figures: Figures) -> Iterator[None]:
    """Each test's time (its setup to its teardown), by the provider it runs on (its
    `provider` parameter, else dynamic)."""
    started = time.monotonic()
    yield
    callspec = getattr(request.node, "callspec", None)
    provider = callspec.params.get("provider", DYNAMIC) if callspec else DYNAMIC
    figures.timed(provider, time.monotonic() - started)
