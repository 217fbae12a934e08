"""Reading objects no state knows (for `pulumi import`): every argument the API tells, in the
form `check` gives it, so that the program declaring them previews without changes."""

from __future__ import annotations

from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.logic import destination, flow, service, source
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.base import GONE, ResourceLogic
from pulumi_dataddo.logic.registry import logics
from tests.provider.integration.support import PREFIX


def created(logic: ResourceLogic, account: Account, inputs: dict[str, Any]) -> tuple[str, Any]:
    checked = logic.check({}, inputs)
    assert checked.failures == []
    made = logic.create(account, checked.inputs)
    return made.id, checked.inputs


def known(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def test_every_resource_kind_is_registered() -> None:
    kinds = {kind.spec.name: kind for kind in logics()}
    assert {"Flow", "Service", "Source"} <= kinds.keys()
    assert kinds["Source"] is source.LOGIC


def test_imports_read_back_what_the_program_declared(
    emu: RunningEmulator,
    account: Account,
    seed_service_inputs: dict[str, Any],
    seed_source_inputs: dict[str, Any],
    seed_flow_inputs: dict[str, Any],
) -> None:
    service_id, _ = created(service.LOGIC, account, seed_service_inputs)
    source_id, source_inputs = created(
        source.LOGIC, account, {**seed_source_inputs, "oauth_id": service_id}
    )
    flow_id, flow_inputs = created(
        flow.LOGIC, account, {**seed_flow_inputs, "sources": [source_id]}
    )
    emu.clear_requests()

    imported = service.LOGIC.read_new(account, service_id)
    # The config is write-only at the API: it stays out, and the program declares it.
    assert known(imported.inputs) == {"service": "snapchat_static", "label": "Snapchat"}
    assert imported.outs["service_id"] == int(service_id)
    read = source.LOGIC.read_new(account, source_id)
    # The whole schedule the API holds (fields it filled in too, e.g. `month`).
    held = read.inputs["schedule"]
    assert held.items() >= source_inputs["schedule"].items()
    assert known(read.inputs) == known({**source_inputs, "schedule": held})
    assert not source.LOGIC.diff(read.outs, {**source_inputs, "schedule": held}).changed
    assert known(flow.LOGIC.read_new(account, flow_id).inputs) == known(flow_inputs)
    assert [(e["method"], e["route"].removeprefix(PREFIX)) for e in emu.requests()] == [
        ("GET", "/services"),
        ("GET", "/sources/{id}"),
        ("GET", "/sources/{id}/metadata"),
        ("GET", "/sources/{id}/extraction/schedule"),
        ("GET", "/flows/{id}"),
    ]


def test_a_missing_object_is_gone_and_a_bad_service_id_is_named(account: Account) -> None:
    assert service.LOGIC.read_new(account, "4242") == GONE
    assert source.LOGIC.read_new(account, "0123456789abcdef01234567") == GONE
    assert flow.LOGIC.read_new(account, "0123456789abcdef01234567") == GONE
    assert destination.LOGIC.read_new(account, "0123456789abcdef01234567") == GONE
    with pytest.raises(DataddoError, match="'abc' is not a service id"):
        service.LOGIC.read_new(account, "abc")


def test_an_imported_destination_has_its_label_only(emu: RunningEmulator, account: Account) -> None:
    """No answer holds a destination's type, Service or config: they stay out, the check takes
    the imported inputs as they are, and the program's declared ones change it in place."""
    inputs = {"destination_type": "pgsql", "label": "Warehouse", "config": {"path": "/w"}}
    destination_id, checked = created(destination.LOGIC, account, inputs)
    emu.clear_requests()

    imported = destination.LOGIC.read_new(account, destination_id)
    assert imported.id == destination_id
    assert known(imported.inputs) == {"label": "Warehouse"}
    assert imported.outs["status"] is True
    assert [(e["method"], e["route"].removeprefix(PREFIX)) for e in emu.requests()] == [
        ("GET", "/destinations/{id}")
    ]
    assert destination.check(imported.inputs, imported.inputs).failures == []
    plan = destination.LOGIC.diff(imported.outs, checked)
    assert (plan.changes, plan.replaces) == (("destination_type", "config"), ())
