"""Response parsing: every service-create shape, DTOs, and malformed answers."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.http import responses
from pulumi_dataddo.http.errors import MalformedResponse
from pulumi_dataddo.http.responses import Where

HERE = Where("POST", "/services")


@pytest.mark.parametrize(
    "body",
    [
        {"id": 1000},
        {"id": "1000"},
        {"oAuthId": "1000"},
        {"oAuthId": 1000},
        {"id": 1000, "label": "Snapchat", "service_type": "oauth", "customer_id": "c"},
    ],
)
def test_every_service_create_shape(body: dict[str, Any]) -> None:
    assert responses.created_service_id(HERE, body) == 1000


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({}, "no id or oAuthId"),
        ({"id": "abc"}, "service id should be an integer, got 'abc'"),
        ({"id": True}, "service id should be an integer, got True"),
        ({"id": None}, "service id should be an integer, got None"),
        ([{"id": 1}], "expected a JSON object, got list"),
        ("1000", "expected a JSON object, got str"),
    ],
)
def test_malformed_service_answers(body: Any, problem: str) -> None:
    with pytest.raises(MalformedResponse) as raised:
        responses.created_service_id(HERE, body)
    assert str(raised.value) == f"POST /services: malformed answer: {problem}"


def test_sources_read_only_what_the_spec_declares() -> None:
    dto = {
        "id": "63b872052946b21e6d063cb2",
        "label": "Snapchat Insights",
        "type": "snapchat",
        "connector_id": "snapchat",
        "template_id": "index",
        "created": 1_700_000_000_000,
        "o_auth_id": 1000,  # not the spec's: ignored
        "source": {"id": "63b872052946b21e6d063cb2"},
    }
    info = responses.source(Where("GET", "/sources/x"), dto)
    assert (info.connector_id, info.template_id) == ("snapchat", "index")
    assert info.created == 1_700_000_000  # milliseconds read as seconds
    listed = responses.source(HERE, {"id": "a", "label": "L", "type": "json", "created": 17})
    assert (listed.connector_id, listed.created) == (None, 17.0)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [(1_700_000_000, 1_700_000_000.0), (1_700_000_000_500, 1_700_000_000.5), ("1", None)],
)
def test_times_may_be_seconds_or_milliseconds(value: Any, seconds: float | None) -> None:
    assert responses.seconds(value) == seconds


@pytest.mark.parametrize(
    "body",
    [
        {"label": "no id"},
        {"id": "a", "label": ["x"]},
        {"id": {"nested": 1}},
        {"id": "a", "connector_id": 1.5},
    ],
)
def test_malformed_sources(body: Any) -> None:
    with pytest.raises(MalformedResponse, match="malformed answer"):
        responses.source(HERE, body)


def test_schedules_read_as_text() -> None:
    answer = {"hour": 3, "minute": "25", "month": None, "timezone": "UTC"}
    assert responses.schedule(HERE, answer) == {"hour": "3", "minute": "25", "timezone": "UTC"}


def test_flow_in_the_seed_shape() -> None:
    seed = {
        "label": "GDS Flow",
        "source": [{"source_id": "63b872052946b21e6d063cb2"}],
        "api": {"app": "google_data_studio", "id": "63c47935b11d93741a0f1583"},
        "id": "63c47935b11d93741a0f1582",
    }
    info = responses.flow(HERE, seed)
    assert info.sources == ["63b872052946b21e6d063cb2"]
    assert (info.app, info.api_id) == ("google_data_studio", "63c47935b11d93741a0f1583")
    bare = responses.flow(HERE, {"id": "f", "api": None, "source": []})
    assert (bare.app, bare.api_id, bare.sources, bare.label) == (None, None, [], None)
    writing = responses.flow(
        HERE,
        {
            "id": "f",
            "api": None,
            "write_action": {"object_id": "d1", "write_mode": "upsert", "unique_columns": ["k"]},
        },
    )
    assert (writing.destination_id, writing.write_mode, writing.unique_columns) == (
        "d1",
        "upsert",
        ["k"],
    )


@pytest.mark.parametrize(
    "body",
    [
        {"id": "f", "source": "abc"},
        {"id": "f", "source": [{"id": "x"}]},
        {"id": "f", "source": ["abc"]},
        {"id": "f", "api": "gds"},
        {"id": "f", "write_action": {"unique_columns": "k"}},
    ],
)
def test_malformed_flows(body: Any) -> None:
    with pytest.raises(MalformedResponse):
        responses.flow(HERE, body)


def test_lists_status_and_label_values() -> None:
    with pytest.raises(MalformedResponse, match="expected a JSON array of objects"):
        responses.objects(HERE, {"items": []})
    with pytest.raises(MalformedResponse, match="'status'"):
        responses.source_status(HERE, {"description": "x"})
    status = responses.source_status(HERE, {"status": "live", "description": None})
    assert (status.status, status.description) == ("live", "")
    assert responses.label_values(HERE, [{"label": "Org", "value": 7}]) == [
        {"label": "Org", "value": "7"}
    ]
