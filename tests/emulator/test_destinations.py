"""Destinations: created from every type's storage form (bodies built from the generated
catalog), read, changed, deleted unless a flow writes into them; the write modes."""

from typing import Any

import pytest

from dataddo_emulator.catalog import catalog
from tests.emulator.bodies import full_body
from tests.emulator.conftest import Api

TYPES = sorted(catalog().destinations)
DESTINATION_FIELDS = {
    "id",
    "customer_id",
    "created_at",
    "updated_at",
    "lastUse",
    "label",
    "description",
    "status",
    "statusDetail",
}
ALL_MODES = ["insert", "insert_ignore", "truncate_insert", "upsert"]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _fitting_service(api: Api, destination_type: str) -> int:
    return api.service(sorted(catalog().destinations[destination_type].services)[0], k="v")


def test_the_catalog_has_every_destination_type_of_the_spec() -> None:
    assert len(TYPES) == 43
    assert {"pgsql", "google_big_query", "s3", "snowflake", "google_sheets"} <= set(TYPES)


@pytest.mark.parametrize("destination_type", TYPES)
def test_create_every_type_from_its_form(api: Api, destination_type: str) -> None:
    service_id = _fitting_service(api, destination_type)
    body = full_body(destination_type, service_id)
    created = api.call("POST", f"/destinations/{destination_type}", json=body)
    # the fields its typed answer adds that the form gives (`project_id`: `projectId`)
    answer = catalog().destinations[destination_type].answer
    own = {f for f in answer if f in body or _camel(f) in body}
    assert set(created) == DESTINATION_FIELDS | own
    assert created["o_auth_id"] == service_id
    assert (created["label"], created["status"], created["statusDetail"]) == (
        f"{destination_type} destination",
        True,
        "",
    )
    assert len(created["id"]) == 24
    assert created["created_at"] == created["updated_at"]
    assert isinstance(created["created_at"], int)
    assert created["lastUse"] is None


def test_the_typed_answer_carries_the_types_own_fields(api: Api) -> None:
    service_id = _fitting_service(api, "google_big_query")
    body = {"label": "BQ", "o_auth_id": service_id, "projectId": "p-1", "datasetId": "d-1"}
    created = api.call("POST", "/destinations/google_big_query", json=body)
    assert (created["project_id"], created["dataset_id"]) == ("p-1", "d-1")
    plain = api.destination("s3")  # no path given: the answer leaves it out
    assert "path" not in plain


def test_list_detail_and_update_answer_the_destination(api: Api) -> None:
    first, second = api.destination(), api.destination("google_big_query", projectId="p")
    listed = api.call("GET", "/destinations")
    assert [d["id"] for d in listed] == [first["id"], second["id"]]
    assert all(set(d) == DESTINATION_FIELDS for d in listed)
    found = api.call("GET", f"/destinations/{second['id']}")
    assert found == {k: v for k, v in second.items() if k in DESTINATION_FIELDS}

    other_service = api.service("aws_pgsql", k="v")
    body = {"label": "Renamed", "o_auth_id": other_service, "type": "pgsql", "extra": 1}
    changed = api.call("PUT", f"/destinations/{first['id']}", json=body)
    assert set(changed) == DESTINATION_FIELDS
    assert changed["label"] == "Renamed"
    assert changed["created_at"] == first["created_at"] <= changed["updated_at"]
    assert api.call("GET", f"/destinations/{first['id']}") == changed
    # only the fields given change
    assert api.call("PUT", f"/destinations/{first['id']}", json={})["label"] == "Renamed"


def test_a_label_defaults_to_the_type(api: Api) -> None:
    created = api.call("POST", "/destinations/google_big_query", json={})
    assert created["label"] == "Google Big Query"
    assert "o_auth_id" not in created


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"o_auth_id": "1000"}, "o_auth_id"),  # an integer on these forms
        ({"o_auth_id": None}, "o_auth_id"),
        ({"oAuthId": 1000}, "oAuthId"),
        ({"type": "mysql"}, "type"),
        ({"path": 5}, "path"),
        ({"label": "ok", "o_auth_id": 999}, "o_auth_id"),  # no such service
    ],
)
def test_create_refuses_bad_input(api: Api, body: dict[str, Any], field: str) -> None:
    answer = api.error("POST", "/destinations/s3", 400, json=body)
    assert field in answer["errors"]
    assert api.call("GET", "/destinations") == []


def test_a_service_must_be_the_customers_and_fit_the_type(api: Api, other: Api) -> None:
    foreign = other.service("pgsql", k="v")
    answer = api.error("POST", "/destinations/pgsql", 400, json={"o_auth_id": foreign})
    assert answer["errors"]["o_auth_id"] == [f"unknown service {foreign}"]
    snapchat = api.service()
    answer = api.error("POST", "/destinations/pgsql", 400, json={"o_auth_id": snapchat})
    assert "cannot authorize destination type pgsql" in answer["message"]
    destination = api.destination()
    api.error("PUT", f"/destinations/{destination['id']}", 400, json={"o_auth_id": snapchat})
    api.error("PUT", f"/destinations/{destination['id']}", 400, json={"type": "s3"})


def test_an_unknown_type_is_404(api: Api) -> None:
    api.error("POST", "/destinations/nope", 404, json={"label": "x"})
    api.error("POST", "/destinations/nope/actions/writeModes", 404, json={})
    # paths of the spec with no create path
    api.error("POST", "/destinations/email/actions/writeModes", 404, json={})


def test_delete_is_refused_while_a_flow_writes_into_it(api: Api) -> None:
    destination = api.destination()
    flows = [api.flow(app=None, destination_id=destination["id"])["id"] for _ in range(2)]
    answer = api.error("DELETE", f"/destinations/{destination['id']}", 409)
    assert all(flow in answer["message"] for flow in flows)
    assert answer["errors"] == {"id": [f"used by flow {flow}" for flow in flows]}
    for flow in flows:
        api.call("DELETE", f"/flows/{flow}", 204)
    api.call("DELETE", f"/destinations/{destination['id']}", 204)
    api.error("GET", f"/destinations/{destination['id']}", 404)
    api.error("DELETE", f"/destinations/{destination['id']}", 404)


def test_a_service_is_in_use_while_a_destination_uses_it(api: Api) -> None:
    destination = api.destination()
    service_id = destination["o_auth_id"]
    answer = api.error("DELETE", f"/services/{service_id}", 409)
    assert answer["errors"] == {"id": [f"used by destination {destination['id']}"]}
    api.call("DELETE", f"/destinations/{destination['id']}", 204)
    api.call("DELETE", f"/services/{service_id}", 204)


def test_write_modes(api: Api, anonymous: Api) -> None:
    path = "/destinations/{}/actions/writeModes"
    modes = api.call("POST", path.format("pgsql"), json={})
    assert [m["value"] for m in modes] == ALL_MODES
    assert all(set(m) == {"label", "value"} and m["label"] for m in modes)
    sheets = api.call("POST", path.format("google_sheets"))  # the body is optional
    assert [m["value"] for m in sheets] == ["truncate_insert", "insert"]
    with_mode = api.call("POST", path.format("s3"), json={"writeMode": "upsert"})
    assert with_mode == api.call("POST", path.format("s3"), json={})
    api.error("POST", path.format("s3"), 400, json={"writeMode": 5})
    api.error("POST", path.format("s3"), 400, json={"mode": "insert"})
    anonymous.error("POST", path.format("s3"), 401, json={})
    anonymous.error("GET", "/destinations", 401)
