"""Flows that write into a destination: `destinationId` on create (DECIDED), the `write_action`
of their answers, `PUT /flows/{id}/write/settings`."""

from typing import Any

import pytest

from tests.emulator.conftest import Api

SETTINGS = "/flows/{}/write/settings"


def test_a_flow_into_a_destination_has_a_write_action(api: Api) -> None:
    destination = api.destination()
    flow = api.flow(app=None, destination_id=destination["id"])
    write = flow["write_action"]
    assert write == {
        "id": write["id"],
        "customer_id": flow["customer_id"],
        "object_id": destination["id"],
        "object_type": "destination",
        "type": "write",
        "write_mode": "insert",
        "unique_columns": [],
    }
    assert len(write["id"]) == 24
    assert flow["api"] is None
    assert api.call("GET", f"/flows/{flow['id']}") == flow
    # an app and a destination together; a plain flow has neither
    both = api.flow(destination_id=destination["id"])
    assert both["api"]["app"] == "google_data_studio"
    assert both["write_action"]["object_id"] == destination["id"]
    assert api.flow()["write_action"] is None


def test_unknown_and_foreign_destinations_are_400_naming_them(api: Api, other: Api) -> None:
    source = api.source()
    theirs = other.destination()["id"]
    for destination in (theirs, "0" * 24, "nope", theirs.upper()):
        body = {"sources": [source], "destinationId": destination}
        answer = api.error("POST", "/flows", 400, json=body)
        assert answer["errors"] == {"destinationId": [f"unknown destination {destination}"]}
    api.error("POST", "/flows", 400, json={"sources": [source], "destinationId": 5})
    assert api.call("GET", "/flows") == []


def test_write_settings_show_in_the_write_action(api: Api) -> None:
    flow = api.flow(destination_id=api.destination()["id"])
    path = SETTINGS.format(flow["id"])
    assert api.call("PUT", path, json={"write_mode": "upsert", "unique_columns": ["id"]}) == {}
    write = api.call("GET", f"/flows/{flow['id']}")["write_action"]
    assert (write["write_mode"], write["unique_columns"]) == ("upsert", ["id"])
    # only what is given changes
    api.call("PUT", path, json={"unique_columns": ["id", "day"]})
    api.call("PUT", path, json={"write_mode": "truncate_insert"})
    write = api.call("GET", f"/flows/{flow['id']}")["write_action"]
    assert (write["write_mode"], write["unique_columns"]) == ("truncate_insert", ["id", "day"])
    # a label change keeps them
    renamed = api.call("PUT", f"/flows/{flow['id']}", json={"label": "Renamed"})
    assert renamed["write_action"] == write
    assert api.call("GET", "/flows")[0]["write_action"] == write


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"write_mode": "append"}, "write_mode"),
        ({"write_mode": "upsert"}, "unique_columns"),  # the docs: upsert needs unique columns
        ({"write_mode": "upsert", "unique_columns": []}, "unique_columns"),
        ({"write_mode": 1}, "write_mode"),
        ({"unique_columns": "id"}, "unique_columns"),
        ({"writeMode": "insert"}, "writeMode"),
    ],
)
def test_write_settings_refuse_bad_input(api: Api, body: dict[str, Any], field: str) -> None:
    flow = api.flow(destination_id=api.destination()["id"])
    assert field in api.error("PUT", SETTINGS.format(flow["id"]), 400, json=body)["errors"]
    assert api.call("GET", f"/flows/{flow['id']}")["write_action"]["write_mode"] == "insert"


def test_a_types_own_modes(api: Api) -> None:
    flow = api.flow(destination_id=api.destination("google_sheets")["id"])
    path = SETTINGS.format(flow["id"])
    api.call("PUT", path, json={"write_mode": "truncate_insert"})
    body = {"write_mode": "upsert", "unique_columns": ["id"]}
    assert "truncate_insert, insert" in api.error("PUT", path, 400, json=body)["message"]


def test_write_settings_of_a_flow_without_destination_or_of_another_customer(
    api: Api, other: Api
) -> None:
    plain = api.flow()
    api.error("PUT", SETTINGS.format(plain["id"]), 400, json={"write_mode": "insert"})
    theirs = other.flow(destination_id=other.destination()["id"])
    api.error("PUT", SETTINGS.format(theirs["id"]), 404, json={"write_mode": "insert"})
    api.error("PUT", SETTINGS.format("0" * 24), 404, json={"write_mode": "insert"})
