"""In-process tests of the pure parts: redaction, schedule fields, fault decisions, route keys."""

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dataddo_emulator.errors import ApiError
from dataddo_emulator.faults import Fault, FaultConfig, FaultRule, Faults
from dataddo_emulator.redaction import REDACTED, is_secret, redact, without_secrets
from dataddo_emulator.routekeys import RouteTable
from dataddo_emulator.schedule import DEFAULT_SCHEDULE, with_changes

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["a", "apiKey", "password", "x_token", "Secret", "b"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=10,
)


def _items(value: Any) -> list[tuple[str, Any]]:
    """Every (key, value) pair in a JSON value, nested ones included."""
    if isinstance(value, dict):
        return [*value.items(), *(i for v in value.values() for i in _items(v))]
    if isinstance(value, list):
        return [i for v in value for i in _items(v)]
    return []


@pytest.mark.parametrize(
    "key", ["clientSecret", "password", "sshPassword", "accessToken", "staticKey", "apiKey", "KEY"]
)
def test_secret_keys(key: str) -> None:
    assert is_secret(key)


@pytest.mark.parametrize("key", ["clientId", "host", "keyboard", "label", "organizationId"])
def test_plain_keys(key: str) -> None:
    assert not is_secret(key)


@given(json_values)
def test_no_secret_survives(value: Any) -> None:
    assert not any(is_secret(k) for k, _ in _items(without_secrets(value)))
    redacted = redact(value)
    assert all(v == REDACTED for k, v in _items(redacted) if is_secret(k))
    assert redact(redacted) == redacted


def test_redact_replaces_values_only() -> None:
    assert redact({"password": {"deep": 1}, "list": [{"token": "t", "ok": 2}]}) == {
        "password": REDACTED,
        "list": [{"token": REDACTED, "ok": 2}],
    }


@pytest.mark.parametrize(
    "changes",
    [
        {"minute": "*/15"},
        {"hour": "1,5-7,23"},
        {"day_of_month": "31"},
        {"day_of_week": "0-7/2"},
        {"month": None},
        {"sync_frequency": "hour", "timezone": "America/Sao_Paulo"},
    ],
)
def test_valid_schedules(changes: dict[str, Any]) -> None:
    assert with_changes(DEFAULT_SCHEDULE, changes) == {**DEFAULT_SCHEDULE, **changes}


@pytest.mark.parametrize(
    "changes",
    [
        {"minute": "60"},
        {"minute": "-1"},
        {"hour": "5-"},
        {"hour": "*/0"},
        {"day_of_month": "0"},
        {"month": "1,,2"},
        {"day_of_week": "8"},
        {"timezone": None},
        {"timezone": ["UTC"]},
        {"sync_frequency": ["day"]},
    ],
)
def test_invalid_schedules(changes: dict[str, Any]) -> None:
    with pytest.raises(ApiError) as raised:
        with_changes(DEFAULT_SCHEDULE, changes)
    assert set(raised.value.errors) == set(changes)


def test_unknown_schedule_keys_are_ignored() -> None:
    assert with_changes(DEFAULT_SCHEDULE, {"label": "x"}) == DEFAULT_SCHEDULE


def _faults(*rules: dict[str, Any], seed: int = 0) -> Faults:
    faults = Faults()
    faults.configure(FaultConfig(seed=seed, rules=[FaultRule(**rule) for rule in rules]))
    return faults


def test_no_rules_no_decision() -> None:
    assert not Faults().active
    assert Faults().decide("GET /x") is None


def test_rule_order_times_and_routes() -> None:
    faults = _faults(
        {"route": "GET /a", "drop_rate": 1, "times": 1},
        {"latency_ms": 20, "error_rate": 1},
    )
    first, second, other = faults.decide("GET /a"), faults.decide("GET /a"), faults.decide("PUT /b")
    assert first is not None
    assert first.fault is Fault.DROP
    assert first.delay_s == 0
    assert second is not None
    assert second.fault is Fault.ERROR
    assert second.delay_s == 0.02
    assert other is not None
    assert other.fault is Fault.ERROR
    assert faults.state()["hits"] == [1, 2]


def test_one_fault_per_request_in_a_fixed_order() -> None:
    faults = _faults({"rate_limit_rate": 1, "error_rate": 1, "fail_after_commit_rate": 1})
    decision = faults.decide("GET /a")
    assert decision is not None
    assert decision.fault is Fault.RATE_LIMIT


@given(st.integers(0, 2**32), st.floats(0, 1))
def test_the_seed_decides(seed: int, rate: float) -> None:
    def run() -> list[Fault | None]:
        faults = _faults({"error_rate": rate, "jitter_ms": 5}, seed=seed)
        return [d.fault for d in (faults.decide("GET /a") for _ in range(20)) if d is not None]

    assert run() == run()


def test_route_table_prefers_literal_segments() -> None:
    paths: dict[str, dict[str, Any]] = {
        "/api/flows/{id}": {"get": {}, "put": {}},
        "/api/flows/by-source/{sourceId}": {"get": {}},
        "/api/things/special": {"get": {}},
        "/api/things/{id}": {"get": {}},
        "/other": {"get": {}},
    }
    table = RouteTable(paths, "/api")
    assert "GET /other" not in table.keys
    assert table.match("GET", "/api/flows/by-source/x") == "GET /api/flows/by-source/{sourceId}"
    assert table.match("GET", "/api/things/special") == "GET /api/things/special"
    assert table.match("PUT", "/api/flows/abc") == "PUT /api/flows/{id}"
    assert table.match("DELETE", "/api/flows/abc") is None
    assert table.match("GET", "/api/flows/a/b") is None
