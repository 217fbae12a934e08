"""Diffs: in place vs replace per resource, unknowns, and no perpetual diff after a refresh."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.http.responses import FlowInfo, ServiceInfo, SourceInfo
from pulumi_dataddo.logic import flow, service, source
from pulumi_dataddo.logic.base import ResourceLogic

OBJ_A = "63b872052946b21e6d063cb2"
OBJ_B = "63b872052946b21e6d063cb3"


def _outs(logic: ResourceLogic, inputs: dict[str, Any], **computed: Any) -> dict[str, Any]:
    checked = logic.check({}, inputs)
    assert checked.failures == []
    return {**checked.inputs, **computed}


def _diff(logic: ResourceLogic, olds: dict[str, Any], news: dict[str, Any]) -> tuple[Any, Any]:
    plan = logic.diff(olds, logic.check({}, news).inputs)
    return plan.changes, plan.replaces


@pytest.mark.parametrize(
    ("change", "changes", "replaces"),
    [
        ({}, (), ()),
        ({"label": "New"}, ("label",), ()),
        ({"label": None}, (), ()),  # an omitted label is not managed
        ({"config": {"staticKey": "rotated-key"}}, ("config",), ()),
        ({"service": "facebook_static"}, ("service",), ("service",)),
        ({"adopt_id": "1234"}, (), ()),
        ({"label": UNKNOWN}, ("label",), ()),
        ({"service": UNKNOWN}, ("service",), ("service",)),
        ({"config": {"staticKey": UNKNOWN}}, ("config",), ()),
    ],
)
def test_service_diff(
    seed_service_inputs: dict[str, Any], change: dict[str, Any], changes: Any, replaces: Any
) -> None:
    olds = _outs(service.LOGIC, seed_service_inputs, service_id=1000)
    assert _diff(service.LOGIC, olds, {**seed_service_inputs, **change}) == (changes, replaces)


@pytest.mark.parametrize(
    ("change", "changes", "replaces"),
    [
        ({}, (), ()),
        ({"label": "Renamed"}, ("label",), ()),
        ({"schedule": {"hour": "4"}}, ("schedule",), ()),
        ({"schedule": None}, (), ()),  # an omitted schedule is not managed
        ({"connector_id": "facebook_ads"}, ("connector_id",), ("connector_id",)),
        ({"template_id": "other"}, ("template_id",), ("template_id",)),
        ({"oauth_id": "1001"}, ("oauth_id",), ("oauth_id",)),
        ({"oauth_id": 1000.0}, (), ()),
        ({"oauth_id": UNKNOWN}, ("oauth_id",), ("oauth_id",)),
        ({"strategy": "clean"}, ("strategy",), ("strategy",)),
        ({"wait_until_live": 30}, (), ()),
        ({"adopt_id": OBJ_A}, (), ()),
    ],
)
def test_source_diff(
    seed_source_inputs: dict[str, Any], change: dict[str, Any], changes: Any, replaces: Any
) -> None:
    olds = _outs(source.LOGIC, seed_source_inputs)
    assert _diff(source.LOGIC, olds, {**seed_source_inputs, **change}) == (changes, replaces)


def test_source_config_change_replaces(seed_source_inputs: dict[str, Any]) -> None:
    olds = _outs(source.LOGIC, seed_source_inputs)
    news = {**seed_source_inputs, "config": {**seed_source_inputs["config"], "breakdown": "ad"}}
    assert _diff(source.LOGIC, olds, news) == (("config",), ("config",))


@pytest.mark.parametrize(
    ("change", "changes", "replaces"),
    [
        ({}, (), ()),
        ({"label": "Other"}, ("label",), ()),
        ({"sources": [OBJ_A, OBJ_B]}, ("sources",), ()),
        ({"app": "power_bi"}, ("app",), ("app",)),
        ({"app": None}, ("app",), ("app",)),
        ({"sources": [UNKNOWN]}, ("sources",), ()),
    ],
)
def test_flow_diff(
    seed_flow_inputs: dict[str, Any], change: dict[str, Any], changes: Any, replaces: Any
) -> None:
    olds = _outs(flow.LOGIC, seed_flow_inputs, api_id="63c47935b11d93741a0f1583")
    assert _diff(flow.LOGIC, olds, {**seed_flow_inputs, **change}) == (changes, replaces)


def test_flow_source_order_does_not_matter() -> None:
    olds = _outs(flow.LOGIC, {"sources": [OBJ_A, OBJ_B]}, api_id=None)
    assert _diff(flow.LOGIC, olds, {"sources": [OBJ_B, OBJ_A]}) == ((), ())


def test_no_perpetual_diff_after_refresh(
    seed_service_inputs: dict[str, Any],
    seed_source_inputs: dict[str, Any],
    seed_flow_inputs: dict[str, Any],
) -> None:
    svc = _outs(service.LOGIC, seed_service_inputs, service_id=1000)
    read = service.project(svc, ServiceInfo(1000, "snapchat_static", "Snapchat"))
    assert service.LOGIC.diff(read.outs, seed_service_inputs).changes == ()
    assert read.inputs["config"] == seed_service_inputs["config"]  # secrets kept from state

    src = _outs(source.LOGIC, seed_source_inputs)
    api_schedule = {**seed_source_inputs["schedule"], "month": "*"}
    found = SourceInfo(OBJ_A, "Snapchat Insights", "snapchat", "index")
    read = source.project(src, found, api_schedule)
    checked = source.check({}, seed_source_inputs).inputs
    assert source.LOGIC.diff(read.outs, checked).changes == ()

    flw = _outs(flow.LOGIC, seed_flow_inputs, api_id="x")
    found_flow = FlowInfo(
        "f", "GDS Flow", [seed_flow_inputs["sources"][0]], "google_data_studio", "x"
    )
    read = flow.project(flw, found_flow)
    assert flow.LOGIC.diff(read.outs, seed_flow_inputs).changes == ()


def test_refresh_shows_label_drift_so_up_repairs_it(seed_source_inputs: dict[str, Any]) -> None:
    src = _outs(source.LOGIC, seed_source_inputs)
    read = source.project(src, SourceInfo(OBJ_A, "Changed by hand", "snapchat"))
    assert read.inputs["label"] == "Changed by hand"
    plan = source.LOGIC.diff(read.outs, source.check({}, seed_source_inputs).inputs)
    assert (plan.changes, plan.replaces) == (("label",), ())


def test_undeclared_labels_stay_unmanaged_after_refresh() -> None:
    outs = _outs(flow.LOGIC, {"sources": [OBJ_A]}, api_id=None)
    read = flow.project(outs, FlowInfo("f", "Default label", [OBJ_A]))
    assert read.inputs["label"] is None
    assert flow.LOGIC.diff(read.outs, {"sources": [OBJ_A]}).changes == ()


def test_schedule_drift_shows_and_in_place_updates_keep_ids_stable(
    seed_source_inputs: dict[str, Any], seed_flow_inputs: dict[str, Any]
) -> None:
    src = _outs(source.LOGIC, seed_source_inputs)
    held = {**seed_source_inputs["schedule"], "hour": "5"}
    read = source.project(src, SourceInfo(OBJ_A, "Snapchat Insights", "snapchat"), held)
    plan = source.LOGIC.diff(read.outs, source.check({}, seed_source_inputs).inputs)
    assert (plan.changes, plan.replaces) == (("schedule",), ())
    flw = _outs(flow.LOGIC, seed_flow_inputs, api_id="x")
    in_place = flow.LOGIC.diff(flw, {**seed_flow_inputs, "label": "Renamed"})
    replaced = flow.LOGIC.diff(flw, {**seed_flow_inputs, "app": "power_bi"})
    assert (in_place.stables, replaced.stables) == (("api_id",), ())


def test_a_state_written_before_an_argument_existed_is_no_change(
    seed_source_inputs: dict[str, Any],
) -> None:
    """Old outputs holding config.allowEmpty against a program declaring allow_empty."""
    old_config = {**seed_source_inputs["config"], "allowEmpty": True}
    olds = {**seed_source_inputs, "config": old_config, "id": OBJ_A}
    olds.pop("allow_empty", None)
    assert _diff(source.LOGIC, olds, {**seed_source_inputs, "allow_empty": True}) == ((), ())
    changes, replaces = _diff(source.LOGIC, olds, {**seed_source_inputs, "allow_empty": False})
    assert (changes, replaces) == (("allow_empty",), ("allow_empty",))
