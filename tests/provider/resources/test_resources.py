"""The program side: resource types, declared outputs, secret config, Schedule as an Input."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

import pulumi_dataddo as dataddo
from pulumi_dataddo.dynamic.schedule import schedule_props


class Mocks(pulumi.runtime.Mocks):
    def __init__(self) -> None:
        self.created: dict[str, tuple[str, dict[str, Any]]] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.created[args.name] = (args.typ, dict(args.inputs))
        outs = dict(args.inputs)
        computed: dict[str, dict[str, Any]] = {
            "Service": {"service_id": 1000.0},
            "Flow": {"api_id": "a" * 24},
        }
        kind = args.typ.rsplit(":", 1)[-1]
        outs.update(computed.get(kind, {}))
        return ("1000" if kind == "Service" else f"{args.name}-id"), outs

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], None]:
        return {}, None


@pytest.fixture
def mocks() -> Mocks:
    mocks = Mocks()
    pulumi.runtime.set_mocks(mocks, preview=False)
    return mocks


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_seed_program_registers_typed_resources(mocks: Mocks) -> pulumi.Output[Any]:
    auth = dataddo.Service(
        "snapchat-auth",
        service="snapchat_static",
        config={"staticKey": pulumi.Output.secret("refresh"), "clientId": "cid"},
        label="Snapchat",
    )
    source = dataddo.Source(
        "snapchat-insights",
        connector_id="snapchat",
        label="Snapchat Insights",
        oauth_id=auth.id,
        schedule=dataddo.Schedule(sync_frequency="day", hour="3"),
        strategy="incremental",
    )
    flow = dataddo.Flow("gds-flow", sources=[source.id], app="google_data_studio")

    def verify(values: list[Any]) -> None:
        service_id, is_secret, api_id, schedule = values
        assert service_id == 1000
        assert isinstance(service_id, int)
        assert is_secret
        assert api_id == "a" * 24
        assert schedule == {"sync_frequency": "day", "hour": "3"}
        types = {name: typ for name, (typ, _) in mocks.created.items()}
        assert types == {
            "snapchat-auth": "pulumi-python:dynamic/dataddo:Service",
            "snapchat-insights": "pulumi-python:dynamic/dataddo:Source",
            "gds-flow": "pulumi-python:dynamic/dataddo:Flow",
        }

    return pulumi.Output.all(
        auth.service_id, pulumi.Output.is_secret(auth.config), flow.api_id, source.schedule
    ).apply(verify)


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_source_config_with_credentials_is_secret_whatever_its_shape(
    mocks: Mocks,
) -> pulumi.Output[Any]:
    configs: list[Any] = [
        {"statement": "x"},
        {"password": "pw"},
        pulumi.Output.from_input({"password": "pw"}),
        {"statement": "x", "password": pulumi.Output.from_input("pw")},
        {"url": pulumi.Output.from_input("https://u:pw@db.example.com/x")},
        {"headers": [{"name": "Authorization", "value": "Bearer t"}]},
        {"url": "https://api.example.com/items?api_key=k"},
        {"statement": pulumi.Output.from_input("plain")},
    ]
    sources = [
        dataddo.Source(f"db{i}", connector_id="json", label="DB", config=config)
        for i, config in enumerate(configs)
    ]

    def verify(secret: list[bool]) -> None:
        assert secret == [False, True, True, True, True, True, True, False]

    return pulumi.Output.all(*(pulumi.Output.is_secret(s.config) for s in sources)).apply(verify)


def test_schedule_props_accept_every_input_form() -> None:
    assert schedule_props(None) is None
    assert schedule_props(dataddo.Schedule(minute="5")) == {"minute": "5"}
    assert schedule_props({"hour": "1"}) == {"hour": "1"}
