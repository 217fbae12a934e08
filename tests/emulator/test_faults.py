"""Injected faults: latency, 5xx, 429 with Retry-After, dropped connections, fail-after-commit."""

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from dataddo_emulator.testing import RunningEmulator
from tests.emulator.conftest import Api

FLOWS = "POST /customer-api/v1/flows"
SERVICES = "POST /customer-api/v1/services"
LIST_SERVICES = "GET /customer-api/v1/services"


def test_latency_and_jitter(server: RunningEmulator, api: Api) -> None:
    server.set_faults([{"route": LIST_SERVICES, "latency_ms": 150, "jitter_ms": 50}])
    started = time.perf_counter()
    api.call("GET", "/services")
    assert 0.15 <= time.perf_counter() - started < 1
    assert server.requests()[-1]["duration_ms"] >= 150
    started = time.perf_counter()
    api.call("GET", "/sources")  # another route: no delay
    assert time.perf_counter() - started < 0.15


def test_error_status(server: RunningEmulator, api: Api) -> None:
    server.set_faults([{"route": SERVICES, "error_rate": 1, "error_status": 502}])
    api.error("POST", "/services", 502, json={"serviceName": "mysql", "config": {}})
    assert server.objects()["services"] == []  # nothing was done
    entry = server.requests()[-1]
    assert (entry["status"], entry["fault"], entry["route"]) == (
        502,
        "error",
        "/customer-api/v1/services",
    )
    assert entry["body"] == {"serviceName": "mysql", "config": {}}


def test_rate_limit_with_retry_after(server: RunningEmulator, api: Api) -> None:
    server.set_faults([{"rate_limit_rate": 1, "retry_after": 7}])
    response = api.request("GET", "/services")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7"
    assert set(response.json()) == {"message", "errors"}


def test_dropped_connection_is_a_connection_error_for_a_real_client(
    server: RunningEmulator, api: Api
) -> None:
    server.set_faults([{"route": FLOWS, "drop_rate": 1, "times": 1}])
    source_id = api.source()
    with pytest.raises(requests.ConnectionError):
        api.request("POST", "/flows", json={"sources": [source_id]})
    assert server.objects()["flows"] == []
    entry = server.requests()[-1]
    assert (entry["status"], entry["fault"]) == (None, "drop")
    api.call("POST", "/flows", json={"sources": [source_id]})  # `times` used up; still serving


def test_fail_after_commit_stores_the_change(server: RunningEmulator, api: Api) -> None:
    source_id = api.source()
    server.set_faults([{"route": FLOWS, "fail_after_commit_rate": 1}])
    api.error("POST", "/flows", 500, json={"sources": [source_id], "label": "Ghost"})
    [flow] = server.objects()["flows"]
    assert flow["label"] == "Ghost"
    assert server.requests()[-1]["fault"] == "fail_after_commit"


def test_times_caps_the_hits_and_rules_apply_in_order(server: RunningEmulator, api: Api) -> None:
    server.set_faults(
        [
            {"route": LIST_SERVICES, "error_rate": 1, "error_status": 500, "times": 2},
            {"route": "*", "error_rate": 1, "error_status": 503, "times": 1},
        ]
    )
    statuses = [api.request("GET", "/services").status_code for _ in range(4)]
    assert statuses == [500, 500, 503, 200]
    assert server.faults()["hits"] == [2, 1]


def test_star_rule_hits_unknown_routes_too(server: RunningEmulator, api: Api) -> None:
    server.set_faults([{"error_rate": 1}])
    assert api.request("GET", "/nowhere").status_code == 503
    assert server.requests()[-1]["route"] is None


def test_seeded_rng_repeats_the_same_faults(server: RunningEmulator, api: Api) -> None:
    def run() -> list[int]:
        server.set_faults([{"error_rate": 0.5}], seed=42)
        return [api.request("GET", "/services").status_code for _ in range(20)]

    first = run()
    assert first == run()
    assert {200, 503} == set(first)


def test_hooks_are_never_faulted(server: RunningEmulator) -> None:
    server.set_faults([{"error_rate": 1}, {"drop_rate": 1}])
    assert server.objects() == {"services": [], "sources": [], "flows": []}
    server.clear_faults()
    assert server.faults() == {"seed": 0, "rules": [], "hits": []}


@pytest.mark.parametrize(
    "rule",
    [
        {"route": "POST /customer-api/v1/nowhere"},
        {"route": "GET /customer-api/v1/flows/{nope}"},
        {"error_rate": 2},
        {"error_status": 404},
        {"times": 0},
        {"latency_ms": -1},
        {"colour": "red"},
    ],
)
def test_bad_rules_are_400(server: RunningEmulator, rule: dict[str, object]) -> None:
    response = server.http.put(f"{server.root}/_emulator/faults", json={"rules": [rule]})
    assert response.status_code == 400, response.text
    assert set(response.json()) == {"message", "errors"}


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("missing_fields", [{}]),
        ("wrong_types", {"data": []}),
    ],
)
def test_malformed_json_answers(
    server: RunningEmulator, api: Api, mode: str, expected: object
) -> None:
    server.set_faults([{"route": LIST_SERVICES, "malformed_rate": 1, "malformed_mode": mode}])
    response = api.request("GET", "/services")
    assert (response.status_code, response.json()) == (200, expected)
    assert server.requests()[-1]["fault"] == "malformed"


def test_malformed_answer_after_a_stored_create(server: RunningEmulator, api: Api) -> None:
    source_id = api.source()
    server.set_faults([{"route": FLOWS, "malformed_rate": 1}])  # not_json by default
    response = api.request("POST", "/flows", json={"sources": [source_id], "label": "Kept"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.content.startswith(b"<html>")
    [flow] = server.objects()["flows"]
    assert flow["label"] == "Kept"

    server.set_faults([{"route": FLOWS, "malformed_rate": 1, "malformed_mode": "wrong_types"}])
    answer = api.request("POST", "/flows", json={"sources": [source_id]}).json()
    assert isinstance(answer["id"], list)


def test_errors_are_not_malformed(server: RunningEmulator, api: Api) -> None:
    server.set_faults([{"route": SERVICES, "malformed_rate": 1}])
    response = api.request("POST", "/services", json={"serviceName": "", "config": {}})
    assert response.status_code == 400
    assert set(response.json()) == {"message", "errors"}


def test_in_flight_counts_delayed_requests(server: RunningEmulator, api: Api) -> None:
    server.set_faults([{"route": LIST_SERVICES, "latency_ms": 600}])
    assert server.in_flight() == 0
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(api.call, "GET", "/services")
        assert _eventually(lambda: server.in_flight() == 1)
        pending.result()
    assert server.in_flight() == 0


def _eventually(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()
