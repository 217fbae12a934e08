"""The seed (the docs' end-to-end example): its three requests, sent verbatim with the ids
substituted, succeed and answer in the seed's response shapes (tests/fixtures/seed/)."""

import json
from typing import Any

import pytest

from tests.emulator.conftest import Api
from tests.seed import FIXTURES, seed_create_source_text, seed_json

SEED_SOURCE_ID = "63b872052946b21e6d063cb2"
JSON = {"Content-Type": "application/json"}


def _same_shape(actual: Any, expected: Any) -> bool:
    """`actual` has every key of `expected`, with values of the same JSON types, recursively."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and _same_shape(actual[key], value) for key, value in expected.items()
        )
    if isinstance(expected, list):
        return isinstance(actual, list) and all(_same_shape(a, expected[0]) for a in actual)
    return type(actual) is type(expected)


@pytest.mark.parametrize("quoted", [False, True])
def test_the_seeds_three_requests(api: Api, quoted: bool) -> None:
    service_raw = (FIXTURES / "service_request.json").read_text("utf-8")
    service = api.call("POST", "/services", data=service_raw, headers=JSON)
    assert service == seed_json("service_response")

    source_raw = seed_create_source_text(service["id"], quoted=quoted)
    path = "/connectors/snapchat/create-source"
    source = api.call("POST", path, data=source_raw, headers=JSON)
    assert _same_shape(source, seed_json("source_response"))
    assert source["label"] == "Snapchat Insights"

    flow_raw = (FIXTURES / "flow_request.json").read_text("utf-8")
    flow = api.call(
        "POST", "/flows", data=flow_raw.replace(SEED_SOURCE_ID, source["id"]), headers=JSON
    )
    assert _same_shape(flow, seed_json("flow_response"))
    assert flow["source"] == [{"source_id": source["id"]}]
    assert (flow["label"], flow["api"]["app"]) == ("GDS Flow", "google_data_studio")

    assert api.call("GET", f"/sources/{source['id']}/metadata") == json.loads(source_raw)
