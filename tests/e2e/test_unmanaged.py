"""`pulumi-dataddo unmanaged --adopt` through the real engine after a failed `up` whose Service
create was dropped: it proposes no object the stack did not make, neither one another
project's stack of the backend holds nor one made by hand before the failed run."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from dataddo_emulator.testing import RunningEmulator
from harness.engine import Project
from tests.e2e.api import OutOfBand
from tests.e2e.conftest import USER_EMAIL, USER_PASSWORD, dataddo_project
from tests.e2e.stacks import CHAIN

pytestmark = pytest.mark.e2e

DROP_SERVICE = [{"route": "POST /customer-api/v1/services", "times": 1, "drop_rate": 1}]


def chain_project(tmp_path: Path, emulator: RunningEmulator, name: str = "e2e") -> Project:
    project = dataddo_project(tmp_path, emulator, CHAIN, name=name)
    project.set_config({"refreshToken": "rt-one", "clientSecret": "cs-one"}, secret=True)
    return project


def fail_dropping_the_service(project: Project, emulator: RunningEmulator) -> None:
    emulator.set_faults(DROP_SERVICE)
    with pytest.raises(auto.CommandError, match="may have been created"):
        project.up()
    emulator.clear_faults()


def unmanaged(project: Project) -> dict[str, Any]:
    report = project.tool("unmanaged", "--adopt", "--json", "--stack", project.stack.name)
    return dict(json.loads(report.stdout))


def service_ids(emulator: RunningEmulator) -> set[str]:
    return {str(s["id"]) for s in emulator.objects()["services"]}


def test_another_projects_stack_in_the_backend_holds_its_chain(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    """The same program in project `advother`, applied after the failed run: its chain matches
    every declared field and is dated within the failed run's window, but its stack holds it."""
    mine = chain_project(tmp_path, emulator)
    fail_dropping_the_service(mine, emulator)
    other = chain_project(tmp_path, emulator, name="advother")
    other.up()
    theirs = {name: r["id"] for name, r in other.resources().items()}

    report = unmanaged(mine)
    assert report["unmanaged"] == []
    assert report["adopt"] == {}
    assert report["holders"] == {"stacks": 2, "states": 0}
    assert len(report["runs"]) == 1  # the failed first run

    up, _ = mine.up()
    assert up.summary.resource_changes == {"create": 3, "same": 1}
    assert {name: r["id"] for name, r in other.resources().items()} == theirs
    assert set(theirs.values()).isdisjoint(r["id"] for r in mine.resources().values())
    other.destroy()
    mine.destroy()


def test_an_object_made_by_hand_after_the_last_success_is_not_proposed(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    """A Service of the declared type and label made by hand after the stack's last succeeded
    update, before the failed run: it predates the only run that may have lost a create."""
    project = dataddo_project(tmp_path, emulator, "import pulumi\n")
    project.up()  # the last succeeded update
    by_hand = OutOfBand(emulator, USER_EMAIL, USER_PASSWORD).call(
        "POST",
        "/services",
        {
            "serviceName": "snapchat_static",
            "config": {"staticKey": "k", "clientId": "c", "clientSecret": "s", "label": "Snapchat"},
        },
    )
    time.sleep(5)  # clear of the clocks' margin before the failed run starts
    project.write_program(CHAIN)
    project.set_config({"refreshToken": "rt-one", "clientSecret": "cs-one"}, secret=True)
    fail_dropping_the_service(project, emulator)

    report = unmanaged(project)
    assert [(o["id"], o["may_be"]) for o in report["unmanaged"]] == [(str(by_hand["id"]), None)]
    assert report["adopt"] == {}
    assert len(report["runs"]) == 1  # the failed update; the first one succeeded

    project.up()
    assert project.resources()["auth"]["id"] != str(by_hand["id"])
    assert len(service_ids(emulator)) == 2
    project.destroy()
