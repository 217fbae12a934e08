"""Sources: list, detail, update, delete, metadata, schedule, status."""

import time
from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from tests.emulator.conftest import SNAPCHAT_FORM, Api

SOURCE_FIELDS = {"id", "label", "description", "type", "customer_id", "created"}
DETAIL_FIELDS = SOURCE_FIELDS | {
    "template_id",
    "connector_id",
    "source",
    "storage",
    "engine",
    "column",
}
SCHEDULE_FIELDS = {
    "sync_frequency": "week",
    "day_of_week": "2",
    "day_of_month": "1",
    "hour": "3",
    "minute": "25",
    "timezone": "Europe/Prague",
}


def test_list_and_detail(api: Api) -> None:
    source_id = api.source()
    [listed] = api.call("GET", "/sources")
    assert set(listed) == SOURCE_FIELDS
    assert listed["id"] == source_id
    assert isinstance(listed["created"], int)
    detail = api.call("GET", f"/sources/{source_id}")
    assert set(detail) == DETAIL_FIELDS  # no schedule, service or status: other paths have them
    assert detail["source"] == listed == {k: detail[k] for k in SOURCE_FIELDS}
    assert (detail["connector_id"], detail["template_id"]) == ("snapchat", "index")


def test_metadata_is_the_create_request_without_secrets(api: Api) -> None:
    extra = {"search": "", "request": None, "x": [1], "apiKey": "k", "nested": {"token": "t"}}
    body = {**SNAPCHAT_FORM, "oAuthId": str(api.service()), **extra}
    source_id = api.call("POST", "/connectors/snapchat/create-source", json=body)["id"]
    kept = {k: v for k, v in body.items() if k != "apiKey"} | {"nested": {}}
    assert api.call("GET", f"/sources/{source_id}/metadata") == kept
    api.call("PUT", f"/sources/{source_id}", json={"label": "Renamed"})
    assert api.call("GET", f"/sources/{source_id}/metadata") == kept


def test_metadata_leaves_out_credentials_of_every_shape(api: Api) -> None:
    """What the journal hides (pairs, lists, strings holding a credential) is left out."""
    extra = {
        "headers": [{"Name": "Authorization", "Value": "Bearer tok-1"}, ["apiKey2", "k-2"]],
        "url": "https://ghp_16C7e42F292c@github.com/o",
        "dsn": "admin:pw-3@db.example.com/shop",
        "note": "password policy: strict",
    }
    body = {**SNAPCHAT_FORM, "oAuthId": str(api.service()), **extra}
    source_id = api.call("POST", "/connectors/snapchat/create-source", json=body)["id"]
    shown = api.call("GET", f"/sources/{source_id}/metadata")
    assert shown == {
        **SNAPCHAT_FORM,
        "oAuthId": body["oAuthId"],
        "headers": [{"Name": "Authorization"}, ["apiKey2"]],
        "note": "password policy: strict",
    }


def test_update_basic_information(api: Api) -> None:
    source_id = api.source()
    updated = api.call("PUT", f"/sources/{source_id}", json={"description": "About"})
    assert set(updated) == SOURCE_FIELDS
    assert (updated["label"], updated["description"]) == ("Snapchat Insights", "About")
    updated = api.call("PUT", f"/sources/{source_id}", json={"label": "New"})
    assert (updated["label"], updated["description"]) == ("New", "About")
    assert api.call("GET", f"/sources/{source_id}")["label"] == "New"


@pytest.mark.parametrize("body", [{"label": 1}, {"connector_id": "x"}, {"schedule": {}}])
def test_update_refuses_bad_input(api: Api, body: dict[str, object]) -> None:
    api.error("PUT", f"/sources/{api.source()}", 400, json=body)


def test_delete(api: Api) -> None:
    source_id = api.source()
    api.call("DELETE", f"/sources/{source_id}", 204)
    api.error("GET", f"/sources/{source_id}", 404)
    assert api.call("GET", "/sources") == []


def test_delete_of_a_source_in_a_flow_is_409(api: Api) -> None:
    source_id = api.source()
    flow = api.flow(source_id)
    error = api.error("DELETE", f"/sources/{source_id}", 409)
    assert flow["id"] in error["message"]
    api.call("DELETE", f"/flows/{flow['id']}", 204)
    api.call("DELETE", f"/sources/{source_id}", 204)


def test_schedule_from_create_fields_and_defaults(api: Api) -> None:
    with_fields = api.source(**SCHEDULE_FIELDS)
    expected = {**SCHEDULE_FIELDS, "month": "*"}
    assert api.call("GET", f"/sources/{with_fields}/extraction/schedule") == expected
    default = api.call("GET", f"/sources/{api.source()}/extraction/schedule")
    assert (default["sync_frequency"], default["timezone"]) == ("day", "UTC")


def test_update_schedule_in_the_spec_casing(api: Api) -> None:
    source_id = api.source(**SCHEDULE_FIELDS)
    path = f"/sources/{source_id}/extraction/schedule"
    body = {"sync_frequency": "month", "dayOfMonth": "15", "dayOfWeek": None, "hour": "1-5"}
    updated = api.call("PUT", path, json=body)
    assert updated == {
        **SCHEDULE_FIELDS,
        "month": "*",
        "sync_frequency": "month",
        "day_of_month": "15",
        "day_of_week": None,
        "hour": "1-5",
    }
    assert api.call("GET", path) == updated


@pytest.mark.parametrize(
    "body",
    [
        {"sync_frequency": "yearly"},
        {"sync_frequency": None},
        {"timezone": "Nowhere"},
        {"minute": "60"},
        {"hour": "*/0"},
        {"dayOfMonth": "0"},
        {"month": "13"},
        {"dayOfWeek": "7"},
        {"minute": 5},
        {"day_of_month": "1"},  # the Schedule's name, not the request's
        {"colour": "red"},
    ],
)
def test_update_schedule_refuses_bad_values(api: Api, body: dict[str, object]) -> None:
    api.error("PUT", f"/sources/{api.source()}/extraction/schedule", 400, json=body)


def test_status_turns_live_after_the_delay(server: RunningEmulator, api: Api) -> None:
    server.settings(live_after=0.5)
    source_id = api.source()
    status = api.call("GET", f"/sources/{source_id}/status")
    assert set(status) == {"actionId", "status", "lastRunStarted", "lastRunFinished", "description"}
    assert (status["status"], status["lastRunFinished"]) == ("running", None)
    assert status["lastRunStarted"].endswith("Z")
    time.sleep(0.6)
    status = api.call("GET", f"/sources/{source_id}/status")
    assert status["status"] == "live"
    assert status["lastRunFinished"] is not None


def test_forced_status(server: RunningEmulator, api: Api) -> None:
    server.settings(live_after=0)
    source_id = api.source()
    forced = server.set_source_status(source_id, "broken", "token revoked")
    assert (forced["status"], forced["description"]) == ("broken", "token revoked")
    assert api.call("GET", f"/sources/{source_id}/status")["status"] == "broken"
    server.set_source_status(source_id, None)
    assert api.call("GET", f"/sources/{source_id}/status")["status"] == "live"


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("GET", ""),
        ("PUT", ""),
        ("DELETE", ""),
        ("GET", "/metadata"),
        ("GET", "/extraction/schedule"),
        ("PUT", "/extraction/schedule"),
        ("GET", "/status"),
    ],
)
def test_unknown_ids_are_404(api: Api, method: str, suffix: str) -> None:
    kwargs: dict[str, Any] = {"json": {}} if method == "PUT" else {}
    api.error(method, f"/sources/0123456789abcdef01234567{suffix}", 404, **kwargs)
