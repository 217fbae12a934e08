"""The examples in examples/ deploy as documented, stay unchanged on a second preview, and
destroy cleanly (the seed example is the root stack: tests/e2e/test_seed_stack.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataddo_emulator.testing import RunningEmulator
from harness.engine import REPO, Project
from tests.e2e.api import Journal, OutOfBand
from tests.e2e.conftest import USER_EMAIL, USER_PASSWORD, dataddo_project
from tests.e2e.stacks import converges_and_destroys
from tests.seed import SNAPCHAT_FIELDS

pytestmark = pytest.mark.e2e

SNAPCHAT_SECRETS = {"snapchatRefreshToken": "rt-example", "snapchatClientSecret": "cs-example"}


def example(tmp_path: Path, emulator: RunningEmulator, name: str) -> Project:
    program = (REPO / "examples" / name / "__main__.py").read_text()
    project = dataddo_project(tmp_path, emulator, program, name=name.replace("_", "-"))
    project.set_config({"snapchatClientId": "client-example"})
    project.set_config(SNAPCHAT_SECRETS, secret=True)
    return project


def test_multi_source_flow(tmp_path: Path, emulator: RunningEmulator) -> None:
    project = example(tmp_path, emulator, "multi_source")
    project.set_config(
        {
            "snapchatOrganizationId": "org-1",
            "snapchatAccounts": json.dumps(["acct-1", "acct-2"]),
            "mysqlHost": "db.internal",
        }
    )
    project.set_config({"mysqlPassword": "mysql-pw-example"}, secret=True)
    up, _ = project.up()
    objects = emulator.objects()
    assert len(objects["services"]) == 2
    assert len(objects["sources"]) == 3
    (flow,) = objects["flows"]
    assert {s["source_id"] for s in flow["source"]} == set(up.outputs["source_ids"].value)
    assert flow["api"]["app"] == "power_bi"

    # One more account: one new source (its declared schedule verified), the flow updated in
    # place.
    project.set_config({"snapchatAccounts": json.dumps(["acct-1", "acct-2", "acct-3"])})
    journal = Journal(emulator)
    project.up()
    assert journal.counts() == {
        "GET /sources": 1,  # what existed before this process's first source create
        "POST /connectors/{id}/create-source": 1,
        "GET /sources/{id}/extraction/schedule": 1,
        "PUT /flows/{id}": 1,
    }
    converges_and_destroys(project, emulator)
    assert emulator.objects() == {"services": [], "sources": [], "flows": []}


def test_adopt_objects_made_outside_pulumi(tmp_path: Path, emulator: RunningEmulator) -> None:
    service, source, flow = OutOfBand(emulator, USER_EMAIL, USER_PASSWORD).create_chain()

    project = example(tmp_path, emulator, "adopt")
    project.set_config(
        {
            "serviceId": str(service["id"]),
            "sourceId": source["id"],
            "flowId": flow["id"],
            "sourceConfig": json.dumps(SNAPCHAT_FIELDS),
        }
    )
    project.up()
    objects = emulator.objects()
    assert [s["id"] for s in objects["services"]] == [service["id"]]
    assert [s["label"] for s in objects["sources"]] == ["Snapchat Insights"]
    assert [f["label"] for f in objects["flows"]] == ["GDS Flow"]
    converges_and_destroys(project, emulator)
    assert emulator.objects() == {"services": [], "sources": [], "flows": []}
