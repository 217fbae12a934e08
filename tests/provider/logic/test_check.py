"""`check` of every resource: clear failures naming the field, unknowns skipped."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.logic import flow, service, source
from pulumi_dataddo.logic.base import ResourceLogic

OBJ = "63b872052946b21e6d063cb2"


def _failures(logic: ResourceLogic, inputs: dict[str, Any]) -> list[str]:
    return [str(f) for f in logic.check({}, inputs).failures]


def test_seed_inputs_pass(
    seed_service_inputs: dict[str, Any],
    seed_source_inputs: dict[str, Any],
    seed_flow_inputs: dict[str, Any],
) -> None:
    assert _failures(service.LOGIC, seed_service_inputs) == []
    assert _failures(source.LOGIC, seed_source_inputs) == []
    assert _failures(flow.LOGIC, seed_flow_inputs) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"service": None}, "service: is required"),
        (
            {"service": "snap chat"},
            'service: must be a service type such as snapchat_static, got "snap chat"',
        ),
        ({"config": None}, "config: is required (an object)"),
        ({"config": ["secret-value"]}, "config: must be an object, got a list"),
        ({"config": {}}, "config: must hold the service's credentials, got an empty object"),
        ({"config": {"label": "x"}}, "config.label: is set by the Service argument label"),
        ({"config": {1: "x"}}, "config: keys must be non-empty strings, got 1"),
        ({"label": 5}, "label: must be a non-blank string, got 5"),
        ({"adopt_id": "abc"}, 'adopt_id: must be a service id (an integer), got "abc"'),
    ],
)
def test_service_failures(
    seed_service_inputs: dict[str, Any], change: dict[str, Any], expected: str
) -> None:
    failures = _failures(service.LOGIC, {**seed_service_inputs, **change})
    assert len(failures) == 1
    assert failures[0].startswith(expected)


def test_service_failures_never_show_config_values(seed_service_inputs: dict[str, Any]) -> None:
    failures = _failures(service.LOGIC, {**seed_service_inputs, "config": "super-secret-token"})
    assert failures == ["config: must be an object, got a string"]


def test_service_adopt_id_is_normalized(seed_service_inputs: dict[str, Any]) -> None:
    checked = service.check({}, {**seed_service_inputs, "adopt_id": 1234.0})
    assert checked.inputs["adopt_id"] == "1234"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"connector_id": None}, "connector_id: is required"),
        ({"label": ""}, 'label: must be a non-blank string, got ""'),
        ({"label": "\u200b "}, 'label: must be a non-blank string, got "\\u200b "'),
        ({"oauth_id": "x1"}, 'oauth_id: must be a service id (an integer), got "x1"'),
        ({"template_id": "a b"}, "template_id: must be a template id such as index"),
        ({"strategy": 3}, "strategy: must be a storage strategy such as incremental, got 3"),
        ({"wait_until_live": -1}, "wait_until_live: must be a number of at least 0, got -1"),
        ({"wait_until_live": float("nan")}, "wait_until_live: must be a number of at least 0"),
        ({"adopt_id": "123"}, 'adopt_id: must be an id of 24 hexadecimal characters, got "123"'),
        ({"allow_empty": "yes"}, 'allow_empty: must be true or false, got "yes"'),
        (
            {"schedule": {"hour": "25"}},
            "schedule.hour: must be a cron identifier of 0-23 as a string (`*`, `*/15`, `1-5`, "
            '`1,3`), got "25"',
        ),
        ({"config": "x"}, "config: must be an object, got a string"),
    ],
)
def test_source_failures(
    seed_source_inputs: dict[str, Any], change: dict[str, Any], expected: str
) -> None:
    failures = _failures(source.LOGIC, {**seed_source_inputs, **change})
    assert len(failures) == 1, failures
    assert failures[0].startswith(expected)


@pytest.mark.parametrize(
    ("config_change", "expected"),
    [
        ({"metrics": []}, "config.metrics: must list at least one value for connector snapchat"),
        (
            {"metrics": "spend"},
            "config.metrics: must be array for connector snapchat, got a string",
        ),
        ({"accountId": None}, "config.accountId: is required by connector snapchat"),
        ({"label": "x"}, "config.label: is set by the Source argument label, not in config"),
        ({"hour": "3"}, "config.hour: is set by the Source argument schedule, not in config"),
        ({"ensureDataTypes": "x"}, "config.ensureDataTypes: must be object for connector snapchat"),
    ],
)
def test_source_config_is_checked_against_the_catalog(
    seed_source_inputs: dict[str, Any], config_change: dict[str, Any], expected: str
) -> None:
    config = {**seed_source_inputs["config"], **config_change}
    config = {k: v for k, v in config.items() if v is not None}
    failures = _failures(source.LOGIC, {**seed_source_inputs, "config": config})
    assert failures, failures
    assert failures[0].startswith(expected), failures


def test_other_connectors_have_their_required_fields() -> None:
    failures = _failures(
        source.LOGIC,
        {"connector_id": "google_analytics4", "label": "GA4", "oauth_id": "1", "config": {}},
    )
    assert failures == [
        "strategy: is required by connector google_analytics4 (e.g. incremental)",
        "config.dimension: is required by connector google_analytics4",
        "config.metric: is required by connector google_analytics4",
        "config.propertyId: is required by connector google_analytics4",
    ]
    failures = _failures(
        source.LOGIC,
        {
            "connector_id": "facebook_ads",
            "label": "FB",
            "oauth_id": "1",
            "strategy": "clean",
            "config": {
                "accountId": "1",
                "dateRange": "{{7d1}}",
                "timeBreakup": "all_days",
                "level": "campaign",
                "metric": ["clicks"],
                "dataLabel": ["campaign_id"],
                "limit": 1.5,
            },
        },
    )
    assert failures == []
    json_source = {"connector_id": "json", "label": "J", "config": {"storageStrategy": "clean"}}
    assert _failures(source.LOGIC, json_source) == [
        "oauth_id: is required by connector json (the Service's id)",
        "config.attributes: is required by connector json",
        "config.method: is required by connector json",
        "config.transformation: is required by connector json",
        "config.url: is required by connector json",
    ]
    assert _failures(source.LOGIC, {"connector_id": "mysql", "label": "M"}) == []


def test_integer_fields_need_whole_numbers() -> None:
    config = {"propertyId": "1", "metric": ["m"], "dimension": ["d"], "limit": 1.5}
    inputs = {"connector_id": "google_analytics4", "label": "G", "config": config, "oauth_id": 1}
    failures = _failures(source.LOGIC, {**inputs, "strategy": "incremental"})
    assert failures == ["config.limit: must be a whole number, got 1.5"]


def test_source_check_normalizes(seed_source_inputs: dict[str, Any]) -> None:
    inputs = {**seed_source_inputs, "oauth_id": 1000.0, "template_id": None}
    inputs["schedule"] = {**inputs["schedule"], "hour": 3.0}
    checked = source.check({}, inputs).inputs
    assert (checked["oauth_id"], checked["template_id"]) == ("1000", "index")
    assert checked["schedule"]["hour"] == "3"


def test_unknown_values_are_not_validated(seed_source_inputs: dict[str, Any]) -> None:
    inputs = {**seed_source_inputs, "oauth_id": UNKNOWN, "label": UNKNOWN}
    inputs["config"] = {**inputs["config"], "metrics": UNKNOWN, "accountId": UNKNOWN}
    assert _failures(source.LOGIC, inputs) == []
    assert _failures(source.LOGIC, {**seed_source_inputs, "config": UNKNOWN}) == []
    assert _failures(flow.LOGIC, {"sources": UNKNOWN}) == []
    assert _failures(flow.LOGIC, {"sources": [UNKNOWN, OBJ]}) == []


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        ({"sources": []}, "sources: must list at least one id, got []"),
        ({}, "sources: is required (a list of ids)"),
        ({"sources": ["abc"]}, 'sources[0]: must be an id of 24 hexadecimal characters, got "abc"'),
        ({"sources": [OBJ, OBJ]}, f"sources: lists {OBJ} more than once"),
        ({"sources": [OBJ], "label": ""}, "label: must be a non-blank string"),
        ({"sources": [OBJ], "adopt_id": 7}, "adopt_id: must be an id of 24 hexadecimal"),
    ],
)
def test_flow_failures(inputs: dict[str, Any], expected: str) -> None:
    failures = _failures(flow.LOGIC, inputs)
    assert len(failures) == 1, failures
    assert failures[0].startswith(expected)


@pytest.mark.parametrize(
    ("logic", "inputs", "expected"),
    [
        (
            source.LOGIC,
            {"connector_id": "snapchatt", "label": "L"},
            "connector_id: 'snapchatt' is not in the published catalog; did you mean snapchat",
        ),
        (flow.LOGIC, {"sources": [OBJ], "app": "excel2"}, "app: 'excel2' is not a dashboard app"),
        (
            service.LOGIC,
            {"service": "snapchat_statik", "config": {"a": "b"}},
            "service: 'snapchat_statik' is not a service type of the published spec; did you "
            "mean snapchat_static",
        ),
    ],
)
def test_what_the_catalog_does_not_know_is_a_warning(
    logic: ResourceLogic, inputs: dict[str, Any], expected: str
) -> None:
    checked = logic.check({}, inputs)
    assert checked.failures == []
    assert len(checked.warnings) == 1
    assert checked.warnings[0].startswith(expected), checked.warnings


def test_unknown_config_keys_are_warnings_with_a_suggestion(
    seed_source_inputs: dict[str, Any],
) -> None:
    config = {**seed_source_inputs["config"], "organisationId": "o", "storage_strategy": "clean"}
    checked = source.check({}, {**seed_source_inputs, "config": config})
    assert checked.failures == []
    assert checked.warnings == [
        "config.organisationId: connector snapchat's published form has no such field; did you "
        "mean organizationId?; it is sent as is",
        "config.storage_strategy: connector snapchat's published form has no such field; did "
        "you mean storageStrategy?; it is sent as is",
    ]


def test_snake_case_forms_name_the_arguments_their_way() -> None:
    inputs = {"connector_id": "mysql", "label": "M", "oauth_id": "1", "strategy": "clean"}
    config = {"statement": "SELECT 1", "o_auth_id": 3, "connector_id": "x", "storageStrategy": "y"}
    checked = source.check({}, {**inputs, "config": config})
    assert [str(f) for f in checked.failures] == [
        "config.connector_id: is set by the Source argument connector_id, not in config",
        "config.o_auth_id: is set by the Source argument oauth_id, not in config",
    ]
    assert checked.warnings == [
        "config.storageStrategy: connector mysql's published form has no such field; did you "
        "mean storage_strategy?; it is sent as is"
    ]


def test_a_form_field_an_argument_now_sets_moves_to_it_with_a_warning(
    seed_source_inputs: dict[str, Any],
) -> None:
    """A program written before allow_empty existed keeps working and sends the same body."""
    config = {**seed_source_inputs["config"], "allowEmpty": True}
    checked = source.check({}, {**seed_source_inputs, "config": config})
    assert checked.failures == []
    assert checked.warnings == [
        "config.allowEmpty: the Source argument allow_empty sets this form field; declare "
        "allow_empty instead (the source is sent and kept the same)"
    ]
    assert checked.inputs["allow_empty"] is True
    assert "allowEmpty" not in checked.inputs["config"]
    declared = source.check({}, {**seed_source_inputs, "allow_empty": True}).inputs
    assert source.body(checked.inputs) == source.body(declared)


def test_a_form_field_given_twice_is_refused(seed_source_inputs: dict[str, Any]) -> None:
    config = {**seed_source_inputs["config"], "allowEmpty": False}
    failures = _failures(
        source.LOGIC, {**seed_source_inputs, "allow_empty": True, "config": config}
    )
    assert failures == [
        "config.allowEmpty: is set by the Source argument allow_empty, not in config"
    ]
