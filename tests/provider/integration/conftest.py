"""The real emulator (a server subprocess) and clients of our HTTP layer pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi.dynamic as dyn
import pytest

from dataddo_emulator.auth import DEMO_EMAIL, DEMO_PASSWORD

__all__ = ["DEMO_EMAIL", "FAST_RETRIES", "faults_on_next"]
from dataddo_emulator.testing import RunningEmulator, running_emulator
from pulumi_dataddo import settings
from pulumi_dataddo.http.client import DataddoClient, Timeouts
from pulumi_dataddo.http.session import RetryPolicy
from pulumi_dataddo.logic import reconcile
from pulumi_dataddo.resources.service import ServiceProvider
from pulumi_dataddo.settings import Settings

# Fast retries keep the fault tests short; the policy's logic is the production one.
FAST_RETRIES = RetryPolicy(retries=3, backoff=0.01, backoff_max=0.05, retry_after_max=2)


@pytest.fixture(autouse=True)
def _short_settling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "SETTLE_DELAYS", (0.0, 0.5, 1.0))


def faults_on_next(emu: RunningEmulator, *rules: dict[str, Any], after: int = 0) -> None:
    """Each rule hits the next `times` requests, in order, after `after` untouched ones.

    Rules for "*" rather than by route pin down the exact request sequence of our client
    (e.g. a create lists the collection before it posts).
    """
    skip = [{"route": "*", "times": after}] if after else []
    emu.set_faults([*skip, *({"route": "*", "times": 1, **rule} for rule in rules)])


@pytest.fixture(scope="session")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningEmulator]:
    db = Path(tmp_path_factory.mktemp("emulator")) / "emulator.db"
    with running_emulator(db=db, live_after=0) as emu:
        yield emu


@pytest.fixture
def emu(emulator: RunningEmulator) -> RunningEmulator:
    """The emulator, emptied (objects, tokens, journal, faults) for this test."""
    emulator.reset()
    emulator.settings(live_after=0)
    return emulator


@pytest.fixture
def account(emu: RunningEmulator) -> Settings:
    return Settings(base_url=emu.url, email=DEMO_EMAIL, password=DEMO_PASSWORD)


@pytest.fixture
def api(account: Settings) -> DataddoClient:
    return DataddoClient(account, timeouts=Timeouts(connect=2, read=5), retry=FAST_RETRIES)


@pytest.fixture
def configured(emu: RunningEmulator) -> Iterator[None]:
    """The providers' settings pointed at the emulator through `configure`, as the engine does
    (it passes the whole stack config with namespaced keys)."""
    stack = {
        "dataddo:baseUrl": emu.url,
        "dataddo:email": DEMO_EMAIL,
        "dataddo:password": DEMO_PASSWORD,
        "project:unrelated": "x",
    }
    ServiceProvider().configure(dyn.ConfigureRequest(dyn.Config(stack, "project")))
    yield
    settings.configure_stack(lambda _: None)
