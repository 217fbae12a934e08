"""Services: both create forms and the typed path, read, update (merge), delete, debug."""

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


def test_create_in_the_seeds_form_answers_the_seeds_shape(api: Api) -> None:
    created = api.call("POST", "/services", json={"service": "snapchat_static", "data": SNAPCHAT})
    assert created == {"id": 1000}


def test_ids_are_integers_from_1000(api: Api) -> None:
    assert [api.service() for _ in range(3)] == [1000, 1001, 1002]


def test_create_in_the_current_form_with_a_label(api: Api) -> None:
    body = {"serviceName": "mysql", "config": {"host": "db", "password": "pw"}, "label": "DB"}
    service_id = api.call("POST", "/services", json=body)["id"]
    found = api.call("GET", f"/services/{service_id}")
    assert found["label"] == "DB"
    assert found["service"] == "mysql"
    assert found["service_type"] == "credentials"
    assert found["config"] == {"host": "db"}


@pytest.mark.parametrize(
    "body",
    [
        {**SNAPCHAT, "label": "Snap"},  # the config as the body
        {"service": "snapchat_static", "data": SNAPCHAT, "label": "Snap"},  # the spec's form
        {"serviceName": "snapchat_static", "config": SNAPCHAT, "label": "Snap"},
        {"config": SNAPCHAT, "label": "Snap"},
    ],
)
def test_create_on_the_typed_path(api: Api, body: dict[str, object]) -> None:
    service_id = api.call("POST", "/services/snapchat_static", json=body)["id"]
    found = api.call("GET", f"/services/{service_id}")
    assert (found["service"], found["label"]) == ("snapchat_static", "Snap")
    assert found["config"] == {"clientId": "CLIENT"}


def test_typed_path_takes_the_label_inside_the_config(api: Api) -> None:
    body = {"service": "snapchat_static", "data": {**SNAPCHAT, "label": "Inside"}}
    service_id = api.call("POST", "/services/snapchat_static", json=body)["id"]
    assert api.call("GET", f"/services/{service_id}")["label"] == "Inside"


@pytest.mark.parametrize(
    "body",
    [{"service": "mysql", "data": SNAPCHAT}, {"serviceName": "mysql", "config": SNAPCHAT}],
)
def test_typed_path_refuses_another_type_in_the_body(api: Api, body: dict[str, object]) -> None:
    assert "service" in api.error("POST", "/services/snapchat_static", 400, json=body)["errors"]


def test_typed_path_refuses_an_unknown_type(api: Api) -> None:
    assert "serviceName" in api.error("POST", "/services/nope", 400, json={})["errors"]


def test_typed_path_refuses_a_bad_label(api: Api) -> None:
    api.error("POST", "/services/snapchat_static", 400, json={"label": 5})


def test_label_defaults_to_the_type(api: Api) -> None:
    assert api.call("GET", f"/services/{api.service()}")["label"] == "snapchat_static"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"serviceName": "nope", "config": {}}, "serviceName"),
        ({"config": {}}, "serviceName"),
        ({"serviceName": "mysql"}, "config"),
        ({"serviceName": "mysql", "service": "mysql", "config": {}}, "serviceName"),
        ({"serviceName": "mysql", "config": {}, "data": {}}, "config"),
        ({"serviceName": "mysql", "config": []}, "config"),
        ({"serviceName": "mysql", "config": {}, "colour": "red"}, "colour"),
        ({"serviceName": "mysql", "config": {}, "label": ""}, "label"),
    ],
)
def test_create_refuses_bad_input(api: Api, body: dict[str, object], field: str) -> None:
    assert field in api.error("POST", "/services", 400, json=body)["errors"]


def test_create_refuses_a_body_that_is_not_json(api: Api) -> None:
    headers = {"Content-Type": "application/json"}
    api.error("POST", "/services", 400, data="{not json", headers=headers)


def test_list_items_have_the_spec_fields_and_no_config(api: Api) -> None:
    api.service()
    [item] = api.call("GET", "/services")
    assert set(item) == LIST_FIELDS
    assert item["status"] is True


def test_secrets_are_never_returned(api: Api) -> None:
    config = {
        "clientId": "c",
        "clientSecret": "s",
        "staticKey": "k",
        "apiKey": "a",
        "privateKey": "p",
        "password": "pw",
        "accessToken": "t",
        "sshConfig": {"host": "h", "sshPassword": "x"},
    }
    service_id = api.service("mysql", **config)
    found = api.call("GET", f"/services/{service_id}")
    assert found["config"] == {"clientId": "c", "sshConfig": {"host": "h"}}
    for value in ("s", "k", "a", "p", "pw", "t", "x"):
        assert f'"{value}"' not in api.request("GET", "/services").text


def test_update_label_and_merge_config(api: Api) -> None:
    service_id = api.service("mysql", host="a", port=3306, password="old")
    body = {"label": "Renamed", "config": {"host": "b", "password": "new"}}
    updated = api.call("PUT", f"/services/{service_id}", json=body)
    assert updated["label"] == "Renamed"
    assert updated["config"] == {"host": "b", "port": 3306}
    assert api.call("GET", f"/services/{service_id}") == updated


@pytest.mark.parametrize("body", [{"label": ""}, {"config": "x"}, {"service": "mysql"}])
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
    assert debug["status"] == "ok"
    assert debug["logs"] == []


@pytest.mark.parametrize("service_id", ["999", "abc", "1.5", "-1", str(2**70)])
@pytest.mark.parametrize(
    ("method", "suffix"), [("GET", ""), ("PUT", ""), ("DELETE", ""), ("GET", "/debug")]
)
def test_unknown_ids_are_404(api: Api, service_id: str, method: str, suffix: str) -> None:
    kwargs: dict[str, Any] = {"json": {}} if method == "PUT" else {}
    api.error(method, f"/services/{service_id}{suffix}", 404, **kwargs)
