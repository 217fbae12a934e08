"""The HTTP client against the real emulator: login, 401, retries, no blind POST retry,
reconciliation after a create that failed after commit, timeouts."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.http import errors
from pulumi_dataddo.http.client import DataddoClient, Timeouts
from pulumi_dataddo.logic import service, source
from pulumi_dataddo.logic.base import ProviderError
from pulumi_dataddo.settings import Settings

from .conftest import DEMO_EMAIL, FAST_RETRIES, faults_on_next

PREFIX = "/customer-api/v1"


def calls(emu: RunningEmulator, method: str, path: str) -> list[dict[str, Any]]:
    """Journal entries of one method and concrete path."""
    return [e for e in emu.requests() if (e["method"], e["path"]) == (method, PREFIX + path)]


def _service_inputs() -> dict[str, Any]:
    config = {"staticKey": "refresh-token-1", "clientId": "cid", "clientSecret": "cs-1"}
    return {"service": "snapchat_static", "label": "Snap", "config": config}


def test_logs_in_once_for_many_calls(emu: RunningEmulator, api: DataddoClient) -> None:
    for _ in range(3):
        assert api.list_services() == []
    assert len(calls(emu, "POST", "/auth")) == 1
    assert len(calls(emu, "GET", "/services")) == 3


def test_expired_token_is_renewed_and_the_call_resent(
    emu: RunningEmulator, api: DataddoClient
) -> None:
    emu.settings(token_ttl=1)
    api.list_services()
    time.sleep(1.2)
    assert api.list_services() == []
    seen = [(e["method"], e["path"].removeprefix(PREFIX), e["status"]) for e in emu.requests()]
    assert seen[-3] == ("GET", "/services", 401)
    assert seen[-2][:2] in {("POST", "/refresh"), ("POST", "/auth")}
    assert seen[-1] == ("GET", "/services", 200)


def test_threads_share_one_renewal(emu: RunningEmulator, api: DataddoClient) -> None:
    emu.settings(token_ttl=1)
    api.list_services()
    time.sleep(1.2)
    emu.clear_requests()
    with ThreadPoolExecutor(max_workers=4) as pool:  # the provider's own thread count
        results = list(pool.map(lambda _: api.list_flows(), range(8)))
    assert results == [[]] * 8
    renewals = calls(emu, "POST", "/refresh") + calls(emu, "POST", "/auth")
    assert len(renewals) == 1


def test_lost_tokens_lead_to_a_new_login(emu: RunningEmulator, api: DataddoClient) -> None:
    api.list_services()
    emu.reset()  # every token goes, refresh tokens too (and the journal)
    assert api.list_services() == []
    assert len(calls(emu, "POST", "/auth")) == 1


def test_refused_credentials_are_clear(emu: RunningEmulator) -> None:
    wrong = DataddoClient(Settings(base_url=emu.url, email=DEMO_EMAIL, password="wrong-pass"))
    # (The demo password "demo" is part of the email, so the email shows redacted.)
    with pytest.raises(errors.Unauthorized, match=r"POST /auth: 401 login refused for .*example"):
        wrong.list_services()
    token_only = DataddoClient(Settings(base_url=emu.url, access_token="not-a-token"))
    with pytest.raises(errors.Unauthorized, match="no email/password is configured"):
        token_only.list_services()


def test_configured_access_token_is_used_as_is(emu: RunningEmulator) -> None:
    client = DataddoClient(Settings(base_url=emu.url, access_token=emu.login()))
    emu.clear_requests()
    assert client.list_flows() == []
    assert calls(emu, "POST", "/auth") == []


@pytest.mark.parametrize(
    "fault",
    [
        {"rate_limit_rate": 1, "retry_after": 1},
        {"error_rate": 1, "error_status": 503},
        {"error_rate": 1, "error_status": 502},
        {"drop_rate": 1},
    ],
)
def test_idempotent_calls_are_retried(
    emu: RunningEmulator, api: DataddoClient, fault: dict[str, Any]
) -> None:
    api.list_services()  # logged in
    faults_on_next(emu, fault, fault)
    started = time.monotonic()
    assert api.list_services() == []
    assert len(calls(emu, "GET", "/services")) == 4  # 1 before + 2 faults + 1 success
    if "retry_after" in fault:
        assert time.monotonic() - started >= 2  # Retry-After honoured twice


def test_retries_give_up_with_a_clear_error(emu: RunningEmulator, api: DataddoClient) -> None:
    api.list_services()
    emu.set_faults([{"route": "*", "error_rate": 1, "error_status": 503}])
    with pytest.raises(errors.ServerError, match="GET /flows: 503 server error"):
        api.list_flows()
    assert len(calls(emu, "GET", "/flows")) == 1 + FAST_RETRIES.retries


def test_a_create_is_one_post(emu: RunningEmulator, api: DataddoClient) -> None:
    api.list_services()
    emu.clear_requests()
    service.create(api, _service_inputs())
    assert [(e["method"], e["path"]) for e in emu.requests()] == [("POST", f"{PREFIX}/services")]


def test_a_post_is_retried_on_429_only(emu: RunningEmulator, api: DataddoClient) -> None:
    api.list_services()
    faults_on_next(emu, {"rate_limit_rate": 1, "retry_after": 0})
    created = service.create(api, _service_inputs())
    assert len(calls(emu, "POST", "/services")) == 2
    assert [s["id"] for s in emu.objects()["services"]] == [int(created.id)]


@pytest.mark.parametrize("fault", [{"error_rate": 1, "error_status": 503}, {"drop_rate": 1}])
def test_a_post_is_not_retried_on_5xx_or_drop(
    emu: RunningEmulator, api: DataddoClient, fault: dict[str, Any]
) -> None:
    api.list_services()
    faults_on_next(emu, fault)
    with pytest.raises(ProviderError, match="none was created: run again"):
        service.create(api, _service_inputs())
    assert len(calls(emu, "POST", "/services")) == 1
    assert emu.objects()["services"] == []


@pytest.mark.parametrize("fault", [{"fail_after_commit_rate": 1}, {"latency_ms": 1500}])
def test_an_ambiguous_create_is_reconciled_to_exactly_one(
    emu: RunningEmulator, account: Settings, fault: dict[str, Any]
) -> None:
    api = DataddoClient(account, timeouts=Timeouts(connect=2, read=1), retry=FAST_RETRIES)
    api.list_services()
    faults_on_next(emu, fault)
    created = service.create(api, _service_inputs())
    assert [s["id"] for s in emu.objects()["services"]] == [int(created.id)]
    assert len(calls(emu, "POST", "/services")) == 1


def test_a_source_create_is_one_post(
    emu: RunningEmulator, api: DataddoClient, seed_source_inputs: dict[str, Any]
) -> None:
    service_id = api.create_service({"serviceName": "snapchat_static", "config": {"k": "v"}})
    inputs = source.check({}, {**seed_source_inputs, "oauth_id": service_id}).inputs
    emu.clear_requests()
    created = source.create(api, inputs)
    assert created.outs["status"] == source.NEW_SOURCE_STATUS
    assert [e["method"] for e in emu.requests()] == ["POST"]


def test_a_failed_rollback_says_how_to_recover(
    emu: RunningEmulator, api: DataddoClient, seed_source_inputs: dict[str, Any]
) -> None:
    service_id = api.create_service({"serviceName": "snapchat_static", "config": {"k": "v"}})
    inputs = {**seed_source_inputs, "oauth_id": service_id, "wait_until_live": 0.5}
    emu.settings(live_after=60)
    emu.set_faults([{"route": f"DELETE {PREFIX}/sources/{{id}}", "error_rate": 1}])
    with pytest.raises(ProviderError, match="deleting the new source failed too") as raised:
        source.create(api, source.check({}, inputs).inputs)
    (left,) = emu.objects()["sources"]
    assert f"adopt it with adopt_id={left['id']!r}" in str(raised.value)


def test_read_timeouts_are_clear(emu: RunningEmulator, account: Settings) -> None:
    api = DataddoClient(account, timeouts=Timeouts(connect=2, read=0.3), retry=FAST_RETRIES)
    api.list_services()
    emu.set_faults([{"route": "*", "latency_ms": 1000}])
    with pytest.raises(errors.TransportError, match=r"GET /flows: no answer within 0\.3s"):
        api.list_flows()
    time.sleep(1.2)  # the server still finishes the abandoned requests: not in the next test


def test_unreachable_api_is_a_transport_error() -> None:
    client = DataddoClient(
        Settings(base_url="http://127.0.0.1:9/customer-api/v1", access_token="t"),
        timeouts=Timeouts(connect=0.5, read=0.5),
        retry=FAST_RETRIES,
    )
    with pytest.raises(errors.TransportError, match="GET /services: connection failed"):
        client.list_services()


def test_not_found_and_bad_requests_map_to_their_errors(api: DataddoClient) -> None:
    with pytest.raises(errors.NotFound, match="GET /services/999999: 404"):
        api.get_service(999999)
    with pytest.raises(errors.BadRequest, match="POST /flows: 400"):
        api.create_flow({"sources": ["63b872052946b21e6d063cb2"]})
