"""Property tests: `check` never crashes, and every failure names a field of the resource."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pulumi_dataddo.logic import flow, service, source
from pulumi_dataddo.logic.base import ResourceLogic
from pulumi_dataddo.logic.values import UNKNOWN

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


def _assert_checks(logic: ResourceLogic, names: tuple[str, ...], inputs: dict[str, Any]) -> None:
    checked = logic.check({}, inputs)
    for failure in checked.failures:
        root = failure.field.split(".")[0].split("[")[0]
        assert root in names, failure
        assert failure.reason


@settings(max_examples=300, deadline=None)
@given(_inputs(service.INPUTS))
def test_service_check_never_crashes(inputs: dict[str, Any]) -> None:
    _assert_checks(service.LOGIC, service.INPUTS, inputs)


@settings(max_examples=300, deadline=None)
@given(_inputs(source.INPUTS))
def test_source_check_never_crashes(inputs: dict[str, Any]) -> None:
    _assert_checks(source.LOGIC, source.INPUTS, inputs)


@settings(max_examples=300, deadline=None)
@given(_inputs(flow.INPUTS))
def test_flow_check_never_crashes(inputs: dict[str, Any]) -> None:
    _assert_checks(flow.LOGIC, flow.INPUTS, inputs)


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
    _assert_checks(source.LOGIC, source.INPUTS, inputs)
