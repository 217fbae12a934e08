"""The seed (the docs' end-to-end example): its three requests, replayed verbatim with the ids
substituted, succeed and answer in the seed's response shapes."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.emulator.conftest import Api

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_a7fb93cc336299ef.txt"
SEED_SOURCE_ID = "63b872052946b21e6d063cb2"


def _json_blocks(text: str) -> list[tuple[str, Any]]:
    """Every JSON object in the text that starts a line: (its raw text, its value)."""
    decoder = json.JSONDecoder()
    blocks = []
    for match in re.finditer(r"^\s*(\{)", text, re.MULTILINE):
        try:
            value, end = decoder.raw_decode(text, match.start(1))
        except ValueError:
            continue
        blocks.append((text[match.start(1) : end], value))
    return blocks


def _same_shape(actual: Any, expected: Any) -> bool:
    """`actual` has every key of `expected`, with values of the same JSON types, recursively."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and _same_shape(actual[key], value) for key, value in expected.items()
        )
    if isinstance(expected, list):
        return isinstance(actual, list) and all(_same_shape(a, expected[0]) for a in actual)
    return type(actual) is type(expected)


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed is not at {SEED}")
    # OAUTH_ID is a placeholder for the first answer's id: a number, so the raw text parses
    return SEED.read_text("utf-8").replace("OAUTH_ID", "1000")


def test_the_seeds_three_requests(api: Api, seed: str) -> None:
    blocks = _json_blocks(seed)
    assert len(blocks) == 6, blocks
    (service_raw, _), (_, service_shape) = blocks[0], blocks[1]
    (source_raw, _), (_, source_shape) = blocks[2], blocks[3]
    (flow_raw, _), (_, flow_answer) = blocks[4], blocks[5]
    headers = {"Content-Type": "application/json"}

    service = api.call("POST", "/services", data=service_raw, headers=headers)
    assert service == service_shape == {"id": 1000}

    path = "/connectors/snapchat/create-source"
    source = api.call(
        "POST", path, data=source_raw.replace("1000", str(service["id"])), headers=headers
    )
    assert _same_shape(source, source_shape)
    assert source["label"] == "Snapchat Insights"

    flow = api.call(
        "POST", "/flows", data=flow_raw.replace(SEED_SOURCE_ID, source["id"]), headers=headers
    )
    assert _same_shape(flow, flow_answer)
    assert flow["source"] == [{"source_id": source["id"]}]
    assert (flow["label"], flow["api"]["app"]) == ("GDS Flow", "google_data_studio")
    assert set(flow["api"]) == {"app", "id"}

    assert api.call("GET", f"/sources/{source['id']}/metadata") == json.loads(source_raw)


def test_the_seeds_create_source_with_a_string_oauth_id(api: Api, seed: str) -> None:
    service_id = api.service()
    raw = _json_blocks(seed)[2][0].replace('"oAuthId":1000', f'"oAuthId":"{service_id}"')
    headers = {"Content-Type": "application/json"}
    source = api.call("POST", "/connectors/snapchat/create-source", data=raw, headers=headers)
    assert api.call("GET", f"/sources/{source['id']}")["o_auth_id"] == service_id
