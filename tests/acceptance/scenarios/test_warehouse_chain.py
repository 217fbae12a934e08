"""The warehouse chain (the seed's source written by a flow into a PostgreSQL destination whose
login is a pgsql service) through its life: create, change in place, refresh, destroy."""

from __future__ import annotations

import pytest

from tests.acceptance.chains import WAREHOUSE, WAREHOUSE_KINDS, warehouse_labels
from tests.acceptance.scenario import Scenario

pytestmark = pytest.mark.e2e


def found(scenario: Scenario) -> dict[str, dict[str, str]]:
    """The scenario's objects in the account: kind -> id -> label."""
    return {kind: scenario.account.labels(kind) for kind in set(WAREHOUSE_KINDS.values())}


def expected(ids: dict[str, str], labels: dict[str, str]) -> dict[str, dict[str, str]]:
    by_kind: dict[str, dict[str, str]] = {kind: {} for kind in set(WAREHOUSE_KINDS.values())}
    for name, kind in WAREHOUSE_KINDS.items():
        by_kind[kind][ids[name]] = labels[name]
    return by_kind


def test_warehouse_chain(scenario: Scenario) -> None:
    stack = scenario.deploy(WAREHOUSE)
    up, _ = stack.up()
    assert up.summary.resource_changes == {"create": 6}  # the chain and the stack
    ids = stack.ids()
    assert found(scenario) == expected(ids, warehouse_labels(scenario.prefix))

    renamed = {**stack.config["labels"], "destination": f"{scenario.prefix}destination v2"}
    stack.set(labels=renamed, writeMode="insert")
    _, events = stack.up()
    changed = {name: change for name, change in events.changes().items() if change[0] != "same"}
    assert changed == {
        "destination": ("update", ["label"]),
        "flow": ("update", ["write_mode"]),
    }
    assert stack.ids() == ids
    assert scenario.account.labels("destination") == {ids["destination"]: renamed["destination"]}

    preview, _ = stack.project.preview()
    assert set(preview.change_summary) == {"same"}
    refresh, _ = stack.project.refresh()
    assert set(refresh.summary.resource_changes or {}) == {"same"}
    stack.destroy()
    assert scenario.account.leftovers() == []
