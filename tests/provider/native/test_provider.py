"""The native provider's methods, called as the server calls them: checks and diffs without
the API, previews of creates and updates, secrets kept, failures in wire names."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

import pytest
from pulumi.provider.experimental import provider as rpc
from pulumi.provider.experimental.property_value import PropertyValue

from pulumi_dataddo import settings
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.native.provider import DataddoProvider
from pulumi_dataddo.native.values import plain_map, wire_value
from tests.seed import SNAPCHAT_FIELDS

T = TypeVar("T")
URN = "urn:pulumi:dev::p::dataddo:index:{kind}::{kind}-1"
SERVICE = {"service": "snapchat_static", "config": {"staticKey": "s3cr3t-key", "clientId": "c"}}
SOURCE = {
    "connectorId": "snapchat",
    "oauthId": "1000",
    "label": "Insights",
    "strategy": "incremental",
    "config": SNAPCHAT_FIELDS,
}


def run(call: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(call)


def wire(values: dict[str, Any], *secret: str) -> dict[str, PropertyValue]:
    return {k: wire_value(v, secret=k in secret) for k, v in values.items()}


def check(
    provider: DataddoProvider, kind: str, news: dict[str, Any], olds: dict[str, Any] | None = None
) -> rpc.CheckResponse:
    request = rpc.CheckRequest(URN.format(kind=kind), wire(olds or {}), news_wire(news), b"")
    return run(provider.check(request))


def news_wire(news: dict[str, Any]) -> dict[str, PropertyValue]:
    return wire(news, "config")


@pytest.fixture
def provider() -> DataddoProvider:
    return DataddoProvider()


def test_check_fills_defaults_and_keeps_secrets(provider: DataddoProvider) -> None:
    checked = check(provider, "Source", SOURCE)
    assert checked.failures == []
    assert checked.inputs is not None
    assert plain_map(checked.inputs)["templateId"] == "index"
    assert checked.inputs["config"].is_secret  # it arrived secret: it stays secret
    plain_source = {**SOURCE, "config": {**SNAPCHAT_FIELDS, "apiKey": "k-1234"}}
    request = rpc.CheckRequest(URN.format(kind="Source"), {}, wire(plain_source), b"")
    inputs = run(provider.check(request)).inputs
    assert inputs is not None
    assert inputs["config"].is_secret  # a credential inside: secret
    assert not inputs["label"].is_secret
    service = check(provider, "Service", SERVICE).inputs
    assert service is not None
    assert service["config"].is_secret


def test_failures_name_fields_in_wire_names(provider: DataddoProvider) -> None:
    bad = {**SOURCE, "oauthId": "x", "schedule": {"dayOfWeek": "9"}}
    reasons = [f.reason for f in check(provider, "Source", bad).failures or []]
    assert [r.split(":")[0] for r in reasons] == ["oauthId", "schedule.dayOfWeek"]
    assert all(f.property == "" for f in check(provider, "Source", bad).failures or [])


def test_a_service_config_may_be_left_out_only_of_an_imported_service(
    provider: DataddoProvider,
) -> None:
    without = {"service": "snapchat_static", "label": "S"}
    reasons = [f.reason for f in check(provider, "Service", without).failures or []]
    assert reasons == ["config: is required (an object)"]  # a new service needs credentials
    # Imported (its old inputs leave the config out too): the program may add it later.
    assert check(provider, "Service", without, olds=without).failures == []
    # Changing it needs the credentials: an update sends them.
    relabelled = {**without, "label": "S2"}
    reasons = [
        f.reason for f in check(provider, "Service", relabelled, olds=without).failures or []
    ]
    assert reasons == ["config: is required (an object)"]


def test_catalog_warnings_go_to_the_engine_once_per_resource() -> None:
    warned: list[tuple[str, str]] = []

    async def warn(urn: str, message: str) -> None:
        warned.append((urn, message))

    provider = DataddoProvider(warn)
    for _ in range(2):
        check(provider, "Source", {**SOURCE, "connectorId": "snapchatt"})
    assert len(warned) == 1
    urn, message = warned[0]
    assert urn == URN.format(kind="Source")
    assert message.startswith("connectorId: 'snapchatt' is not in the published catalog")


OUTS = {"sources": ["a" * 24], "app": "power_bi", "label": "F", "apiId": "b" * 24}


def test_diff_and_previews_make_no_call_and_keep_ids_known(
    provider: DataddoProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATADDO_BASE_URL", "http://127.0.0.1:9/nowhere")  # a call would fail
    urn = URN.format(kind="Flow")
    news = {**OUTS, "label": "F2"}
    news.pop("apiId")
    diff = run(provider.diff(rpc.DiffRequest(urn, "f" * 24, wire(OUTS), wire(news), [])))
    assert diff.changes
    assert diff.stables == ["apiId"]
    assert diff.detailed_diff["label"].kind == rpc.PropertyDiffKind.UPDATE

    update = rpc.UpdateRequest(urn, "f" * 24, wire(OUTS), wire(news), 0, [], preview=True)
    outs = plain_map(run(provider.update(update)).properties)
    assert outs == {**news, "apiId": OUTS["apiId"]}  # the endpoint id stays known

    create = rpc.CreateRequest(URN.format(kind="Service"), news_wire(SERVICE), 0, preview=True)
    created = run(provider.create(create))
    assert created.resource_id is None
    assert plain_map(created.properties)["serviceId"] == UNKNOWN
    assert created.properties["config"].is_secret


def test_configuration_comes_from_the_provider_arguments(provider: DataddoProvider) -> None:
    args = wire({"baseUrl": "http://127.0.0.1:1/v1", "parallelism": 8.0, "password": "pw-1234"})
    request = rpc.ConfigureRequest({}, args, accept_secrets=True, accept_resources=False)
    try:
        answer = run(provider.configure(request))
        assert (answer.accept_secrets, answer.supports_preview) == (True, True)
        assert settings.current().base_url == "http://127.0.0.1:1/v1"
        assert settings.current().parallelism == 8
        bad = rpc.ConfigureRequest({}, wire({"parallelism": 0.0}), True, False)
        with pytest.raises(DataddoError, match="configuring dataddo: dataddo:parallelism"):
            run(provider.configure(bad))
    finally:
        settings.configure_stack(lambda _: None)


def test_unknown_types_and_functions_and_missing_arguments(provider: DataddoProvider) -> None:
    with pytest.raises(DataddoError, match="unknown resource type dataddo:index:Nope"):
        check(provider, "Nope", {})
    with pytest.raises(DataddoError, match="unknown function dataddo:index:getNothing"):
        run(provider.invoke(rpc.InvokeRequest("dataddo:index:getNothing", {})))
    answer = run(provider.invoke(rpc.InvokeRequest("dataddo:index:getAccounts", {})))
    assert [(f.property, f.reason) for f in answer.failures] == [
        ("oauthId", "is required"),
        ("organizationId", "is required"),
    ]
    offline = run(provider.invoke(rpc.InvokeRequest("dataddo:index:getDestinationTypes", {})))
    assert offline.return_value is not None
    assert "pgsql" in plain_map(offline.return_value)["items"]
