"""The providers behind Pulumi's real dynamic-provider server (`python -m pulumi.dynamic`),
driven over gRPC the way the engine drives them: configure with the namespaced stack config,
check (with preview unknowns), diff, create, read, update, delete."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import grpc  # type: ignore[import-untyped]
import pytest
from pulumi.dynamic.dynamic import serialize_provider
from pulumi.runtime import rpc
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from dataddo_emulator.auth import DEMO_EMAIL, DEMO_PASSWORD
from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.dynamic.flow import FlowProvider
from pulumi_dataddo.dynamic.service import ServiceProvider
from pulumi_dataddo.dynamic.source import SourceProvider
from tests.provider.integration.support import plain, served, struct

URN = "urn:pulumi:dev::e2e::pulumi-python:dynamic/dataddo:{kind}::{kind}-1"


@pytest.fixture(scope="module")
def server() -> Iterator[provider_pb2_grpc.ResourceProviderStub]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATADDO_")}
    argv = [sys.executable, "-u", "-m", "pulumi.dynamic"]
    with served(argv, {**env, "PULUMI_PROJECT": "e2e"}) as stub:
        yield stub


class Engine:
    """The engine's side of the calls, for one resource kind."""

    def __init__(self, stub: provider_pb2_grpc.ResourceProviderStub, kind: str, blob: str):
        self.stub, self.urn, self.blob = stub, URN.format(kind=kind), blob

    def check(self, news: dict[str, Any]) -> Any:
        request = provider_pb2.CheckRequest(
            urn=self.urn, olds=struct({}), news=struct({"__provider": self.blob, **news})
        )
        return self.stub.Check(request)

    def checked(self, news: dict[str, Any]) -> dict[str, Any]:
        response = self.check(news)
        assert list(response.failures) == []
        return plain(response.inputs)

    def create(self, inputs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        request = provider_pb2.CreateRequest(urn=self.urn, properties=struct(inputs))
        response = self.stub.Create(request)
        return response.id, plain(response.properties)

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> Any:
        request = provider_pb2.DiffRequest(
            id=id_, urn=self.urn, olds=struct(olds), news=struct(news)
        )
        return self.stub.Diff(request)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any]:
        request = provider_pb2.UpdateRequest(
            id=id_, urn=self.urn, olds=struct(olds), news=struct(news)
        )
        return plain(self.stub.Update(request).properties)

    def read(self, id_: str, outs: dict[str, Any]) -> Any:
        request = provider_pb2.ReadRequest(id=id_, urn=self.urn, properties=struct(outs))
        return self.stub.Read(request)

    def delete(self, id_: str, outs: dict[str, Any]) -> None:
        self.stub.Delete(provider_pb2.DeleteRequest(id=id_, urn=self.urn, properties=struct(outs)))


def test_lifecycle_over_grpc(
    server: provider_pb2_grpc.ResourceProviderStub,
    emu: RunningEmulator,
    seed_service_inputs: dict[str, Any],
    seed_source_inputs: dict[str, Any],
) -> None:
    stack_config = {
        "dataddo:baseUrl": emu.url,
        "dataddo:email": DEMO_EMAIL,
        "dataddo:password": DEMO_PASSWORD,
        "e2e:snapchatClientId": "cid",
    }
    server.Configure(provider_pb2.ConfigureRequest(args=struct(stack_config)))
    service = Engine(server, "Service", serialize_provider(ServiceProvider()))
    source = Engine(server, "Source", serialize_provider(SourceProvider()))
    flow = Engine(server, "Flow", serialize_provider(FlowProvider()))

    # preview of a new stack: the authorizer id is not known yet
    preview = source.check({**seed_source_inputs, "oauth_id": rpc.UNKNOWN})
    assert list(preview.failures) == []
    assert plain(preview.inputs)["oauth_id"] == rpc.UNKNOWN
    failing = flow.check({"sources": ["nope"], "app": "excel"})
    assert [(f.property, f.reason) for f in failing.failures] == [
        ("", 'sources[0]: must be an id of 24 hexadecimal characters, got "nope"')
    ]

    service_inputs = service.checked(seed_service_inputs)
    service_id, service_outs = service.create(service_inputs)
    assert (service_id, service_outs["service_id"]) == ("1000", 1000)
    assert "__provider" in service_outs

    source_inputs = source.checked({**seed_source_inputs, "oauth_id": service_id})
    source_id, source_outs = source.create(source_inputs)
    same = source.diff(source_id, source_outs, source_inputs)
    assert same.changes == provider_pb2.DiffResponse.DIFF_NONE

    renamed = source.checked({**seed_source_inputs, "oauth_id": service_id, "label": "Renamed"})
    change = source.diff(source_id, source_outs, renamed)
    assert (change.changes, list(change.replaces)) == (provider_pb2.DiffResponse.DIFF_UNKNOWN, [])
    other_auth = source.checked({**seed_source_inputs, "oauth_id": rpc.UNKNOWN})
    replace = source.diff(source_id, source_outs, other_auth)
    assert list(replace.replaces) == ["oauth_id"]

    source_outs = source.update(source_id, source_outs, renamed)
    assert (source_outs["label"], source_outs["config"]) == (
        "Renamed",
        seed_source_inputs["config"],
    )
    refreshed = source.read(source_id, source_outs)
    assert refreshed.id == source_id
    assert plain(refreshed.inputs)["label"] == "Renamed"

    with pytest.raises(grpc.RpcError) as raised:
        service.delete(service_id, service_outs)
    details = str(raised.value.details())
    assert f"deleting service {service_id}: service {service_id} is still in use" in details
    assert "During handling" not in details  # no chained traceback from deep inside

    source.delete(source_id, source_outs)
    assert source.read(source_id, source_outs).id == ""  # gone: the engine drops it
    service.delete(service_id, service_outs)
    assert emu.objects() == {"services": [], "sources": [], "flows": []}
