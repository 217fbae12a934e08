"""The seed program's lifecycle through the Pulumi adapters against the real emulator:
create, no-op preview without HTTP, in-place updates, refresh and drift, dependency-safe
deletes, adoption and waiting until live."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.dynamic.flow import FlowProvider
from pulumi_dataddo.dynamic.provider import DataddoProvider
from pulumi_dataddo.dynamic.service import ServiceProvider
from pulumi_dataddo.dynamic.source import SourceProvider
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic import source
from tests.provider.integration.support import PREFIX, calls, seen

pytestmark = pytest.mark.usefixtures("configured")

SERVICE, SOURCE, FLOW = ServiceProvider(), SourceProvider(), FlowProvider()
ENGINE = {"__provider": "serialized-provider"}


def checked(provider: DataddoProvider, inputs: dict[str, Any]) -> dict[str, Any]:
    """Inputs as the engine sends them to create/update: checked, with `__provider`."""
    result = provider.check({}, {**ENGINE, **inputs})
    assert result.failures == []
    return {**ENGINE, **result.inputs}


@dataclass(frozen=True)
class Made:
    """A create's result, as the engine records it."""

    id: str
    outs: dict[str, Any]


def create(provider: DataddoProvider, inputs: dict[str, Any]) -> Made:
    result = provider.create(checked(provider, inputs))
    assert result.outs is not None
    return Made(result.id, {**ENGINE, **result.outs})


@dataclass(frozen=True)
class Read:
    """A read's result, as the engine records it (id None: gone)."""

    id: str | None
    outs: dict[str, Any]
    inputs: dict[str, Any]


def read(provider: DataddoProvider, id_: str, outs: dict[str, Any]) -> Read:
    result = provider.read(id_, outs)
    return Read(result.id, dict(result.outs or {}), dict(result.inputs or {}))


def update(
    provider: DataddoProvider, id_: str, olds: dict[str, Any], news: dict[str, Any]
) -> dict[str, Any]:
    outs = provider.update(id_, olds, news).outs
    assert outs is not None
    return {**ENGINE, **outs}


@pytest.fixture
def stack(
    emu: RunningEmulator,
    seed_service_inputs: dict[str, Any],
    seed_source_inputs: dict[str, Any],
    seed_flow_inputs: dict[str, Any],
) -> dict[str, Any]:
    """The seed program, created: each resource's inputs and create result."""
    service = create(SERVICE, seed_service_inputs)
    source_inputs = {**seed_source_inputs, "oauth_id": service.id}
    source = create(SOURCE, source_inputs)
    flow_inputs = {**seed_flow_inputs, "sources": [source.id]}
    flow = create(FLOW, flow_inputs)
    return {
        "service": (seed_service_inputs, service),
        "source": (source_inputs, source),
        "flow": (flow_inputs, flow),
    }


def test_create_sends_the_seed_bodies(
    emu: RunningEmulator, stack: dict[str, Any], seed_create_source: dict[str, Any]
) -> None:
    _, service = stack["service"]
    assert service.id == "1000"  # the seed's authorizer id: the bodies match the seed exactly
    assert service.outs["service_id"] == 1000
    [service_post] = calls(emu, "POST", "/services")
    assert set(service_post["body"]["config"]) == {"staticKey", "clientId", "clientSecret", "label"}
    assert set(service_post["body"]["config"].values()) == {"***"}
    [posted] = [e for e in emu.requests() if e["path"].endswith("/create-source")]
    assert posted["body"] == seed_create_source
    _, source = stack["source"]
    _, flow = stack["flow"]
    assert len(flow.outs["api_id"]) == 24
    [flow_post] = calls(emu, "POST", "/flows")
    assert flow_post["body"] == {
        "sources": [source.id],
        "app": "google_data_studio",
        "label": "GDS Flow",
    }


def test_unchanged_program_previews_without_changes_or_http(
    emu: RunningEmulator, stack: dict[str, Any]
) -> None:
    emu.clear_requests()
    for provider, name in ((SERVICE, "service"), (SOURCE, "source"), (FLOW, "flow")):
        inputs, created = stack[name]
        news = checked(provider, inputs)
        result = provider.diff(created.id, {**ENGINE, **created.outs}, news)
        assert (result.changes, result.replaces) == (False, [])
    assert emu.requests() == []


def test_in_place_updates(emu: RunningEmulator, stack: dict[str, Any]) -> None:
    inputs, source = stack["source"]
    news = checked(
        SOURCE, {**inputs, "label": "Renamed", "schedule": {**inputs["schedule"], "hour": "4"}}
    )
    diff = SOURCE.diff(source.id, source.outs, news)
    assert (diff.changes, diff.replaces) == (None, [])  # changes: the engine names them
    emu.clear_requests()
    outs = update(SOURCE, source.id, source.outs, news)
    assert [(e["method"], e["path"].removeprefix(PREFIX), e["body"]) for e in emu.requests()] == [
        ("PUT", f"/sources/{source.id}", {"label": "Renamed"}),
        (
            "PUT",
            f"/sources/{source.id}/extraction/schedule",
            {
                "sync_frequency": "day",
                "dayOfWeek": "2",
                "dayOfMonth": "1",
                "hour": "4",
                "minute": "25",
                "timezone": "UTC",
            },
        ),
    ]
    refreshed = read(SOURCE, source.id, outs)
    assert refreshed.outs["schedule"]["hour"] == "4"
    assert SOURCE.diff(source.id, refreshed.outs, news).changes is False

    service_inputs, service = stack["service"]
    rotated = {**service_inputs, "config": {**service_inputs["config"], "staticKey": "rotated-1"}}
    emu.clear_requests()
    update(SERVICE, service.id, service.outs, checked(SERVICE, rotated))
    put, confirm = emu.requests()
    assert (put["method"], set(put["body"]["config"].values())) == ("PUT", {"***"})
    assert (confirm["method"], confirm["path"]) == ("GET", f"{PREFIX}/services")  # the label

    flow_inputs, flow = stack["flow"]
    second = create(SOURCE, {**inputs, "label": "Second"})
    news = checked(FLOW, {**flow_inputs, "sources": [source.id, second.id], "label": "Both"})
    outs = update(FLOW, flow.id, flow.outs, news)
    assert outs["api_id"] == flow.outs["api_id"]
    assert sorted(read(FLOW, flow.id, outs).outs["sources"]) == sorted([source.id, second.id])


def test_refresh_reads_once_and_shows_drift(
    emu: RunningEmulator, stack: dict[str, Any], api: DataddoClient
) -> None:
    inputs, source = stack["source"]
    api.update_source(source.id, {"label": "Changed by hand"})
    api.update_schedule(source.id, {"hour": "7"})
    emu.clear_requests()
    refreshed = read(SOURCE, source.id, {**ENGINE, **source.outs})
    assert [(m, p) for m, p, _ in seen(emu)] == [
        ("GET", f"/sources/{source.id}"),
        ("GET", f"/sources/{source.id}/extraction/schedule"),  # declared: only there to read
    ]
    assert refreshed.inputs["label"] == "Changed by hand"
    assert refreshed.inputs["schedule"]["hour"] == "7"
    assert refreshed.outs["config"] == inputs["config"]
    diff = SOURCE.diff(source.id, refreshed.outs, checked(SOURCE, inputs))
    assert (diff.changes, diff.replaces) == (None, [])  # changes: the engine names them

    for provider, name, kept in ((SERVICE, "service", "config"), (FLOW, "flow", "sources")):
        program, created = stack[name]
        emu.clear_requests()
        found = read(provider, created.id, created.outs)
        assert len(emu.requests()) == 1
        assert found.id == created.id
        assert found.inputs[kept] == program[kept]
        assert provider.diff(created.id, found.outs, checked(provider, program)).changes is False


def test_deletes_respect_dependencies_and_tolerate_absence(
    emu: RunningEmulator, stack: dict[str, Any]
) -> None:
    _, service = stack["service"]
    _, source = stack["source"]
    _, flow = stack["flow"]
    with pytest.raises(
        DataddoError, match=f"deleting service {service.id}: service {service.id} is still in use"
    ):
        SERVICE.delete(service.id, service.outs)
    with pytest.raises(DataddoError, match=f"source {source.id} is still in use"):
        SOURCE.delete(source.id, source.outs)
    for provider, created in ((FLOW, flow), (SOURCE, source), (SERVICE, service)):
        provider.delete(created.id, created.outs)
        provider.delete(created.id, created.outs)  # already gone: fine
        gone = read(provider, created.id, created.outs)
        assert (gone.id, gone.outs) == (None, {})
    assert emu.objects() == {"services": [], "sources": [], "flows": []}


@pytest.fixture
def hand_made(api: DataddoClient, seed_source_inputs: dict[str, Any]) -> dict[str, Any]:
    """A service, a source and a flow made through the API, outside the providers (as in the
    web app): the seed's inputs and ids."""
    service_id = api.create_service({"serviceName": "snapchat_static", "config": {"clientId": "c"}})
    source_inputs = {**seed_source_inputs, "oauth_id": str(service_id)}
    source_id = api.create_source(
        "snapchat", source.body(source.check({}, source_inputs).inputs)
    ).id
    flow_id = api.create_flow({"sources": [source_id], "app": "google_data_studio"}).id
    return {"service": service_id, "source": (source_inputs, source_id), "flow": flow_id}


def test_adoption_takes_over_existing_objects(
    emu: RunningEmulator, hand_made: dict[str, Any], api: DataddoClient,
    seed_service_inputs: dict[str, Any], seed_flow_inputs: dict[str, Any],
) -> None:  # fmt: skip
    existing = hand_made["service"]
    emu.clear_requests()
    adopted = create(SERVICE, {**seed_service_inputs, "adopt_id": existing, "label": "Adopted"})
    assert adopted.id == str(existing)
    assert [(m, p) for m, p, status in seen(emu) if p != "/auth" and status != 401] == [
        ("GET", "/services"),
        ("PUT", f"/services/{existing}"),
        ("GET", "/services"),
    ]
    assert {s.id: s.label for s in api.list_services()}[existing] == "Adopted"

    source_inputs, source_id = hand_made["source"]
    changed = {**source_inputs, "config": {**source_inputs["config"], "breakdown": "ad"}}
    with pytest.raises(DataddoError, match="was created with other breakdown than declared"):
        create(SOURCE, {**changed, "adopt_id": source_id})
    taken = create(SOURCE, {**source_inputs, "adopt_id": source_id, "label": "Taken"})
    assert taken.id == source_id
    assert api.get_source(source_id).label == "Taken"
    # The stack holds it now: another resource (or a replacement of this one) may not take it.
    with pytest.raises(DataddoError, match=f"the stack already holds source {source_id}"):
        create(SOURCE, {**source_inputs, "adopt_id": source_id, "label": "Again"})

    flow_inputs = {**seed_flow_inputs, "sources": [source_id]}
    flow = create(FLOW, {**flow_inputs, "adopt_id": hand_made["flow"]})
    assert flow.id == hand_made["flow"]
    assert len(emu.objects()["flows"]) == 1
    # The resource that held it before (renamed, or replaced with `--replace`, so the engine
    # diffed neither) is deleted next: the adopted object stays.
    FLOW.delete(flow.id, flow.outs)
    SOURCE.delete(taken.id, taken.outs)
    assert [f["id"] for f in emu.objects()["flows"]] == [flow.id]
    assert [s["id"] for s in emu.objects()["sources"]] == [source_id]


@pytest.mark.parametrize(
    ("provider", "change", "message"),
    [
        (SERVICE, {"adopt_id": "424242"}, "adopt_id 424242: this Dataddo account has no service"),
        (SERVICE, {"service": "facebook_static"}, "has service type 'snapchat_static', not"),
        (SOURCE, {"connector_id": "facebook_ads"}, "has connector 'snapchat', not"),
        (FLOW, {"app": "power_bi"}, "has app 'google_data_studio', not the declared 'power_bi'"),
    ],
)
def test_adoption_refuses_what_does_not_fit(  # noqa: PLR0917 -- pytest injects these by name
    hand_made: dict[str, Any],
    seed_service_inputs: dict[str, Any],
    seed_flow_inputs: dict[str, Any],
    provider: DataddoProvider,
    change: dict[str, Any],
    message: str,
) -> None:
    source_inputs, source_id = hand_made["source"]
    inputs, existing = {
        SERVICE: (seed_service_inputs, str(hand_made["service"])),
        SOURCE: (source_inputs, source_id),
        FLOW: ({**seed_flow_inputs, "sources": [source_id]}, hand_made["flow"]),
    }[provider]
    attempt = {**inputs, "adopt_id": existing, **change}
    if provider is SOURCE:
        attempt["config"] = {
            "accountId": "a",
            "dateRange": "{{7d1}}",
            "timeBreakup": "all_days",
            "level": "campaign",
            "metric": ["clicks"],
            "dataLabel": ["id"],
        }
        attempt.pop("schedule")
    with pytest.raises(DataddoError, match=message):
        provider.create(checked(provider, attempt))


def test_wait_until_live(emu: RunningEmulator, stack: dict[str, Any]) -> None:
    inputs, _ = stack["source"]
    emu.clear_requests()
    live = create(SOURCE, {**inputs, "label": "Live", "wait_until_live": 10})
    assert calls(emu, "GET", f"/sources/{live.id}/status")


def _break_the_next_source(emu: RunningEmulator, detail: str) -> threading.Thread:
    known = {s["id"] for s in emu.objects()["sources"]}

    def breaker() -> None:
        for _ in range(100):
            new = [s["id"] for s in emu.objects()["sources"] if s["id"] not in known]
            if new:
                emu.set_source_status(new[0], "broken", detail)
                return
            time.sleep(0.05)

    thread = threading.Thread(target=breaker)
    thread.start()
    return thread


def test_a_broken_source_fails_with_the_platform_detail(
    emu: RunningEmulator, stack: dict[str, Any]
) -> None:
    inputs, source = stack["source"]
    emu.settings(live_after=60)
    thread = _break_the_next_source(emu, "refresh token expired")
    with pytest.raises(DataddoError, match=r"is broken: refresh token expired; the new source"):
        create(SOURCE, {**inputs, "label": "Doomed", "wait_until_live": 20})
    thread.join()
    assert [s["id"] for s in emu.objects()["sources"]] == [source.id]  # no orphan left


def test_waiting_gives_up_after_the_timeout(emu: RunningEmulator, stack: dict[str, Any]) -> None:
    inputs, _ = stack["source"]
    emu.settings(live_after=60)
    with pytest.raises(DataddoError, match=r"was not live after 1s \(last status running"):
        create(SOURCE, {**inputs, "label": "Slow", "wait_until_live": 1})
