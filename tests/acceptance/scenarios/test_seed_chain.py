"""The seed chain (the docs' Snapchat service, source and flow) through its life: create,
change in place, replace, drift shown by refresh and put back, adoption, destroy."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.acceptance.calls import tally
from tests.acceptance.chains import KINDS, SEED, labels, snapchat_credentials, snapchat_fields
from tests.acceptance.scenario import Scenario

pytestmark = pytest.mark.e2e


def found(scenario: Scenario) -> dict[str, dict[str, str]]:
    """The scenario's objects in the account: kind -> id -> label."""
    return {kind: scenario.account.labels(kind) for kind in KINDS}


def expected(ids: dict[str, str], by_kind: dict[str, str]) -> dict[str, dict[str, str]]:
    """One object of each kind with this id and label."""
    return {kind: {ids[kind]: by_kind[kind]} for kind in KINDS}


def test_create(scenario: Scenario) -> None:
    stack = scenario.deploy(SEED)
    up, _ = stack.up()
    assert up.summary.resource_changes == {"create": 4}  # the chain and the stack
    assert up.outputs["api_id"].value  # the flow's API endpoint
    assert found(scenario) == expected(stack.ids(), labels(scenario.prefix))

    preview, _ = stack.project.preview()
    assert set(preview.change_summary) == {"same"}
    refresh, _ = stack.project.refresh()
    assert set(refresh.summary.resource_changes or {}) == {"same"}


def test_update_in_place(scenario: Scenario) -> None:
    stack = scenario.deploy(SEED)
    stack.up()
    before = stack.ids()

    renamed = labels(scenario.prefix, " v2")
    stack.set(labels=renamed, schedule={**stack.config["schedule"], "hour": "5"})
    _, events = stack.up()
    assert events.changes() == {
        "service": ("update", ["label"]),
        "source": ("update", ["label", "schedule"]),
        "flow": ("update", ["label"]),
    }
    assert stack.ids() == before
    assert found(scenario) == expected(before, renamed)
    assert scenario.account.schedule(before["source"])["hour"] == "5"


def test_replace(scenario: Scenario) -> None:
    stack = scenario.deploy(SEED)
    stack.up()
    before = stack.ids()

    stack.set(fields={**stack.config["fields"], "breakdown": "ad"})
    _, events = stack.up()
    assert events.changes()["source"] == ("replace", ["config"])
    assert (events.op("service"), events.op("flow")) == ("same", "update")
    after = stack.ids()
    assert after["source"] != before["source"]
    assert (after["service"], after["flow"]) == (before["service"], before["flow"])
    assert found(scenario) == expected(after, labels(scenario.prefix))  # the old source is gone
    assert scenario.account.flow_sources(after["flow"]) == [after["source"]]


def test_refresh_shows_drift(scenario: Scenario) -> None:
    stack = scenario.deploy(SEED)
    stack.up()
    ids = stack.ids()

    renamed = f"{scenario.prefix}source renamed out of band"
    scenario.account.rename_source(ids["source"], renamed)
    scenario.account.reschedule(ids["source"], {**stack.config["schedule"], "hour": "9"})
    scenario.account.delete_flow(ids["flow"])

    stack.project.refresh()
    state = stack.project.resources()
    assert state["source"]["outputs"]["label"] == renamed
    assert state["source"]["outputs"]["schedule"]["hour"] == "9"
    assert "flow" not in state  # deleted out of band: it left the state

    _, events = stack.up()
    assert events.changes()["source"] == ("update", ["label", "schedule"])
    assert events.op("flow") == "create"
    assert scenario.account.labels("source") == {ids["source"]: labels(scenario.prefix)["source"]}
    assert scenario.account.schedule(ids["source"])["hour"] == "3"
    assert len(scenario.account.labels("flow")) == 1


def test_adopt(scenario: Scenario) -> None:
    inputs = scenario.inputs(SEED)
    made = scenario.account.create_chain(
        labels(scenario.prefix, " made by hand"),
        snapchat_credentials(inputs),
        snapchat_fields(inputs),
    )
    stack = scenario.deploy(SEED, adopt=made)
    before = tally(scenario.log)
    stack.up()
    assert (tally(scenario.log) - before).created == Counter()  # nothing new was made
    assert stack.ids() == made
    assert found(scenario) == expected(made, labels(scenario.prefix))  # the declared labels


def test_destroy(scenario: Scenario) -> None:
    stack = scenario.deploy(SEED)
    stack.up()
    before = tally(scenario.log)
    stack.destroy()
    assert (tally(scenario.log) - before).removed == Counter(dict.fromkeys(KINDS, 1))
    assert scenario.account.leftovers() == []
