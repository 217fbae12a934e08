"""End-to-end fixtures: one real emulator server for the session, reset for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dataddo_emulator.testing import RunningEmulator, running_emulator
from harness.engine import PLUGIN, Project

USER_EMAIL = "e2e@example.com"
USER_PASSWORD = "e2e-login-pw-5Qx8"  # a secret the tests search for in every output
OTHER_EMAIL = "other@example.com"
OTHER_PASSWORD = "other-login-pw-9Zt2"


@pytest.fixture(scope="session")
def emulator_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningEmulator]:
    db = tmp_path_factory.mktemp("emulator") / "emulator.db"
    users = {USER_EMAIL: USER_PASSWORD, OTHER_EMAIL: OTHER_PASSWORD}
    with running_emulator(db=db, users=users, live_after=0) as server:
        yield server


@pytest.fixture
def emulator(emulator_server: RunningEmulator) -> RunningEmulator:
    emulator_server.reset()
    return emulator_server


def dataddo_project(
    tmp_path: Path,
    emulator: RunningEmulator,
    program: str,
    *,
    email: str = USER_EMAIL,
    password: str = USER_PASSWORD,
    name: str = "e2e",
    native: bool = False,
) -> Project:
    """A project whose stack config points the provider at the emulator (password secret);
    `native`: with the native provider's plugin."""
    plugins = {"dataddo": PLUGIN} if native else None
    project = Project(tmp_path, program, name=name, plugins=plugins)
    project.set_config({"dataddo:baseUrl": emulator.url, "dataddo:email": email})
    project.set_config({"dataddo:password": password}, secret=True)
    return project
