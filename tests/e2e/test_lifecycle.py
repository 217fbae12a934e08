"""Change, review, refresh and adopt through the real engine: previews show exactly the
in-place updates (`~`) and replacements (`+-`) the emulator then sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulumi import automation as auto

from dataddo_emulator.testing import RunningEmulator
from harness.engine import Project
from tests.e2e.api import Journal, OutOfBand
from tests.e2e.conftest import USER_EMAIL, USER_PASSWORD, dataddo_project
from tests.e2e.stacks import CHAIN

pytestmark = pytest.mark.e2e

NAMES = ("auth", "source", "flow")


def chain_project(tmp_path: Path, emulator: RunningEmulator) -> Project:
    project = dataddo_project(tmp_path, emulator, CHAIN)
    project.set_config({"refreshToken": "rt-one", "clientSecret": "cs-one"}, secret=True)
    return project


def ids(project: Project) -> dict[str, str]:
    return {name: r["id"] for name, r in project.resources().items()}


def deployed_chain(
    tmp_path: Path, emulator: RunningEmulator
) -> tuple[Project, dict[str, str], OutOfBand]:
    """A deployed chain, its ids, and an API session of the same user acting out of band."""
    project = chain_project(tmp_path, emulator)
    project.up()
    return project, ids(project), OutOfBand(emulator, USER_EMAIL, USER_PASSWORD)


def test_in_place_updates_and_credential_rotation(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    project = chain_project(tmp_path, emulator)
    project.up()
    before = ids(project)

    project.set_config(
        {
            "serviceLabel": "Snapchat v2",
            "sourceLabel": "Insights v2",
            "hour": "5",
            "flowLabel": "Flow v2",
        }
    )
    project.set_config({"refreshToken": "rt-two"}, secret=True)
    journal = Journal(emulator)
    _, events = project.preview()
    assert events.changes() == {
        "auth": ("update", ["config", "label"]),
        "source": ("update", ["label", "schedule"]),
        "flow": ("update", ["label"]),
    }
    assert journal.entries() == []
    # Ids stay known through in-place updates: the stack's outputs show no change for them.
    assert not [line for line in events.lines if "service_id" in line or "service:" in line]

    journal = Journal(emulator)
    up, _ = project.up()
    assert up.summary.resource_changes == {"update": 3, "same": 1}
    assert journal.counts() == {
        "PUT /services/{id}": 1,
        "GET /services": 1,  # the service's answer is untyped: its label is confirmed listed
        "PUT /sources/{id}": 1,
        "PUT /sources/{id}/extraction/schedule": 1,
        "PUT /flows/{id}": 1,
    }
    assert ids(project) == before
    # The rotated credential was sent (the journal redacts its value).
    (rotation,) = journal.bodies("PUT /services/{id}")
    assert rotation["config"]["staticKey"] == "***"
    objects = emulator.objects()
    assert objects["services"][0]["label"] == "Snapchat v2"
    assert objects["sources"][0]["label"] == "Insights v2"
    assert objects["flows"][0]["label"] == "Flow v2"
    schedule = OutOfBand(emulator, USER_EMAIL, USER_PASSWORD).call(
        "GET", f"/sources/{before['source']}/extraction/schedule"
    )
    assert schedule["hour"] == "5"

    journal = Journal(emulator)
    again, _ = project.preview()
    assert set(again.change_summary) == {"same"}
    assert journal.entries() == []
    project.destroy()


def test_replacements(tmp_path: Path, emulator: RunningEmulator) -> None:
    project = chain_project(tmp_path, emulator)
    project.up()
    first = ids(project)

    # A source's connector config replaces it; the flow follows the new id in place.
    project.set_config({"breakdown": "ad"})
    _, events = project.preview()
    assert events.changes()["source"] == ("replace", ["config"])
    assert events.op("flow") == "update"
    assert events.op("auth") == "same"
    journal = Journal(emulator)
    project.up()
    second = ids(project)
    assert second["source"] != first["source"]
    assert second["flow"] == first["flow"]
    assert journal.counts() == {
        "GET /sources": 1,  # what existed before this process's first source create
        "POST /connectors/{id}/create-source": 1,
        "GET /sources/{id}/extraction/schedule": 1,  # the declared schedule verified
        "PUT /flows/{id}": 1,
        "DELETE /sources/{id}": 1,
    }

    # A flow's app replaces the flow.
    project.set_config({"app": "power_bi"})
    _, events = project.preview()
    assert events.changes()["flow"] == ("replace", ["app"])
    project.up()
    third = ids(project)
    assert third["flow"] != second["flow"]
    (flow,) = emulator.objects()["flows"]
    assert flow["api"]["app"] == "power_bi"

    # A service's type replaces the service, and so the source that names it.
    project.set_config({"serviceType": "snapchat_custom"})
    _, events = project.preview()
    assert events.changes()["auth"] == ("replace", ["service"])
    assert events.op("source") == "replace"
    project.up()
    assert emulator.objects()["services"][0]["service"] == "snapchat_custom"
    assert len(emulator.objects()["sources"]) == 1

    project.destroy()
    assert emulator.objects() == {"services": [], "sources": [], "flows": []}


def test_drift_is_shown_by_refresh_and_repaired_by_up(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    project, created, api = deployed_chain(tmp_path, emulator)

    api.call("PUT", f"/sources/{created['source']}", {"label": "renamed in the web app"})
    api.call("PUT", f"/sources/{created['source']}/extraction/schedule", {"hour": "9"})
    api.call("DELETE", f"/flows/{created['flow']}")

    project.refresh()
    state = project.resources()
    assert state["source"]["outputs"]["label"] == "renamed in the web app"
    assert state["source"]["outputs"]["schedule"]["hour"] == "9"
    assert "flow" not in state  # deleted out of band: it left the state

    _, events = project.preview()
    assert events.changes()["source"] == ("update", ["label", "schedule"])
    assert events.op("flow") == "create"

    project.up()
    objects = emulator.objects()
    assert objects["sources"][0]["label"] == "Insights"
    assert len(objects["flows"]) == 1
    schedule = api.call("GET", f"/sources/{created['source']}/extraction/schedule")
    assert schedule["hour"] == "3"
    again, _ = project.preview()
    assert set(again.change_summary) == {"same"}
    project.destroy()


def test_adoption_takes_over_existing_objects(tmp_path: Path, emulator: RunningEmulator) -> None:
    service, source, flow = OutOfBand(emulator, USER_EMAIL, USER_PASSWORD).create_chain()

    project = chain_project(tmp_path, emulator)
    project.set_config(
        {"adoptService": str(service["id"]), "adoptSource": source["id"], "adoptFlow": flow["id"]}
    )
    journal = Journal(emulator)
    project.up()
    assert not [c for c in journal.calls() if c.startswith("POST")]  # nothing new created
    assert ids(project) == {"auth": str(service["id"]), "source": source["id"], "flow": flow["id"]}
    objects = emulator.objects()
    assert [s["label"] for s in objects["services"]] == ["Snapchat"]
    assert [s["label"] for s in objects["sources"]] == ["Insights"]
    assert [f["label"] for f in objects["flows"]] == ["Flow"]

    # Adopting an id that does not exist fails clearly and creates nothing.
    other = chain_project(tmp_path / "other", emulator)
    other.set_config({"adoptService": "999999"})
    with pytest.raises(auto.CommandError, match="999999"):
        other.up()
    assert len(emulator.objects()["services"]) == 1

    project.destroy()
    assert emulator.objects() == {"services": [], "sources": [], "flows": []}


# The engine stops at the first resource whose check fails, so one bad resource per program.
BAD_SOURCE = """
import pulumi_dataddo as dataddo

dataddo.Source("bad", connector_id="snapchat", label="x", oauth_id="1000",
               config={"metrics": []}, strategy="incremental",
               schedule=dataddo.Schedule(sync_frequency="day", hour="25", timezone="Mars/Base"))
"""
BAD_FLOW = """
import pulumi_dataddo as dataddo

dataddo.Flow("bad-flow", sources=["not-an-id"], app="google_data_studio")
"""


@pytest.mark.parametrize(
    ("program", "fields", "allowed"),
    [
        (BAD_SOURCE, ["config.metrics", "schedule.hour", "schedule.timezone"], "Europe/Prague"),
        (BAD_FLOW, ["sources[0]"], "24 hexadecimal characters"),
    ],
    ids=["source", "flow"],
)
def test_invalid_input_fails_preview_naming_fields(
    tmp_path: Path, emulator: RunningEmulator, program: str, fields: list[str], allowed: str
) -> None:
    project = dataddo_project(tmp_path, emulator, program)
    journal = Journal(emulator)
    with pytest.raises(auto.CommandError) as failure:
        project.preview()
    message = str(failure.value)
    for field in fields:
        assert field in message
    assert allowed in message  # the fix: what is allowed
    assert "Traceback" not in message
    with pytest.raises(auto.CommandError):
        project.up()
    assert journal.entries() == []  # nothing sent, nothing half-created
    assert emulator.objects() == {"services": [], "sources": [], "flows": []}


def test_destroy_refused_while_in_use_names_the_user(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    project, created, api = deployed_chain(tmp_path, emulator)
    # A colleague attaches the stack's source to a flow the stack does not manage.
    foreign = api.call("POST", "/flows", {"sources": [created["source"]], "label": "Not ours"})

    with pytest.raises(auto.CommandError) as failure:
        project.destroy()
    message = str(failure.value)
    assert created["source"] in message
    assert foreign["id"] in message
    assert "Traceback" not in message
    left = emulator.objects()
    assert [s["id"] for s in left["sources"]] == [created["source"]]  # nothing half-deleted
    assert len(left["services"]) == 1

    api.call("DELETE", f"/flows/{foreign['id']}")
    project.destroy()
    assert emulator.objects() == {"services": [], "sources": [], "flows": []}


WARNED = """
import pulumi_dataddo as dataddo

auth = dataddo.Service("auth", service="snapchat_static", label="Snap", config={"staticKey": "k"})
dataddo.Source("source", connector_id="snapchatt", label="Insights", oauth_id=auth.id)
dataddo.Flow("flow", sources=["63b872052946b21e6d063cb2"], app="google_data_studo")
"""


def test_what_the_published_spec_does_not_know_is_a_warning_and_the_api_decides(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    project = dataddo_project(tmp_path, emulator, WARNED)
    journal = Journal(emulator)
    preview, events = project.preview()
    assert preview.change_summary == {"create": 4}
    assert any(
        d.startswith("warning: app: 'google_data_studo'") and "did you mean google_data_studio" in d
        for d in events.diagnostics
    ), events.diagnostics
    # Its Service's id is unknown in the preview; the connector is warned about all the same.
    assert any(
        d.startswith("warning: connector_id: 'snapchatt'") and "did you mean snapchat" in d
        for d in events.diagnostics
    ), events.diagnostics
    assert journal.entries() == []
    with pytest.raises(auto.CommandError, match="POST /flows: 400"):
        project.up()  # the emulator knows no such app: the API's refusal, in one line


MYSQL = """
import pulumi
import pulumi_dataddo as dataddo

db = dataddo.Service("db", service="mysql", label="Warehouse DB",
                     config={"host": "db.example.com", "port": 3306, "user": "reader",
                             "password": pulumi.Config().require_secret("dbPassword")})
orders = dataddo.Source("orders", connector_id="mysql", oauth_id=db.id, label="Orders",
                        strategy="incremental", config={"statement": "SELECT * FROM orders"},
                        schedule=dataddo.Schedule(sync_frequency="hour", minute="*/15"))
"""


def test_a_snake_case_connector_gets_the_spec_field_names(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    project = dataddo_project(tmp_path, emulator, MYSQL)
    project.set_config({"dbPassword": "db-pw-e2e-77Hq"}, secret=True)
    journal = Journal(emulator)
    project.up()
    service_id = emulator.objects()["services"][0]["id"]
    assert journal.bodies("POST /connectors/{id}/create-source") == [
        {
            "connector_id": "mysql",
            "template_id": "index",
            "o_auth_id": service_id,
            "label": "Orders",
            "statement": "SELECT * FROM orders",
            "storage_strategy": "incremental",
        }
    ]
    # A snake_case form carries no schedule: it is put after the create.
    assert journal.bodies("PUT /sources/{id}/extraction/schedule") == [
        {"sync_frequency": "hour", "minute": "*/15"}
    ]
    again, _ = project.preview()
    assert set(again.change_summary) == {"same"}
    project.destroy()


@pytest.mark.parametrize(
    "fault", [{"fail_after_commit_rate": 1}, {"malformed_rate": 1}], ids=["500", "malformed"]
)
def test_a_create_whose_answer_is_lost_leaves_exactly_one_object(
    tmp_path: Path, emulator: RunningEmulator, fault: dict[str, float]
) -> None:
    project = chain_project(tmp_path, emulator)
    project.set_config({"flowLabel": "Insights flow"})  # "Flow" is the API's default: ambiguous
    routes = ("/services", "/connectors/{id}/create-source", "/flows")
    emulator.set_faults(
        [{"route": f"POST /customer-api/v1{route}", "times": 1, **fault} for route in routes]
    )
    # A Service shows only its type and label, which another stack may declare alike: the one
    # that appeared is named, not taken, and the documented recovery adopts it.
    with pytest.raises(auto.CommandError, match="may have been created: service"):
        project.up()
    adopting = project.tool("unmanaged", "--adopt", "--stack", project.stack.name)
    assert "Service:auth" in adopting.stdout
    # The Source names the Service the stack now holds and the Flow its Source: their lost
    # answers are settled by looking.
    up, _ = project.up()
    assert up.summary.resource_changes == {"create": 3, "same": 1}
    objects = emulator.objects()
    assert [len(objects[kind]) for kind in ("services", "sources", "flows")] == [1, 1, 1]
    assert ids(project) == {
        "auth": str(objects["services"][0]["id"]),
        "source": objects["sources"][0]["id"],
        "flow": objects["flows"][0]["id"],
    }
    again, _ = project.preview()
    assert set(again.change_summary) == {"same"}
    project.destroy()
