"""Services: both create forms and the typed paths, list, read, update, delete, debug."""

from typing import Any

import pytest

from tests.emulator.conftest import Api

SNAPCHAT = {"staticKey": "REFRESH_TOKEN", "clientId": "CLIENT", "clientSecret": "SECRET"}
LIST_FIELDS = {
    "id",
    "service",
    "label",
    "last_action",
    "status",
    "status_detail",
    "customer_id",
    "service_type",
}
USER_AUTH_FIELDS = {
    "id",
    "customer_id",
    "label",
    "service_type",
    "created_at",
    "updated_at",
    "status",
    "status_detail",
}


def test_create_in_the_seeds_form_answers_the_seeds_shape(api: Api) -> None:
    created = api.call("POST", "/services", json={"service": "snapchat_static", "data": SNAPCHAT})
    assert created == {"id": 1000}


def test_ids_are_integers_from_1000(api: Api) -> None:
    assert [api.service() for _ in range(3)] == [1000, 1001, 1002]


def test_the_label_is_the_configs_else_the_type(api: Api) -> None:
    body = {"serviceName": "mysql", "config": {"host": "db", "password": "pw", "label": "DB"}}
    labelled = api.service_item(api.call("POST", "/services", json=body)["id"])
    assert (labelled["label"], labelled["service"], labelled["service_type"]) == (
        "DB",
        "mysql",
        "credentials",
    )
    assert api.service_item(api.service())["label"] == "snapchat_static"


@pytest.mark.parametrize(("service", "kind"), [("snapchat_custom", "oauth"), ("s3", "credentials")])
def test_service_type_values(api: Api, service: str, kind: str) -> None:
    assert api.service_item(api.service(service, k="v"))["service_type"] == kind


@pytest.mark.parametrize(
    "body", [{"data": SNAPCHAT}, {"service": "snapchat_static", "data": SNAPCHAT}]
)
def test_typed_path_answers_the_user_auth_without_config(api: Api, body: dict[str, Any]) -> None:
    body = {**body, "data": {**body["data"], "label": "Snap"}}
    created = api.call("POST", "/services/snapchat_static", json=body)
    assert set(created) == USER_AUTH_FIELDS
    assert (created["label"], created["service_type"]) == ("Snap", "static")
    assert api.service_item(created["id"])["service"] == "snapchat_static"


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/services/snapchat_static", {"service": "mysql", "data": SNAPCHAT}, 400),
        ("/services/snapchat_static", SNAPCHAT, 400),  # the config as the body
        ("/services/snapchat_static", {"serviceName": "snapchat_static", "config": SNAPCHAT}, 400),
        ("/services/snapchat_static", {"data": SNAPCHAT, "label": "Snap"}, 400),
        ("/services/snapchat_custom", {"data": SNAPCHAT}, 404),  # no typed path in the spec
        ("/services/nope", {"data": {}}, 404),
    ],
)
def test_typed_path_refuses(api: Api, path: str, body: dict[str, Any], status: int) -> None:
    api.error("POST", path, status, json=body)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"serviceName": "nope", "config": {}}, "serviceName"),
        ({"config": {}}, "serviceName"),
        ({"serviceName": "mysql"}, "config"),
        ({"serviceName": "mysql", "service": "mysql", "config": {}}, "serviceName"),
        ({"serviceName": "mysql", "config": {}, "data": {}}, "config"),
        ({"serviceName": "mysql", "config": []}, "config"),
        ({"serviceName": "mysql", "config": {}, "label": "DB"}, "label"),  # inside config only
    ],
)
def test_create_refuses_bad_input(api: Api, body: dict[str, object], field: str) -> None:
    assert field in api.error("POST", "/services", 400, json=body)["errors"]


def test_list_items_are_the_spec_fields(api: Api) -> None:
    api.service()
    [item] = api.call("GET", "/services")
    assert set(item) == LIST_FIELDS
    assert item["status"] is True
    assert isinstance(item["last_action"], int)


def test_read_and_update_answer_the_id_only(api: Api) -> None:
    service_id = api.service()
    assert api.call("GET", f"/services/{service_id}") == {"id": service_id}
    updated = api.call("PUT", f"/services/{service_id}", json={"config": {"clientId": "new"}})
    assert updated == {"id": service_id}


def test_update_the_label_or_the_configs_label(api: Api) -> None:
    service_id = api.service()
    path = f"/services/{service_id}"
    api.call("PUT", path, json={"label": "Renamed"})
    assert api.service_item(service_id)["label"] == "Renamed"
    api.call("PUT", path, json={"config": {"label": "Inside", "clientSecret": "rotated"}})
    assert api.service_item(service_id)["label"] == "Inside"
    api.call("PUT", path, json={"config": {"clientId": "c2"}})
    assert api.service_item(service_id)["label"] == "Inside"


@pytest.mark.parametrize("body", [{"config": "x"}, {"service": "mysql"}, {"label": 5}])
def test_update_refuses_bad_input(api: Api, body: dict[str, object]) -> None:
    api.error("PUT", f"/services/{api.service()}", 400, json=body)


def test_delete(api: Api) -> None:
    service_id = api.service()
    assert api.call("DELETE", f"/services/{service_id}", 204) is None
    api.error("GET", f"/services/{service_id}", 404)
    api.error("DELETE", f"/services/{service_id}", 404)
    assert api.call("GET", "/services") == []


def test_delete_of_a_service_in_use_is_409_naming_the_sources(api: Api) -> None:
    service_id = api.service()
    sources = [api.source(service_id), api.source(service_id)]
    error = api.error("DELETE", f"/services/{service_id}", 409)
    assert all(source_id in error["message"] for source_id in sources)
    assert len(error["errors"]["id"]) == 2
    for source_id in sources:
        api.call("DELETE", f"/sources/{source_id}", 204)
    api.call("DELETE", f"/services/{service_id}", 204)


def test_debug(api: Api) -> None:
    debug = api.call("GET", f"/services/{api.service()}/debug")
    assert (debug["status"], debug["logs"]) == ("ok", [])


def test_no_answer_carries_the_config(api: Api) -> None:
    config = {"host": "db.example.com", "username": "admin", "password": "pw", "port": 3306}
    service_id = api.service("mysql", **config)
    answers = [
        api.request("GET", "/services").text,
        api.request("GET", f"/services/{service_id}").text,
        api.request("PUT", f"/services/{service_id}", json={"config": config}).text,
        api.request("POST", "/services/mysql", json={"data": config}).text,
    ]
    for value in ("db.example.com", "admin", '"pw"', "3306"):
        assert all(value not in answer for answer in answers), value
