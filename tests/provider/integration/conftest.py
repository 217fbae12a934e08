"""The real emulator (a server subprocess) and clients of our HTTP layer pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pulumi.dynamic as dyn
import pytest

from dataddo_emulator.auth import DEMO_EMAIL, DEMO_PASSWORD
from dataddo_emulator.testing import RunningEmulator, running_emulator
from pulumi_dataddo import settings
from pulumi_dataddo.dynamic.service import ServiceProvider
from pulumi_dataddo.http.client import DataddoClient, Timeouts
from pulumi_dataddo.logic import account as account_module
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.settings import Settings
from tests.provider.integration.support import FAST_RETRIES, quick_account


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
def login(emu: RunningEmulator) -> Settings:
    return Settings(base_url=emu.url, email=DEMO_EMAIL, password=DEMO_PASSWORD)


@pytest.fixture
def api(login: Settings) -> DataddoClient:
    return DataddoClient(login, timeouts=Timeouts(connect=2, read=5), retry=FAST_RETRIES)


@pytest.fixture
def account(api: DataddoClient) -> Account:
    return quick_account(api)


@pytest.fixture
def configured(emu: RunningEmulator, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The providers' settings pointed at the emulator through `configure`, as the engine does
    (it passes the whole stack config with namespaced keys); a fresh process-wide account, as a
    new provider process has (the emulator's reset gives ids out again)."""
    monkeypatch.setattr(account_module, "_accounts", {})
    stack = {
        "dataddo:baseUrl": emu.url,
        "dataddo:email": DEMO_EMAIL,
        "dataddo:password": DEMO_PASSWORD,
        "project:unrelated": "x",
    }
    ServiceProvider().configure(dyn.ConfigureRequest(dyn.Config(stack, "project")))
    yield
    settings.configure_stack(lambda _: None)
