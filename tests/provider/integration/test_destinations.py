"""Destinations and flows into them against the real emulator: the calls, the confirmations,
and no flow left behind when its write settings are refused."""

from __future__ import annotations

from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.logic import destination, flow, source
from pulumi_dataddo.logic.account import Account
from tests.provider.integration.support import seen


def _source(account: Account, seed_source_inputs: dict[str, Any]) -> str:
    service_id = account.api.create_service({"serviceName": "snapchat_static", "config": {}})
    inputs = {**seed_source_inputs, "oauth_id": service_id, "schedule": None}
    return source.create(account, source.check({}, inputs).inputs).id


def _destination(account: Account, kind: str) -> str:
    login = account.api.create_service({"serviceName": "google_sheets", "config": {}})
    inputs = {"destination_type": kind, "label": f"{kind} out", "oauth_id": str(login)}
    return destination.create(account, destination.check({}, inputs).inputs).id


def test_a_flow_into_a_destination_puts_and_confirms_its_write_settings(
    emu: RunningEmulator, account: Account, seed_source_inputs: dict[str, Any]
) -> None:
    source_id = _source(account, seed_source_inputs)
    destination_id = _destination(account, "google_sheets")
    inputs = {
        "sources": [source_id],
        "destination_id": destination_id,
        "write_mode": "truncate_insert",
        "label": "Into the sheet",
    }
    emu.clear_requests()
    created = flow.create(account, flow.check({}, inputs).inputs)
    assert [(m, p) for m, p, _ in seen(emu)] == [
        ("GET", "/flows"),  # the listing before the process's first flow create
        ("POST", "/flows"),
        ("PUT", f"/flows/{created.id}/write/settings"),
        ("GET", f"/flows/{created.id}"),  # the settings' answer is untyped: confirmed here
    ]
    read = flow.read(account, created.id, created.outs)
    assert (read.inputs["destination_id"], read.inputs["write_mode"]) == (
        destination_id,
        "truncate_insert",
    )


def test_a_flow_whose_write_settings_are_refused_is_deleted_again(
    emu: RunningEmulator, account: Account, seed_source_inputs: dict[str, Any]
) -> None:
    source_id = _source(account, seed_source_inputs)
    destination_id = _destination(account, "google_sheets")  # takes insert, truncate_insert
    inputs = {
        "sources": [source_id],
        "destination_id": destination_id,
        "write_mode": "upsert",
        "unique_columns": ["id"],
        "label": "Into the sheet",
    }
    with pytest.raises(DataddoError, match=r"write/settings: 400 .*the new flow was deleted again"):
        flow.create(account, flow.check({}, inputs).inputs)
    assert emu.objects()["flows"] == []
