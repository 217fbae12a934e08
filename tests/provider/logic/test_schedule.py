"""The schedule: validation messages, its two wire shapes, and the projection of API answers."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.logic import schedule
from pulumi_dataddo.logic.validation import Validator
from pulumi_dataddo.logic.values import UNKNOWN


def _failures(value: Any) -> list[str]:
    check = Validator()
    schedule.validate(check, value)
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
        ("hour", "25", 'schedule.hour: must be an integer 0-23 as a string, got "25"'),
        ("minute", "60", 'schedule.minute: must be an integer 0-59 as a string, got "60"'),
        ("day_of_week", "7", "schedule.day_of_week: must be an integer 0-6 as a string"),
        ("day_of_month", "0", "schedule.day_of_month: must be an integer 1-31 as a string"),
        ("month", "13", "schedule.month: must be an integer 1-12 as a string"),
        ("hour", "three", 'schedule.hour: must be an integer 0-23 as a string, got "three"'),
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


def test_unknown_values_and_whole_numbers_are_accepted() -> None:
    assert _failures({"hour": UNKNOWN, "minute": 25, "day_of_week": 2.0}) == []
    assert _failures(UNKNOWN) == []
    assert _failures(["day"]) == ['schedule: must be an object, got ["day"]']


def test_normalize_turns_numbers_into_strings_and_drops_unset() -> None:
    assert schedule.normalize({"hour": 3.0, "minute": None, "timezone": "UTC"}) == {
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


def test_from_api_projects_onto_declared_fields() -> None:
    answer = {"sync_frequency": "day", "hour": 3, "minute": "25", "month": "*", "timezone": "UTC"}
    declared = {"sync_frequency": "day", "hour": "3", "minute": "25"}
    assert schedule.from_api(answer, declared) == declared
    assert schedule.from_api(answer, None) is None
    assert schedule.from_api(None, declared) is None
    # A declared field the API lost shows as missing (drift).
    assert schedule.from_api({"hour": "3"}, declared) == {"hour": "3"}
