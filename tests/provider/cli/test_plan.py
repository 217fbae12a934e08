"""Reading `pulumi preview --json` plans: steps into changes, values masked as they are read."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pulumi_dataddo.cli.review.masking import Marker
from pulumi_dataddo.cli.review.plan import FieldChange, PlanError, parse
from tests.provider.cli.plans import (
    API_ID,
    DYNAMIC,
    FLOW_ID,
    SOURCE_ID,
    flow_replace,
    plan,
    service_update,
    state,
    step,
)


def test_a_replacement_names_its_fields_reasons_and_the_object_now() -> None:
    (change,) = parse(plan(flow_replace())).changes
    assert (change.name, change.kind, change.action, change.id) == (
        "flow",
        "Flow",
        "replace",
        FLOW_ID,
    )
    assert change.replaced_by == ("app",)
    assert change.fields == (
        FieldChange("app", "google_data_studio", "power_bi", forces_replacement=True),
        FieldChange("sources[0]", SOURCE_ID, Marker.UNKNOWN),
    )
    assert change.current["api_id"] == API_ID
    assert not change.retained


def test_replacement_steps_are_one_change() -> None:
    replace = flow_replace()
    steps = [{**replace, "op": "create-replacement"}, replace, {**replace, "op": "delete-replaced"}]
    (change,) = parse(plan(*steps)).changes
    assert change.action == "replace"
    assert change.replaced_by == ("app",)
    (alone,) = parse(plan({**replace, "op": "delete-replaced"})).changes
    assert alone.action == "replace"


def test_detailed_diff_replace_kinds_name_the_fields_forcing_it() -> None:
    replace = flow_replace()
    replace["replaceReasons"] = []
    replace["detailedDiff"]["app"]["kind"] = "update-replace"
    (change,) = parse(plan(replace)).changes
    assert change.replaced_by == ("app",)
    assert [f.path for f in change.fields if f.forces_replacement] == ["app"]


def test_service_config_is_masked_even_where_the_plan_shows_it() -> None:
    plain = {"staticKey": "rt-plain-value", "clientId": "client-1"}
    (change,) = parse(plan(service_update(plain, {**plain, "staticKey": "rt-new"}))).changes
    assert change.fields == (
        FieldChange("config.staticKey", Marker.SECRET, Marker.SECRET),
        FieldChange("label", "Snapchat", "Snapchat v2"),
    )
    assert change.current["config"] is Marker.SECRET


def test_additional_secret_outputs_are_masked() -> None:
    token = "dataddo:index:Destination"
    old = state(token, "d", {"label": "a", "dsn": "x"}, id="7", additionalSecretOutputs=["dsn"])
    new = state(token, "d", {"label": "b", "dsn": "y"}, additionalSecretOutputs=["dsn"])
    (change,) = parse(
        plan(step("update", token, "d", old=old, new=new, diffReasons=["dsn"]))
    ).changes
    assert change.kind == "Destination"
    assert change.fields == (FieldChange("dsn", Marker.SECRET, Marker.SECRET),)


def test_old_values_come_from_outputs_where_the_engine_compared_them() -> None:
    token = f"{DYNAMIC}:Source"
    old = state(token, "s", {"label": "Insights"}, {"label": "renamed in the web app"}, id="1")
    new = state(token, "s", {"label": "Insights"})
    diff = {"label": {"kind": "update", "inputDiff": False}}
    (change,) = parse(plan(step("update", token, "s", old=old, new=new, detailedDiff=diff))).changes
    assert change.fields == (FieldChange("label", "renamed in the web app", "Insights"),)


def test_a_create_lists_every_input_and_a_delete_none() -> None:
    token = f"{DYNAMIC}:Source"
    new = state(token, "s", {"label": "x", "schedule": {"hour": "3"}}, retainOnDelete=True)
    old = state(token, "t", {"label": "y"}, id=SOURCE_ID, retainOnDelete=True)
    created, deleted = parse(
        plan(step("create", token, "s", new=new), step("delete", token, "t", old=old))
    ).changes
    assert created.fields == (
        FieldChange("label", Marker.ABSENT, "x"),
        FieldChange("schedule.hour", Marker.ABSENT, "3"),
    )
    assert (created.id, created.retained) == (None, False)  # nothing exists to keep yet
    assert (deleted.action, deleted.fields, deleted.retained) == ("delete", (), True)


def test_kinds_others_and_what_is_left_out() -> None:
    steps = [
        step("create", "dataddo:index:Flow", "native"),
        step("create", "acme:stack:Group$pulumi-python:dynamic/dataddo:Source", "child"),
        step("create", "acme:stack:Group", "group"),
        step("same", f"{DYNAMIC}:Flow", "unchanged"),
    ]
    parsed = parse(plan(*steps))
    assert (parsed.project, parsed.stack) == ("e2e", "test")
    assert [(c.name, c.kind) for c in parsed.dataddo()] == [("native", "Flow"), ("child", "Source")]
    assert [(c.name, c.type) for c in parsed.others()] == [("group", "acme:stack:Group")]


def test_without_detailed_diff_the_diff_reasons_are_the_fields() -> None:
    update = {**service_update(), "detailedDiff": None}
    (change,) = parse(plan(update)).changes
    assert [f.path for f in change.fields] == ["config", "label"]


def test_error_diagnostics_make_the_plan_incomplete() -> None:
    diagnostics = [
        {"message": "error: bad at mysql://u:pw-1234@h/x\nmore\n", "severity": "error"},
        {"message": "error: bad at mysql://u:pw-1234@h/x\n", "severity": "error"},
        {"message": "printed by the program\n", "severity": "info"},
    ]
    assert parse(plan(diagnostics=diagnostics)).errors == ("bad at mysql://[secret]@h/x",)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "not the output of `pulumi preview --json`"),
        ({"config": {}}, "not the output of `pulumi preview --json`"),
        ({"steps": {}}, '"steps" is not a list'),
        ({"steps": [{"op": "create"}]}, 'step 1 has no "op" and "urn" strings'),
        ({"steps": [{"op": "create", "urn": "flow"}]}, "'flow' is not a Pulumi URN"),
        (plan({**flow_replace(), "oldState": []}), '"oldState" is not an object'),
        (plan({**flow_replace(), "detailedDiff": "x"}), '"detailedDiff" is not an object'),
        (plan(diagnostics="x"), '"diagnostics" is not a list'),
    ],
)
def test_what_is_not_a_plan(document: Any, message: str) -> None:
    with pytest.raises(PlanError, match=re.escape(message)):
        parse(document)
