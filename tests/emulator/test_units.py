"""In-process tests of the pure parts: redaction, the cron grammar, schedules, which services
fit which connector, fault decisions, route keys."""

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dataddo_emulator.catalog import catalog
from dataddo_emulator.cron import RANGES, valid_cron_field
from dataddo_emulator.errors import ApiError
from dataddo_emulator.faults import Fault, FaultConfig, FaultRule, Faults
from dataddo_emulator.redaction import (
    REDACTED,
    is_secret_key,
    redact,
    redact_service,
    redact_text,
    without_secrets,
)
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


def test_secret_keys() -> None:
    secret = ["clientSecret", "password", "sshPassword", "accessToken", "staticKey", "apiKey"]
    secret += ["KEY", "Authorization", "refresh_token", "credentials"]
    plain = ["clientId", "host", "keyboard", "label", "oAuthId", "o_auth_id"]
    assert [key for key in secret if not is_secret_key(key)] == []
    assert [key for key in plain if is_secret_key(key)] == []


def _hides_nothing(value: Any) -> bool:
    """Null, "", a boolean, or containers of only these: no secret to mask."""
    if isinstance(value, dict | list):
        return all(map(_hides_nothing, value.values() if isinstance(value, dict) else value))
    return value is None or value == "" or isinstance(value, bool)


@given(json_values)
def test_no_secret_survives(value: Any) -> None:
    assert not any(is_secret_key(k) for k, _ in _items(without_secrets(value)))
    redacted = redact(value)
    assert all(v == REDACTED or _hides_nothing(v) for k, v in _items(redacted) if is_secret_key(k))
    assert redact(redacted) == redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://u:pw@h.example/x", "https://u:***@h.example/x"),
        ("sftp://u:p%40w@h", "sftp://u:***@h"),
        ("https://u@h/x?a=1&access_token=t#f", "https://u@h/x?a=1&access_token=***"),
        ("/x?token=&b=2", "/x?token=&b=2"),
        ("X-Api-Key: abc def", "X-Api-Key: ***"),
        ("Accept: */*", "Accept: */*"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
    ],
)
def test_secrets_inside_strings(text: str, expected: str) -> None:
    assert redact_text(text) == expected


def test_a_services_config_is_masked_whole() -> None:
    body = {"serviceName": "s3", "config": {"a": 1, "b": [None, {"c": True}]}, "x_token": "t"}
    assert redact_service(body) == {
        "serviceName": "s3",
        "config": {"a": REDACTED, "b": [REDACTED, {"c": REDACTED}]},
        "x_token": REDACTED,
    }
    assert redact_service(["odd"]) == [REDACTED]


VALID_CRON = [
    ("minute", "*"),
    ("minute", "*/15"),
    ("minute", "0-59/5"),
    ("minute", "007"),
    ("hour", "1,5-7,23"),
    ("hour", "*/999999999999"),
    ("day_of_month", "31"),
    ("month", "1-12"),
    ("day_of_week", "0-6/2"),
]
INVALID_CRON = [
    ("minute", "60"),
    ("minute", ""),
    ("minute", "-1"),
    ("minute", "+5"),
    ("minute", " 5"),
    ("minute", "5\n"),
    ("minute", "5/2"),
    ("minute", "\u0665"),
    ("minute", "9" * 5000),
    ("hour", "5-"),
    ("hour", "5-3"),
    ("hour", "*/0"),
    ("hour", "1-5/0"),
    ("day_of_month", "0"),
    ("month", "1,,2"),
    ("month", "JAN"),
    ("day_of_week", "7"),
    ("day_of_week", "*/1/2"),
]


def test_cron_fields() -> None:
    assert [field for field in VALID_CRON if not valid_cron_field(*field)] == []
    assert [field for field in INVALID_CRON if valid_cron_field(*field)] == []


@st.composite
def _cron_item(draw: st.DrawFn, name: str) -> str:
    low, high = RANGES[name]
    first = draw(st.integers(low, high))
    last = draw(st.integers(first, high))
    step = draw(st.integers(1, 100))
    return draw(
        st.sampled_from(["*", f"*/{step}", f"{first}", f"{first}-{last}", f"{first}-{last}/{step}"])
    )


@given(
    st.sampled_from(sorted(RANGES)).flatmap(
        lambda n: st.tuples(st.just(n), st.lists(_cron_item(n), min_size=1))
    )
)
def test_lists_of_valid_items_are_valid(field: tuple[str, list[str]]) -> None:
    name, items = field
    assert valid_cron_field(name, ",".join(items))


@given(st.sampled_from(sorted(RANGES)), st.text())
def test_any_text_is_judged_without_error(name: str, value: str) -> None:
    valid_cron_field(name, value)


def test_schedule_changes_are_validated_together() -> None:
    changes = {"minute": "61", "timezone": "Mars/Olympus", "month": None, "label": "ignored"}
    with pytest.raises(ApiError) as raised:
        with_changes(DEFAULT_SCHEDULE, changes)
    assert set(raised.value.errors) == {"minute", "timezone"}
    assert with_changes(DEFAULT_SCHEDULE, {"month": None})["month"] is None


def test_which_service_types_fit_a_connector() -> None:
    fitting = [
        ("snapchat_static", "snapchat"),
        ("snapchat_custom", "snapchat_lookup"),
        ("mysql", "mysql_binlog"),
        ("aws_mysql", "mysql"),
        ("core_web_vitals", "coreWebVitals"),
        ("salesforce_custom_domain", "salesforce"),
        ("s3", "netsuite"),  # no type fits netsuite by name: any does
    ]
    unfitting = [("mysql", "snapchat"), ("google_analytics4_static", "google_analytics")]
    connectors = catalog().connectors
    assert [pair for pair in fitting if pair[0] not in connectors[pair[1]].services] == []
    assert [pair for pair in unfitting if pair[0] in connectors[pair[1]].services] == []


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
