"""Flows: both create shapes, apps, read, update, delete, by source (flows into destinations:
test_flow_writes.py)."""

import json
from typing import Any

import pytest

from tests.emulator.conftest import Api

APPS = [
    "google_data_studio",
    "power_bi",
    "tableau",
    "looker_studio",
    "excel",
    "google_sheets",
    "qlik",
]
FLOW_FIELDS = {
    "id",
    "label",
    "customer_id",
    "source",
    "tag",
    "operation",
    "rules",
    "api",
    "write_action",
}


def test_create_in_the_seeds_shape_answers_a_flow(api: Api) -> None:
    source_id = api.source()
    body = {"sources": [source_id], "app": "google_data_studio", "label": "GDS Flow"}
    flow = api.call("POST", "/flows", json=body)
    assert set(flow) == FLOW_FIELDS
    assert flow["source"] == [{"source_id": source_id}]
    assert flow["api"] == {
        "id": flow["api"]["id"],
        "customer_id": flow["customer_id"],
        "app": "google_data_studio",
        "last": None,
    }
    assert len(flow["id"]) == len(flow["api"]["id"]) == 24
    assert (flow["label"], flow["tag"], flow["write_action"]) == ("GDS Flow", [], None)
    assert api.call("GET", f"/flows/{flow['id']}") == flow


def test_create_in_the_spec_shape_without_app(api: Api) -> None:
    first, second = api.source(), api.source()
    body = {"source": [{"source_id": first}, {"source_id": second}]}
    flow = api.call("POST", "/flows", json=body)
    assert flow["api"] is None
    assert flow["label"] == "Flow"
    assert [s["source_id"] for s in flow["source"]] == [first, second]


def test_every_known_app(api: Api) -> None:
    source_id = api.source()
    assert [api.flow(source_id, app=app)["api"]["app"] for app in APPS] == APPS


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"app": "google_data_studio"}, "sources"),
        ({"sources": []}, "sources"),
        ({"sources": "x"}, "sources"),
        ({"sources": [1]}, "sources.0"),
        ({"source": [{"id": "x"}]}, "source.0.source_id"),
        ({"sources": ["a"], "source": [{"source_id": "a"}]}, "sources"),
        ({"sources": ["SOURCE"], "app": "netflix"}, "app"),
        ({"sources": ["SOURCE"], "colour": "red"}, "colour"),
        ({"sources": ["SOURCE", "SOURCE"]}, "sources"),
    ],
)
def test_create_refuses_bad_input(api: Api, body: dict[str, Any], field: str) -> None:
    body = json.loads(json.dumps(body).replace("SOURCE", api.source()))
    assert field in api.error("POST", "/flows", 400, json=body)["errors"]


def test_unknown_and_foreign_sources_are_named(api: Api, other: Api) -> None:
    mine, theirs = api.source(), other.source()
    body = {"sources": [mine, theirs, "nope"]}
    error = api.error("POST", "/flows", 400, json=body)
    assert theirs in error["message"]
    assert "nope" in error["message"]
    assert mine not in error["message"]
    spec_shape = {"source": [{"source_id": "nope"}]}
    assert "source" in api.error("POST", "/flows", 400, json=spec_shape)["errors"]


def test_list_detail_and_by_source(api: Api) -> None:
    first, second = api.source(), api.source()
    one = api.flow(first)
    both = api.flow(first, second, app=None)
    listed = api.call("GET", "/flows")
    assert [f["id"] for f in listed] == [one["id"], both["id"]]
    assert api.call("GET", f"/flows/{both['id']}") == listed[1]
    assert [f["id"] for f in api.call("GET", f"/flows/by-source/{first}")] == [
        one["id"],
        both["id"],
    ]
    assert [f["id"] for f in api.call("GET", f"/flows/by-source/{second}")] == [both["id"]]
    assert api.call("GET", f"/flows/by-source/{api.source()}") == []
    api.error("GET", "/flows/by-source/nope", 404)


def test_update_label_and_sources(api: Api) -> None:
    first, second = api.source(), api.source()
    flow = api.flow(first)
    path = f"/flows/{flow['id']}"
    updated = api.call("PUT", path, json={"label": "Renamed", "sources": [second]})
    assert updated["label"] == "Renamed"
    assert updated["source"] == [{"source_id": second}]
    assert updated["api"]["app"] == "google_data_studio"
    assert api.call("GET", f"/flows/by-source/{first}") == []
    api.call("DELETE", f"/sources/{first}", 204)  # no longer in use
    updated = api.call("PUT", path, json={"source": [{"source_id": second}]})
    assert updated["label"] == "Renamed"
    assert updated == api.call("GET", path)


@pytest.mark.parametrize(
    "body",
    [
        {"app": "google_data_studio"},  # the app cannot change, nor be given again
        {"destinationId": "0" * 24},  # nor the destination
        {"sources": []},
        {"sources": ["nope"]},
        {"id": "x"},
    ],
)
def test_update_refuses_bad_input(api: Api, body: dict[str, Any]) -> None:
    api.error("PUT", f"/flows/{api.flow()['id']}", 400, json=body)


def test_delete(api: Api) -> None:
    flow = api.flow()
    api.call("DELETE", f"/flows/{flow['id']}", 204)
    api.error("GET", f"/flows/{flow['id']}", 404)
    api.error("DELETE", f"/flows/{flow['id']}", 404)
    api.error("PUT", f"/flows/{flow['id']}", 404, json={"label": "x"})
