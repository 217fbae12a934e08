"""The schedule: validation messages, its two wire shapes, and the projection of API answers."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.fields import schedule as grammar
from pulumi_dataddo.fields.validation import Validator
from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.logic import schedule

CRON = "as a string (`*`, `*/15`, `1-5`, `1,3`)"


def _failures(value: Any) -> list[str]:
    check = Validator()
    grammar.validate(check, "schedule", value)
    return [str(f) for f in check.failures]


def test_valid_schedule_passes() -> None:
    assert (
        _failures(
            {
                "sync_frequency": "week",
                "hour": "23",
                "minute": "0",
                "month": "12",
                "day_of_week": "6",
                "day_of_month": "31",
                "timezone": "Europe/Prague",
            }
        )
        == []
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hour", "25", f'schedule.hour: must be a cron identifier of 0-23 {CRON}, got "25"'),
        ("minute", "60", f'schedule.minute: must be a cron identifier of 0-59 {CRON}, got "60"'),
        ("day_of_week", "7", "schedule.day_of_week: must be a cron identifier of 0-6"),
        ("day_of_month", "0", "schedule.day_of_month: must be a cron identifier of 1-31"),
        ("month", "13", "schedule.month: must be a cron identifier of 1-12"),
        ("hour", "three", f'schedule.hour: must be a cron identifier of 0-23 {CRON}, got "three"'),
        ("hour", "*/0", "schedule.hour: must be a cron identifier of 0-23"),
        ("hour", "5-3", "schedule.hour: must be a cron identifier of 0-23"),
        ("minute", "5/15", "schedule.minute: must be a cron identifier of 0-59"),
        ("minute", " 5", "schedule.minute: must be a cron identifier of 0-59"),
        ("minute", "1,,2", "schedule.minute: must be a cron identifier of 0-59"),
        ("sync_frequency", "daily", "schedule.sync_frequency: must be one of custom, day, hour"),
        ("timezone", "Mars/Base", "schedule.timezone: must be an IANA time zone name"),
        ("timezone", "../etc", "schedule.timezone: must be an IANA time zone name"),
        ("every", "day", "schedule.every: unknown schedule field; allowed: sync_frequency"),
    ],
)
def test_each_failure_names_the_field_and_what_is_allowed(
    field: str, value: str, message: str
) -> None:
    failures = _failures({field: value})
    assert len(failures) == 1
    assert failures[0].startswith(message)


@pytest.mark.parametrize("value", ["*", "*/15", "0", "05", "1-5", "1-5/2", "1,3", "0-10/5,30"])
def test_cron_identifiers_are_accepted(value: str) -> None:
    assert _failures({"minute": value}) == []


def test_unknown_values_and_whole_numbers_are_accepted() -> None:
    assert _failures({"hour": UNKNOWN, "minute": 25, "day_of_week": 2.0}) == []
    assert _failures(UNKNOWN) == []
    assert _failures(["day"]) == ['schedule: must be an object, got ["day"]']


def test_normalize_turns_numbers_into_strings_and_drops_unset() -> None:
    assert grammar.normalize({"hour": 3.0, "minute": None, "timezone": "UTC"}) == {
        "hour": "3",
        "timezone": "UTC",
    }


def test_create_fields_keep_the_seed_order() -> None:
    fields = schedule.create_fields(
        {
            "timezone": "UTC",
            "minute": "25",
            "hour": "3",
            "sync_frequency": "day",
            "day_of_month": "1",
            "day_of_week": "2",
        }
    )
    assert list(fields) == [
        "sync_frequency",
        "day_of_week",
        "day_of_month",
        "hour",
        "minute",
        "timezone",
    ]
    assert schedule.create_fields(None) == {}


def test_update_request_uses_the_spec_casing() -> None:
    body = schedule.update_request({"day_of_week": "2", "day_of_month": "1", "hour": 4})
    assert body == {"dayOfWeek": "2", "dayOfMonth": "1", "hour": "4"}


def test_answers_are_projected_onto_the_declared_fields() -> None:
    answer = {"sync_frequency": "day", "hour": "3", "minute": "25", "month": "*", "timezone": "UTC"}
    declared = {"sync_frequency": "day", "hour": 3, "minute": "25"}
    assert schedule.declared_part(answer, declared) == {
        "sync_frequency": "day",
        "hour": "3",
        "minute": "25",
    }
    # A declared field the API lost shows as missing (drift).
    assert schedule.declared_part({"hour": "3"}, declared) == {"hour": "3"}
