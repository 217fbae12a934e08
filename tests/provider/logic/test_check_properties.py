"""Property tests: `check` never crashes, every failure names a field of the resource, and each
kind of bad input (wrong types, empty metric lists, malformed ids, invalid schedule values,
non-string config keys) is refused naming its field; what the catalog does not know (connectors,
apps) is a warning naming its field."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pulumi_dataddo.fields import schedule
from pulumi_dataddo.fields.validation import OBJECT_ID
from pulumi_dataddo.fields.values import UNKNOWN, integer_text, is_blank
from pulumi_dataddo.logic import catalog, flow, service, source
from pulumi_dataddo.logic.base import ResourceLogic
from tests.seed import SNAPCHAT_FIELDS

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.just(UNKNOWN),
    st.sampled_from(["snapchat", "index", "1000", "63b872052946b21e6d063cb2", "UTC", "3"]),
    st.sampled_from(["²", "١٢", "1e3", " 3 ", "Europe/../UTC", "\x00"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.one_of(st.text(max_size=12), st.integers()), inner, max_size=4)
    ),
    max_leaves=12,
)


def _inputs(names: tuple[str, ...]) -> st.SearchStrategy[dict[Any, Any]]:
    known = st.fixed_dictionaries({}, optional={name: json_values for name in names})
    return st.builds(
        lambda a, b: {**b, **a},
        known,
        st.dictionaries(st.text(max_size=8), json_values, max_size=2),
    )


def _assert_checks(logic: ResourceLogic, inputs: dict[str, Any]) -> None:
    checked = logic.check({}, inputs)
    for failure in checked.failures:
        root = failure.field.split(".")[0].split("[")[0]
        assert root in logic.spec.input_names, failure
        assert failure.reason
    for warning in checked.warnings:
        assert warning.split(".")[0].split(":")[0] in logic.spec.input_names, warning


@settings(max_examples=300, deadline=None)
@given(_inputs(service.LOGIC.spec.input_names))
def test_service_check_never_crashes(inputs: dict[str, Any]) -> None:
    _assert_checks(service.LOGIC, inputs)


@settings(max_examples=300, deadline=None)
@given(_inputs(source.LOGIC.spec.input_names))
def test_source_check_never_crashes(inputs: dict[str, Any]) -> None:
    _assert_checks(source.LOGIC, inputs)


@settings(max_examples=300, deadline=None)
@given(_inputs(flow.LOGIC.spec.input_names))
def test_flow_check_never_crashes(inputs: dict[str, Any]) -> None:
    _assert_checks(flow.LOGIC, inputs)


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "connector_id": st.sampled_from(["snapchat", "google_analytics4", "facebook_ads"]),
            "label": st.just("L"),
        },
        optional={
            "config": st.dictionaries(
                st.sampled_from(
                    ["metrics", "labels", "accountId", "limit", "metric", "dateRange", "allowEmpty"]
                ),
                json_values,
                max_size=6,
            ),
            "schedule": st.dictionaries(
                st.sampled_from(["hour", "minute", "timezone", "sync_frequency", "month"]),
                json_values,
            ),
        },
    )
)
def test_source_config_and_schedule_never_crash(inputs: dict[str, Any]) -> None:
    _assert_checks(source.LOGIC, inputs)


# -- each kind of bad input is refused and the failure names its field -------------------------

VALID_SERVICE = {"service": "snapchat_static", "config": {"clientId": "c"}}
VALID_SOURCE = {
    "connector_id": "snapchat",
    "label": "L",
    "oauth_id": "1000",
    "config": SNAPCHAT_FIELDS,
    "strategy": "incremental",
}
VALID_FLOW = {"sources": ["63b872052946b21e6d063cb2"], "app": "google_data_studio"}
MALFORMED_OBJECT_IDS = st.one_of(
    st.text(max_size=30).filter(
        lambda s: not OBJECT_ID.match(s) and s.strip() != "" and s != UNKNOWN
    ),
    st.integers(),
    st.booleans(),
    st.lists(st.text(max_size=3), max_size=2),
    st.from_regex(r"\A[0-9a-f]{23}\Z|\A[0-9a-f]{25}\Z|\A[0-9a-f]{23}[A-Zg-z]\Z"),
    st.just("63b872052946b21e6d063cb2\n"),
)
MALFORMED_SERVICE_IDS = st.one_of(
    st.text(max_size=12).filter(lambda s: integer_text(s) is None and s != UNKNOWN and s.strip()),
    st.floats().filter(lambda f: not math.isfinite(f) or not f.is_integer()),
    st.booleans(),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
WRONG_TYPES = st.one_of(
    st.integers(), st.booleans(), st.lists(st.integers(), max_size=2), st.floats()
)


@pytest.mark.parametrize(
    ("logic", "inputs"),
    [(service.LOGIC, VALID_SERVICE), (source.LOGIC, VALID_SOURCE), (flow.LOGIC, VALID_FLOW)],
)
def test_the_valid_baselines_pass(logic: ResourceLogic, inputs: dict[str, Any]) -> None:
    assert logic.check({}, inputs).failures == []


def _named(logic: ResourceLogic, inputs: dict[str, Any], field: str) -> None:
    """`check` refuses `inputs` with a failure on `field` (and only on known fields)."""
    failures = logic.check({}, inputs).failures
    assert field in {f.field for f in failures}, failures
    assert all(f.reason for f in failures)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["service", "label"]), WRONG_TYPES)
def test_service_wrong_types(field: str, value: Any) -> None:
    _named(service.LOGIC, {**VALID_SERVICE, field: value}, field)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["connector_id", "label", "template_id", "strategy"]), WRONG_TYPES)
def test_source_wrong_types(field: str, value: Any) -> None:
    _named(source.LOGIC, {**VALID_SOURCE, field: value}, field)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["app", "label"]), WRONG_TYPES)
def test_flow_wrong_types(field: str, value: Any) -> None:
    _named(flow.LOGIC, {**VALID_FLOW, field: value}, field)


def _warned(logic: ResourceLogic, inputs: dict[str, Any], field: str) -> None:
    """`check` warns about `field` and does not refuse it: the API decides."""
    checked = logic.check({}, inputs)
    assert field not in {f.field for f in checked.failures}, checked.failures
    assert any(w.startswith(f"{field}: ") for w in checked.warnings), checked.warnings


@settings(max_examples=100, deadline=None)
@given(
    st.text(min_size=1, max_size=20).filter(
        lambda c: c not in catalog.connector_ids() and c != UNKNOWN and not is_blank(c)
    )
)
def test_unknown_connectors_are_warnings(connector_id: str) -> None:
    _warned(source.LOGIC, {**VALID_SOURCE, "connector_id": connector_id}, "connector_id")


@settings(max_examples=100, deadline=None)
@given(
    st.text(min_size=1, max_size=20).filter(
        lambda a: a not in catalog.apps() and a != UNKNOWN and not is_blank(a)
    )
)
def test_unknown_apps_are_warnings(app: str) -> None:
    _warned(flow.LOGIC, {**VALID_FLOW, "app": app}, "app")


@pytest.mark.parametrize(
    ("connector_id", "field"),
    [("snapchat", "metrics"), ("facebook_ads", "metric"), ("google_analytics4", "metric")],
)
def test_empty_metric_lists(connector_id: str, field: str) -> None:
    inputs = {**VALID_SOURCE, "connector_id": connector_id, "config": {field: []}}
    _named(source.LOGIC, inputs, f"config.{field}")


@settings(max_examples=150, deadline=None)
@given(MALFORMED_OBJECT_IDS, st.sampled_from(["flow adopt_id", "source adopt_id", "sources[0]"]))
def test_malformed_object_ids(value: Any, where: str) -> None:
    if where == "sources[0]":
        _named(flow.LOGIC, {**VALID_FLOW, "sources": [value]}, "sources[0]")
    elif where == "flow adopt_id":
        _named(flow.LOGIC, {**VALID_FLOW, "adopt_id": value}, "adopt_id")
    else:
        _named(source.LOGIC, {**VALID_SOURCE, "adopt_id": value}, "adopt_id")


@settings(max_examples=150, deadline=None)
@given(MALFORMED_SERVICE_IDS, st.sampled_from(["service adopt_id", "source oauth_id"]))
def test_malformed_service_ids(value: Any, where: str) -> None:
    if where == "service adopt_id":
        _named(service.LOGIC, {**VALID_SERVICE, "adopt_id": value}, "adopt_id")
    else:
        _named(source.LOGIC, {**VALID_SOURCE, "oauth_id": value}, "oauth_id")


def _out_of_range(field: str) -> st.SearchStrategy[Any]:
    low, high = schedule.RANGES[field]
    numbers = st.integers().filter(lambda n: not low <= n <= high)
    return st.one_of(
        numbers.map(str),
        st.text(max_size=6).filter(
            lambda t: t != UNKNOWN and not schedule.valid_cron_field(field, t)
        ),
        WRONG_TYPES.filter(lambda v: not isinstance(v, int | float) or isinstance(v, bool)),
    )


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_invalid_schedule_values(data: st.DataObject) -> None:
    field = data.draw(st.sampled_from([*schedule.RANGES, "sync_frequency", "timezone", "nope"]))
    if field in schedule.RANGES:
        value = data.draw(_out_of_range(field))
    elif field == "sync_frequency":
        value = data.draw(
            st.text(max_size=10).filter(lambda t: t not in schedule.FREQUENCIES and t != UNKNOWN)
        )
    else:
        value = data.draw(st.one_of(WRONG_TYPES, st.just("Mars/Base"), st.just("")))
    inputs = {**VALID_SOURCE, "schedule": {field: value}}
    _named(source.LOGIC, inputs, f"schedule.{field}")


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.one_of(st.integers(), st.booleans(), st.none(), st.just("")),
        json_values,
        min_size=1,
        max_size=3,
    ),
    st.sampled_from(["service", "source"]),
)
def test_non_string_config_keys(config: dict[Any, Any], kind: str) -> None:
    if kind == "service":
        _named(service.LOGIC, {**VALID_SERVICE, "config": config}, "config")
    else:
        _named(source.LOGIC, {**VALID_SOURCE, "config": config}, "config")
