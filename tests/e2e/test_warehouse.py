"""The warehouse example through the real engine: a flow into a PostgreSQL destination deployed
with the bodies the spec declares, refreshed with one GET per object, drift put back, changed
in place, previewed without a call, destroyed (refused while a foreign flow writes into the
destination), and the database password nowhere in plaintext."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from dataddo_emulator.testing import ALL_KINDS, RunningEmulator
from harness.engine import REPO, Events, Project
from tests.e2e.api import Journal, OutOfBand
from tests.e2e.conftest import USER_EMAIL, USER_PASSWORD, dataddo_project

pytestmark = pytest.mark.e2e

EXAMPLE = REPO / "examples" / "warehouse"
NAME = "dataddo-warehouse"
# The sample's secrets, replaced by values the test searches for in every output.
SECRETS = {
    "dbPassword": "warehouse-db-pw-e2e-7Rk2",
    "snapchatRefreshToken": "warehouse-rt-e2e-4Jd8",
    "snapchatClientSecret": "warehouse-cs-e2e-2Px5",
}
COLUMNS = ["stats_id", "stats_start_time"]


def warehouse(tmp_path: Path, emulator: RunningEmulator) -> Project:
    """The example with its sample stack's values (its secrets replaced), pointed at the
    emulator: the sample lists every key the program reads, or the deploy fails."""
    sample = yaml.safe_load((EXAMPLE / "Pulumi.dev.yaml").read_text())["config"]
    program = (EXAMPLE / "__main__.py").read_text()
    project = dataddo_project(tmp_path, emulator, program, name=NAME)
    keys = {key.removeprefix(f"{NAME}:"): value for key, value in sample.items()}
    plain = {k: v for k, v in keys.items() if not isinstance(v, dict) and ":" not in k}
    secure = {k for k, v in keys.items() if isinstance(v, dict) and ":" not in k}
    assert secure == set(SECRETS)
    project.set_config(plain)
    project.set_config(SECRETS, secret=True)
    return project


def test_warehouse_lifecycle(tmp_path: Path, emulator: RunningEmulator) -> None:
    project = warehouse(tmp_path, emulator)
    api = OutOfBand(emulator, USER_EMAIL, USER_PASSWORD)
    console, ids = deployed(project, emulator)
    console += refreshed_with_drift(project, emulator, api, ids)
    console += changed_in_place(project, emulator, ids)

    journal = Journal(emulator)
    unchanged, events = project.preview()
    console += events.lines
    assert set(unchanged.change_summary) == {"same"}
    assert journal.entries() == []

    exported = str(project.state())
    console += destroy_refused_while_a_foreign_flow_writes(project, api, ids)
    _, events = project.destroy()
    console += events.lines
    assert emulator.objects(*ALL_KINDS) == {kind: [] for kind in ALL_KINDS}

    journal_text = str(emulator.requests(since=0))
    for secret in [*SECRETS.values(), USER_PASSWORD]:
        assert secret not in exported
        assert secret not in "\n".join(console)
        assert secret not in journal_text


def deployed(project: Project, emulator: RunningEmulator) -> tuple[list[str], dict[str, str]]:
    """`up` of the example: the console lines and the objects' ids by resource name."""
    journal = Journal(emulator)
    up, events = project.up()
    assert up.summary.resource_changes == {"create": 6}
    ids = {name: r["id"] for name, r in project.resources().items()}
    assert_created_as_declared(journal, ids)
    assert up.outputs["destination_id"].value == ids["warehouse"]
    assert destination_label(emulator) == "Marketing warehouse"
    (flow,) = emulator.objects()["flows"]
    write = flow["write_action"]
    assert (write["object_id"], write["write_mode"], write["unique_columns"]) == (
        ids["warehouse"],
        "upsert",
        COLUMNS,
    )
    return events.lines, ids


def refreshed_with_drift(
    project: Project, emulator: RunningEmulator, api: OutOfBand, ids: dict[str, str]
) -> list[str]:
    """One GET per object on refresh (the Source's declared schedule has its own); a label
    changed in the web app shows there, and up puts it back. The console lines."""
    journal = Journal(emulator)
    _, events = project.refresh()
    console = events.lines
    assert journal.counts() == {
        "GET /services": 2,
        "GET /sources/{id}": 1,
        "GET /sources/{id}/extraction/schedule": 1,
        "GET /destinations/{id}": 1,
        "GET /flows/{id}": 1,
    }
    api.call("PUT", f"/destinations/{ids['warehouse']}", {"label": "renamed in the web app"})
    console += project.refresh()[1].lines
    assert project.resources()["warehouse"]["outputs"]["label"] == "renamed in the web app"
    journal = Journal(emulator)
    _, events = project.up()
    assert events.changes()["warehouse"] == ("update", ["label"])
    assert journal.counts() == {"PUT /destinations/{id}": 1}
    assert destination_label(emulator) == "Marketing warehouse"
    return console + events.lines


def changed_in_place(project: Project, emulator: RunningEmulator, ids: dict[str, str]) -> list[str]:
    """The destination's label and the write mode change in place; nothing is replaced."""
    project.set_config({"warehouseLabel": "Warehouse v2", "writeMode": "truncate_insert"})
    journal = Journal(emulator)
    _, events = project.preview()
    console = events.lines
    assert {name: step for name, step in events.changes().items() if step[0] != "same"} == {
        "warehouse": ("update", ["label"]),
        "snapchat-to-warehouse": ("update", ["write_mode"]),
    }
    assert journal.entries() == []
    up, events = project.up()
    assert up.summary.resource_changes == {"update": 2, "same": 4}  # the stack too
    assert journal.counts() == {
        "PUT /destinations/{id}": 1,
        "PUT /flows/{id}/write/settings": 1,
        "GET /flows/{id}": 1,  # the settings' answer is untyped: confirmed from the flow
    }
    assert journal.bodies("PUT /flows/{id}/write/settings") == [{"write_mode": "truncate_insert"}]
    assert {name: r["id"] for name, r in project.resources().items()} == ids
    assert destination_label(emulator) == "Warehouse v2"
    (flow,) = emulator.objects()["flows"]
    assert flow["write_action"]["write_mode"] == "truncate_insert"
    return console + events.lines


def assert_created_as_declared(journal: Journal, ids: dict[str, str]) -> None:
    """The destination's body is its form (`o_auth_id` the database Service's id, an integer);
    the flow names it `destinationId`; the declared write settings are put."""
    assert journal.bodies("POST /destinations/{type}") == [
        {"label": "Marketing warehouse", "o_auth_id": int(ids["warehouse-db"])}
    ]
    assert journal.bodies("POST /flows") == [
        {
            "sources": [ids["snapchat-insights"]],
            "label": "Snapchat into the warehouse",
            "destinationId": ids["warehouse"],
        }
    ]
    assert journal.bodies("PUT /flows/{id}/write/settings") == [
        {"write_mode": "upsert", "unique_columns": COLUMNS}
    ]
    (database,) = [b for b in journal.bodies("POST /services") if b["serviceName"] == "pgsql"]
    assert database["config"] == {"password": "***", "useSSH": "***", "label": "***"}


def destroy_refused_while_a_foreign_flow_writes(
    project: Project, api: OutOfBand, ids: dict[str, str]
) -> list[str]:
    """A flow made by hand writes into the destination: the destroy stops there, naming it;
    once it is gone (with the hand-made objects it reads), the stack's objects can go. The
    console lines."""
    service, source, hand_flow = api.create_chain()
    body = {"sources": [source["id"]], "destinationId": ids["warehouse"], "label": "By hand"}
    foreign = api.call("POST", "/flows", body)["id"]
    events = Events()
    with pytest.raises(Exception, match=foreign) as refused:
        project.stack.destroy(on_output=events.on_output, on_event=events.on_event)
    assert ids["warehouse"] in str(refused.value)
    left = set(project.resources())  # the engine stops at the failure: what it reached went
    assert {"warehouse", "warehouse-db"} <= left
    assert "snapchat-to-warehouse" not in left
    for path in (f"/flows/{foreign}", f"/flows/{hand_flow['id']}", f"/sources/{source['id']}"):
        api.call("DELETE", path)
    api.call("DELETE", f"/services/{service['id']}")
    return events.lines


def destination_label(emulator: RunningEmulator) -> Any:
    (destination,) = emulator.objects("destinations")["destinations"]
    return destination["label"]
