"""Property tests: whatever valid inputs a program declares, the state they produce diffs clean
against them, also after a refresh that found the object as declared (no perpetual diff)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pulumi_dataddo.fields import schedule
from pulumi_dataddo.http.responses import FlowInfo, SourceInfo
from pulumi_dataddo.logic import flow, source

object_ids = st.text("0123456789abcdef", min_size=24, max_size=24)
labels = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
schedules = st.fixed_dictionaries(
    {},
    optional={
        "sync_frequency": st.sampled_from(schedule.FREQUENCIES),
        "hour": st.integers(0, 23).map(str),
        "minute": st.integers(0, 59),  # numbers are accepted and become text
        "day_of_week": st.integers(0, 6).map(str),
        "day_of_month": st.integers(1, 31).map(str),
        "month": st.integers(1, 12).map(float),
        "timezone": st.sampled_from(["UTC", "Europe/Prague", "America/Sao_Paulo"]),
    },
)


@settings(max_examples=150, deadline=None)
@given(
    label=labels,
    oauth=st.one_of(st.integers(1000, 10**6), st.integers(1000, 10**6).map(str)),
    declared=st.one_of(st.none(), schedules),
    api_extra=st.dictionaries(st.sampled_from(list(schedule.FIELDS)), st.just("*")),
)
def test_sources_do_not_drift_from_themselves(
    label: str, oauth: Any, declared: dict[str, Any] | None, api_extra: dict[str, str]
) -> None:
    inputs = {"connector_id": "mysql", "label": label, "oauth_id": oauth, "schedule": declared}
    checked = source.check({}, inputs)
    assert checked.failures == []
    outs = dict(checked.inputs)
    assert source.LOGIC.diff(outs, checked.inputs).changes == ()
    # The API holds the declared schedule plus fields of its own (server defaults), as text.
    held = {**api_extra, **{k: str(v) for k, v in (checked.inputs["schedule"] or {}).items()}}
    refreshed = source.project(outs, SourceInfo("a" * 24, label, "mysql", "index"), held)
    assert source.LOGIC.diff(refreshed.outs, checked.inputs).changes == ()
    again = source.check({}, refreshed.inputs).inputs
    assert source.LOGIC.diff(refreshed.outs, again).changes == ()


@settings(max_examples=150, deadline=None)
@given(
    sources=st.lists(object_ids, min_size=1, max_size=4, unique=True),
    label=st.one_of(st.none(), labels),
    app=st.sampled_from([None, "google_data_studio", "power_bi"]),
    order=st.randoms(),
)
def test_flows_do_not_drift_from_themselves(
    sources: list[str], label: str | None, app: str | None, order: Any
) -> None:
    inputs = {"sources": sources, "label": label, "app": app}
    assert flow.check({}, inputs).failures == []
    outs = {**inputs, "api_id": None}
    held = list(sources)
    order.shuffle(held)  # the API may list the sources in another order
    found = FlowInfo("f" * 24, label or "Flow", held, app, None)
    refreshed = flow.project(outs, found)
    assert flow.LOGIC.diff(refreshed.outs, inputs).changes == ()
