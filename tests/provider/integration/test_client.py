"""The HTTP client and the create path against the real emulator: login and renewal in the
documented forms, retries, no blind POST retry, reconciliation of ambiguous creates."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http import errors
from pulumi_dataddo.http.client import DataddoClient, Timeouts
from pulumi_dataddo.logic import service, source
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.settings import Settings
from tests.provider.integration.support import (
    FAST_RETRIES,
    calls,
    faults_on_next,
    quick_account,
    seen,
)
from tests.seed import SNAPCHAT_FIELDS


def _service_inputs(label: str | None = "Snap") -> dict[str, Any]:
    config = {"staticKey": "refresh-token-1", "clientId": "cid", "clientSecret": "cs-1"}
    return {"service": "snapchat_static", "label": label, "config": config}


def test_logs_in_once_for_many_calls(emu: RunningEmulator, api: DataddoClient) -> None:
    for _ in range(3):
        assert api.list_services() == []
    assert len(calls(emu, "POST", "/auth")) == 1
    assert len(calls(emu, "GET", "/services")) == 3


def test_an_expired_token_is_refreshed_in_the_documented_form(
    emu: RunningEmulator, api: DataddoClient
) -> None:
    emu.settings(token_ttl=1)
    api.list_services()
    time.sleep(1.2)
    emu.clear_requests()
    assert api.list_services() == []
    assert seen(emu) == [
        ("GET", "/services", 401),
        ("GET", "/refresh", 200),  # the spec's form: the login answer gave a realm and provider
        ("GET", "/services", 200),
    ]


def test_a_failed_renewal_logs_in_again_and_never_becomes_the_requests_error(
    emu: RunningEmulator, api: DataddoClient
) -> None:
    emu.settings(token_ttl=1)
    api.list_services()
    time.sleep(1.2)
    emu.clear_requests()
    emu.set_faults([{"route": "GET /customer-api/v1/refresh", "error_rate": 1}])
    assert api.list_services() == []
    assert seen(emu) == [
        ("GET", "/services", 401),
        *[("GET", "/refresh", 503)] * (1 + FAST_RETRIES.retries),
        ("POST", "/auth", 200),
        ("GET", "/services", 200),
    ]


def test_threads_share_one_renewal(emu: RunningEmulator, api: DataddoClient) -> None:
    emu.settings(token_ttl=1)
    api.list_services()
    time.sleep(1.2)
    emu.clear_requests()
    with ThreadPoolExecutor(max_workers=4) as pool:  # the provider's own thread count
        results = list(pool.map(lambda _: api.list_flows(), range(8)))
    assert results == [[]] * 8
    renewals = calls(emu, "GET", "/refresh") + calls(emu, "POST", "/auth")
    assert len(renewals) == 1


def test_lost_tokens_lead_to_a_new_login(emu: RunningEmulator, api: DataddoClient) -> None:
    api.list_services()
    emu.reset()  # every token goes, refresh tokens too (and the journal)
    assert api.list_services() == []
    assert len(calls(emu, "POST", "/auth")) == 1


def test_refused_credentials_say_what_to_check(emu: RunningEmulator) -> None:
    wrong = DataddoClient(
        Settings(base_url=emu.url, email="demo@example.com", password="wrong-pass")
    )
    with pytest.raises(errors.LoginRefused, match=r"login refused .* check dataddo:email"):
        wrong.list_services()
    token_only = DataddoClient(Settings(base_url=emu.url, access_token="not-a-token"))
    with pytest.raises(errors.Unauthorized, match="cannot be renewed: set dataddo:email"):
        token_only.list_services()


def test_a_wrong_base_url_names_the_url_and_the_setting(emu: RunningEmulator) -> None:
    wrong = DataddoClient(
        Settings(base_url=emu.root + "/wrong/v1", email="demo@example.com", password="demo"),
        retry=FAST_RETRIES,
    )
    with pytest.raises(errors.LoginUnavailable, match=r"/wrong/v1/auth failed: .*dataddo:baseUrl"):
        wrong.list_services()


def test_a_configured_access_token_is_used_as_is(emu: RunningEmulator) -> None:
    client = DataddoClient(Settings(base_url=emu.url, access_token=emu.login()))
    emu.clear_requests()
    assert client.list_flows() == []
    assert calls(emu, "POST", "/auth") == []


@pytest.mark.parametrize(
    "fault",
    [
        {"rate_limit_rate": 1, "retry_after": 1},
        {"error_rate": 1, "error_status": 503},
        {"error_rate": 1, "error_status": 500},
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


def test_a_login_that_fails_with_500_is_retried(emu: RunningEmulator, api: DataddoClient) -> None:
    faults_on_next(emu, {"error_rate": 1, "error_status": 500})
    assert api.list_services() == []
    assert [s for m, p, s in seen(emu) if p == "/auth"] == [500, 200]


def test_retries_give_up_with_a_clear_error(emu: RunningEmulator, api: DataddoClient) -> None:
    api.list_services()
    emu.set_faults([{"route": "*", "error_rate": 1, "error_status": 503}])
    with pytest.raises(errors.ServerError, match="GET /flows: 503"):
        api.list_flows()
    assert len(calls(emu, "GET", "/flows")) == 1 + FAST_RETRIES.retries


def test_a_service_create_is_one_post_after_one_listing_per_process(
    emu: RunningEmulator, account: Account
) -> None:
    account.api.list_services()
    emu.clear_requests()
    service.create(account, _service_inputs("A"))
    service.create(account, _service_inputs("B"))
    assert [(m, p) for m, p, _ in seen(emu)] == [
        ("GET", "/services"),  # what existed before this process's first service create
        ("POST", "/services"),
        ("POST", "/services"),
    ]
    [first, _] = calls(emu, "POST", "/services")
    config = first["body"]["config"]
    assert first["body"]["serviceName"] == "snapchat_static"
    assert config == dict.fromkeys(["staticKey", "clientId", "clientSecret", "label"], "***")


def test_a_post_is_retried_on_429_only(emu: RunningEmulator, account: Account) -> None:
    account.api.list_services()
    faults_on_next(emu, {"rate_limit_rate": 1, "retry_after": 0}, after=1)
    created = service.create(account, _service_inputs())
    assert len(calls(emu, "POST", "/services")) == 2
    assert [s["id"] for s in emu.objects()["services"]] == [int(created.id)]


@pytest.mark.parametrize("fault", [{"error_rate": 1, "error_status": 503}, {"drop_rate": 1}])
def test_a_post_is_not_retried_and_the_error_says_what_is_known(
    emu: RunningEmulator, account: Account, fault: dict[str, Any]
) -> None:
    account.api.list_services()
    faults_on_next(emu, fault, after=1)
    with pytest.raises(DataddoError, match="may have been created, though none appeared"):
        service.create(account, _service_inputs())
    assert len(calls(emu, "POST", "/services")) == 1
    assert emu.objects()["services"] == []


def test_a_request_that_was_never_sent_says_nothing_was_created() -> None:
    client = DataddoClient(
        Settings(base_url="http://127.0.0.1:9/customer-api/v1", access_token="t"),
        timeouts=Timeouts(connect=0.5, read=0.5),
        retry=FAST_RETRIES,
    )
    inputs = source.check({}, {"connector_id": "json", "label": "J"}).inputs
    with pytest.raises(
        errors.NotSent, match=r"could not connect \(connection refused or host unknown\)"
    ):
        source.create(quick_account(client), inputs)


@pytest.mark.parametrize("fault", [{"fail_after_commit_rate": 1}, {"latency_ms": 1500}])
def test_an_ambiguous_create_is_reconciled_to_exactly_one(
    emu: RunningEmulator, login: Settings, fault: dict[str, Any], seed_source_inputs: dict[str, Any]
) -> None:
    api = DataddoClient(login, timeouts=Timeouts(connect=2, read=1), retry=FAST_RETRIES)
    account = quick_account(api)
    held = service.create(account, _service_inputs())  # the stack holds the source's Service
    inputs = {**seed_source_inputs, "oauth_id": held.id, "schedule": None}
    faults_on_next(emu, fault, after=1)  # the listing before the first source create, then POST
    created = source.create(account, source.check({}, inputs).inputs)
    assert [s["id"] for s in emu.objects()["sources"]] == [created.id]
    assert len(calls(emu, "POST", "/connectors/snapchat/create-source")) == 1


def test_a_service_whose_answer_is_lost_is_named_never_taken(
    emu: RunningEmulator, account: Account
) -> None:
    """Its answers show only type and label: another stack's may look the same."""
    account.api.list_services()
    faults_on_next(emu, {"fail_after_commit_rate": 1}, after=1)
    with pytest.raises(DataddoError) as failure:
        service.create(account, _service_inputs())
    (made,) = emu.objects()["services"]
    message = str(failure.value)
    assert f"may have been created: service {made['id']} (snapchat_static, 'Snap')" in message
    assert "pulumi-dataddo unmanaged --adopt" in message
    assert len(calls(emu, "POST", "/services")) == 1


def test_an_unlabelled_service_is_never_taken_for_the_created_one(
    emu: RunningEmulator, account: Account
) -> None:
    account.api.list_services()
    faults_on_next(emu, {"fail_after_commit_rate": 1}, after=1)
    with pytest.raises(DataddoError, match=r"may have been created: service \d+ .* cannot be told"):
        service.create(account, _service_inputs(label=None))


def test_a_source_create_is_one_post_after_one_listing_per_process(
    emu: RunningEmulator, account: Account, seed_source_inputs: dict[str, Any]
) -> None:
    service_id = account.api.create_service({"serviceName": "snapchat_static", "config": {}})
    inputs = {**seed_source_inputs, "oauth_id": service_id, "schedule": None}
    emu.clear_requests()
    source.create(account, source.check({}, inputs).inputs)
    source.create(account, source.check({}, {**inputs, "label": "Second"}).inputs)
    assert [m for m, _, _ in seen(emu)] == ["GET", "POST", "POST"]


def test_a_declared_schedule_is_verified_after_create(
    emu: RunningEmulator, account: Account, seed_source_inputs: dict[str, Any]
) -> None:
    service_id = account.api.create_service({"serviceName": "snapchat_static", "config": {}})
    inputs = source.check({}, {**seed_source_inputs, "oauth_id": service_id}).inputs
    emu.clear_requests()
    created = source.create(account, inputs)
    assert [(m, p) for m, p, _ in seen(emu)] == [
        ("GET", "/sources"),  # what existed before the process's first source create
        ("POST", "/connectors/snapchat/create-source"),
        ("GET", f"/sources/{created.id}/extraction/schedule"),  # taken from the body: no PUT
    ]


def test_a_snake_case_form_gets_its_names_and_its_schedule_put(
    emu: RunningEmulator, account: Account
) -> None:
    service_id = account.api.create_service({"serviceName": "mysql", "config": {}})
    inputs = {
        "connector_id": "mysql",
        "label": "Orders",
        "oauth_id": str(service_id),
        "strategy": "incremental",
        "config": {"statement": "SELECT * FROM orders"},
        "schedule": {"hour": "4", "minute": "*/15"},
    }
    emu.clear_requests()
    created = source.create(account, source.check({}, inputs).inputs)
    _, posted, put = emu.requests()  # the listing, the create, the schedule
    assert posted["body"] == {
        "connector_id": "mysql",
        "template_id": "index",
        "o_auth_id": service_id,
        "label": "Orders",
        "statement": "SELECT * FROM orders",
        "storage_strategy": "incremental",
    }
    assert (put["method"], put["body"]) == ("PUT", {"hour": "4", "minute": "*/15"})
    assert account.api.get_schedule(created.id)["minute"] == "*/15"


def test_an_ambiguous_source_create_is_found_by_its_creation_parameters(
    emu: RunningEmulator, account: Account, seed_source_inputs: dict[str, Any]
) -> None:
    service_id = service.create(account, _service_inputs()).id  # the stack holds it
    inputs = source.check({}, {**seed_source_inputs, "oauth_id": service_id}).inputs
    first = source.create(account, inputs)
    other_config = {**SNAPCHAT_FIELDS, "breakdown": "ad"}
    replacement = source.check({}, {**inputs, "config": other_config}).inputs
    faults_on_next(emu, {"fail_after_commit_rate": 1})
    second = source.create(account, replacement)  # same label, connector and Service
    assert second.id != first.id
    assert {s["id"] for s in emu.objects()["sources"]} == {first.id, second.id}


def test_a_failed_rollback_says_how_to_recover(
    emu: RunningEmulator, account: Account, seed_source_inputs: dict[str, Any]
) -> None:
    service_id = account.api.create_service({"serviceName": "snapchat_static", "config": {}})
    inputs = {**seed_source_inputs, "oauth_id": service_id, "wait_until_live": 0.5}
    emu.settings(live_after=60)
    emu.set_faults([{"route": "DELETE /customer-api/v1/sources/{id}", "error_rate": 1}])
    with pytest.raises(DataddoError, match="deleting the new source failed too") as raised:
        source.create(account, source.check({}, inputs).inputs)
    (left,) = emu.objects()["sources"]
    assert f"adopt it with adopt_id={left['id']!r}" in str(raised.value)


def test_read_timeouts_are_clear(emu: RunningEmulator, login: Settings) -> None:
    api = DataddoClient(login, timeouts=Timeouts(connect=2, read=0.3), retry=FAST_RETRIES)
    api.list_services()
    emu.set_faults([{"route": "*", "latency_ms": 1000}])
    with pytest.raises(errors.TransportError, match=r"GET /flows: no answer within 0\.3s"):
        api.list_flows()
    time.sleep(1.2)  # the server still finishes the abandoned requests: not in the next test


def test_not_found_and_bad_requests_map_to_their_errors(api: DataddoClient) -> None:
    with pytest.raises(errors.NotFound, match="GET /services/999999: 404"):
        api.check_service(999999)
    with pytest.raises(errors.BadRequest, match="POST /flows: 400"):
        api.create_flow({"sources": ["63b872052946b21e6d063cb2"]})
