"""Request bodies: the seed's create-source payload exactly, and the other bodies' shapes."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.logic import payloads, source
from pulumi_dataddo.logic.connector_form import CAMEL, SNAKE, Names, names


def _seed_payload(inputs: dict[str, Any]) -> dict[str, Any]:
    checked = source.check({}, inputs)
    assert checked.failures == []
    values = checked.inputs
    return payloads.create_source(names(values["connector_id"]), values)


def test_seed_program_sends_exactly_the_seed_body(
    seed_source_inputs: dict[str, Any], seed_create_source: dict[str, Any]
) -> None:
    body = _seed_payload(seed_source_inputs)
    assert body == seed_create_source
    assert body["oAuthId"] == "1000"  # a string, as the spec types it


def test_numbers_from_the_engine_become_whole_numbers_again(
    seed_source_inputs: dict[str, Any], seed_create_source: dict[str, Any]
) -> None:
    # The engine sends numbers as floats; a schedule given as numbers ends as strings.
    seed_source_inputs["oauth_id"] = 1000.0
    seed_source_inputs["schedule"] = {**seed_source_inputs["schedule"], "hour": 3.0}
    seed_source_inputs["config"]["limit"] = 10.0
    body = _seed_payload(seed_source_inputs)
    assert body == {**seed_create_source, "limit": 10}
    assert isinstance(body["limit"], int)


def test_ui_fields_do_not_override_config_and_need_date_range() -> None:
    inputs = {
        "connector_id": "json",
        "template_id": "index",
        "label": "J",
        "config": {"search": "x"},
    }
    body = payloads.create_source(CAMEL, inputs)
    assert body == {
        "connectorId": "json",
        "templateId": "index",
        "label": "J",
        "search": "x",
        "request": None,
        "type": "json",
    }


def test_snake_case_forms_get_the_spec_names_and_an_integer_service_id() -> None:
    inputs = {
        "connector_id": "mysql",
        "template_id": "index",
        "label": "M",
        "oauth_id": "1000",
        "config": {"statement": "SELECT 1"},
        "schedule": {"hour": "3"},
        "strategy": "incremental",
        "allow_empty": True,
    }
    body = payloads.create_source(SNAKE, inputs)
    assert body == {
        "connector_id": "mysql",
        "template_id": "index",
        "o_auth_id": 1000,
        "label": "M",
        "statement": "SELECT 1",
        "storage_strategy": "incremental",
        "allow_empty": True,
    }


@pytest.mark.parametrize(
    ("form", "connector_id", "config"),
    [
        (CAMEL, "snapchat", {"organizationId": "o", "dateRange": "{{30d1}}", "search": "x"}),
        (CAMEL, "json", {"type": "csv", "storageStrategy": "clean"}),
        (SNAKE, "mysql", {"statement": "SELECT 1", "day_of_week": "2"}),
    ],
    ids=["camel", "ui-fields-set-in-config", "snake"],
)
def test_source_arguments_read_a_create_body_backwards(
    form: Names, connector_id: str, config: dict[str, Any]
) -> None:
    arguments = {
        "connector_id": connector_id,
        "template_id": "index",
        "label": "L",
        "oauth_id": "1000",
        "config": config,
        "strategy": "incremental",
        "allow_empty": False,
    }
    body = payloads.create_source(form, {**arguments, "schedule": {"hour": "3", "minute": "25"}})
    assert payloads.source_arguments(form, connector_id, body) == arguments


def test_service_bodies_carry_the_label_inside_the_config() -> None:
    assert payloads.create_service("snapchat_static", {"clientId": "c"}, None) == {
        "serviceName": "snapchat_static",
        "config": {"clientId": "c"},
    }
    assert payloads.create_service("mysql", {"port": 3306.0}, "DB") == {
        "serviceName": "mysql",
        "config": {"port": 3306, "label": "DB"},
    }
    assert payloads.update_service({"k": 1.0}, "L") == {"config": {"k": 1, "label": "L"}}


def test_flow_bodies_follow_the_seed() -> None:
    assert payloads.create_flow(["a"], "google_data_studio", "GDS Flow") == {
        "sources": ["a"],
        "app": "google_data_studio",
        "label": "GDS Flow",
    }
    assert payloads.create_flow(["a"], None, None) == {"sources": ["a"]}
    assert payloads.update_flow(None, "L") == {"label": "L"}
    assert payloads.update_flow(["a", "b"], None) == {
        "source": [{"source_id": "a"}, {"source_id": "b"}]
    }


def test_connector_action_body() -> None:
    assert payloads.connector_action(1000.0, organizationId="7", accountId=None) == {
        "oAuthId": "1000",
        "organizationId": "7",
    }
