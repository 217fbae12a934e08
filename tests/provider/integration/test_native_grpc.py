"""The native provider's server (`pulumi-resource-dataddo`) over gRPC, as the engine drives it:
its schema, configure with the provider's arguments, check, create, import (a read with only
an id), invokes, and failures as one line; against the real emulator."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc  # type: ignore[import-untyped]
import pytest
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from dataddo_emulator.auth import DEMO_EMAIL, DEMO_PASSWORD
from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.native import schema
from tests.provider.integration.support import plain, served, struct

Stub = provider_pb2_grpc.ResourceProviderStub
URN = "urn:pulumi:dev::p::dataddo:index:{kind}::{kind}-1"
SCRIPT = Path(sys.executable).with_name("pulumi-resource-dataddo")


@pytest.fixture(scope="module")
def engine() -> Iterator[str]:
    """An address that accepts connections, as the engine's does (the provider watches it)."""
    with socket.create_server(("127.0.0.1", 0)) as listening:
        yield f"127.0.0.1:{listening.getsockname()[1]}"


@pytest.fixture(scope="module")
def stub(engine: str) -> Iterator[Stub]:
    assert shutil.which(str(SCRIPT)), "pip install -e . makes the console script"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATADDO_")}
    with served([str(SCRIPT), "--tracing", "ignored:1", engine], env) as stub:
        yield stub


def configure(stub: Stub, emu: RunningEmulator) -> None:
    args = {"baseUrl": emu.url, "email": DEMO_EMAIL, "password": DEMO_PASSWORD}
    stub.Configure(provider_pb2.ConfigureRequest(args=struct(args), acceptSecrets=True))


def create(stub: Stub, kind: str, news: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    urn = URN.format(kind=kind)
    checked = stub.Check(provider_pb2.CheckRequest(urn=urn, news=struct(news)))
    assert list(checked.failures) == []
    created = stub.Create(provider_pb2.CreateRequest(urn=urn, properties=checked.inputs))
    return created.id, plain(created.properties)


def test_schema_and_plugin_info(stub: Stub) -> None:
    answer = stub.GetSchema(provider_pb2.GetSchemaRequest())
    assert json.loads(answer.schema) == schema.generate()
    assert stub.GetPluginInfo(struct({})).version == schema.generate()["version"]


def test_create_import_invoke_and_failures(
    stub: Stub, emu: RunningEmulator, seed_source_inputs: dict[str, Any]
) -> None:
    configure(stub, emu)
    config = {"staticKey": "static-key-native-1", "clientId": "c", "clientSecret": "cs-native-2"}
    service_id, service = create(
        stub, "Service", {"service": "snapchat_static", "label": "S", "config": config}
    )
    assert service["serviceId"] == int(service_id)
    assert set(service["config"]) == {"4dabf18193072939515e22adb298388d", "value"}  # secret
    wire_source = {
        "connectorId": "snapchat",
        "oauthId": service_id,
        "label": "Insights",
        "config": seed_source_inputs["config"],
        "schedule": {"syncFrequency": "day", "hour": "3", "dayOfWeek": "2"},
        "strategy": "incremental",
    }
    source_id, _ = create(stub, "Source", wire_source)

    # An import: a read with only the id tells every argument (the whole schedule).
    urn = URN.format(kind="Source")
    read = stub.Read(provider_pb2.ReadRequest(id=source_id, urn=urn))
    imported = plain(read.inputs)
    assert imported["schedule"].items() >= wire_source["schedule"].items()
    assert {**imported, "schedule": wire_source["schedule"]} == {
        **wire_source,
        "templateId": "index",
    }

    accounts = stub.Invoke(
        provider_pb2.InvokeRequest(
            tok="dataddo:index:getAccounts",
            args=struct({"oauthId": service_id, "organizationId": "org-1"}),
        )
    )
    items = plain(getattr(accounts, "return"))["items"]
    assert len(items) == 3
    assert set(items[0]) == {"label", "value"}

    # Failures: one line naming what failed, no stack.
    with pytest.raises(grpc.RpcError) as raised:
        stub.Read(provider_pb2.ReadRequest(id="0123456789abcdef01234567", urn=urn))
    details = raised.value.details()
    assert details == (
        "importing source 0123456789abcdef01234567: this Dataddo account has no source with id "
        "0123456789abcdef01234567"
    )
    with pytest.raises(grpc.RpcError) as raised:
        stub.Delete(
            provider_pb2.DeleteRequest(
                id=service_id, urn=URN.format(kind="Service"), properties=struct(service)
            )
        )
    details = raised.value.details()
    assert details.startswith(f"deleting service {service_id}: service {service_id} is still in")
    assert "\n" not in details
    assert "File " not in details

    # Refresh of what is gone: no id, so the engine drops it from the state.
    source = plain(read.properties)
    stub.Delete(provider_pb2.DeleteRequest(id=source_id, urn=urn, properties=struct(source)))
    gone = stub.Read(provider_pb2.ReadRequest(id=source_id, urn=urn, properties=struct(source)))
    assert gone.id == ""
    assert emu.objects()["sources"] == []
