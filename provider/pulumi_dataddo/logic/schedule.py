"""The schedule of a Source: its validation and its two wire shapes.

Users write snake_case strings (as the seed's create-source payload does). The create-source
payload carries them as is; `PUT /sources/{id}/extraction/schedule` takes the spec's
`UpdateScheduleRequest` with its mixed casing; the API answers with a snake_case `Schedule`.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from typing import Any

from pulumi_dataddo.logic.validation import Validator
from pulumi_dataddo.logic.values import integer_text, is_unknown

FREQUENCIES = ("day", "week", "month", "hour", "custom")
RANGES = {
    "minute": (0, 59),
    "hour": (0, 23),
    "day_of_week": (0, 6),
    "day_of_month": (1, 31),
    "month": (1, 12),
}
# The order of the seed's create-source payload.
FIELDS = ("sync_frequency", "month", "day_of_week", "day_of_month", "hour", "minute", "timezone")
UPDATE_NAMES = {
    "sync_frequency": "sync_frequency",
    "timezone": "timezone",
    "minute": "minute",
    "hour": "hour",
    "day_of_month": "dayOfMonth",
    "month": "month",
    "day_of_week": "dayOfWeek",
}

Schedule = dict[str, Any]


def normalize(schedule: Mapping[str, Any]) -> Schedule:
    """Set fields only, whole numbers as their decimal text (`3` -> `"3"`)."""
    result: Schedule = {}
    for key, value in schedule.items():
        if value is None:
            continue
        text = integer_text(value) if key in RANGES and not isinstance(value, str) else None
        result[key] = text if text is not None else value
    return result


def validate(check: Validator, value: Any, name: str = "schedule") -> None:
    """Record a failure for every unknown key and every value out of range."""
    schedule = check.mapping(name, value)
    if schedule is None:
        return
    for key, field_value in normalize(schedule).items():
        path = f"{name}.{key}"
        if key not in UPDATE_NAMES:
            check.fail(path, f"unknown schedule field; allowed: {', '.join(FIELDS)}")
        elif is_unknown(field_value):
            continue
        elif key == "sync_frequency":
            check.text(path, field_value, choices=FREQUENCIES)
        elif key == "timezone":
            _validate_timezone(check, path, field_value)
        else:
            low, high = RANGES[key]
            number = integer_text(field_value) if isinstance(field_value, str) else None
            if number is None or not low <= int(number) <= high:
                check.fail(
                    path,
                    f"must be an integer {low}-{high} as a string, {check.got(field_value)}",
                )


def _validate_timezone(check: Validator, path: str, value: Any) -> None:
    expected = "an IANA time zone name such as UTC or Europe/Prague"
    check.text(path, value, expected=expected)
    if not isinstance(value, str) or not value.strip():
        return
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        check.fail(path, f"must be {expected}, {check.got(value)}")


def create_fields(schedule: Mapping[str, Any] | None) -> dict[str, Any]:
    """The schedule fields of a create-source payload (seed order, set fields only)."""
    if not schedule:
        return {}
    values = normalize(schedule)
    return {key: values[key] for key in FIELDS if key in values}


def update_request(schedule: Mapping[str, Any]) -> dict[str, Any]:
    """The `UpdateScheduleRequest` body for a declared schedule (set fields only)."""
    values = normalize(schedule)
    return {UPDATE_NAMES[key]: values[key] for key in FIELDS if key in values}


def from_api(
    answer: Mapping[str, Any] | None, declared: Mapping[str, Any] | None
) -> Schedule | None:
    """The API's schedule projected onto the declared fields (undeclared ones are not managed).

    None when no schedule is declared or the API returned none.
    """
    if declared is None or answer is None:
        return None
    result: Schedule = {}
    for key in normalize(declared):
        value = answer.get(key)
        if value is not None:
            text = integer_text(value)
            result[key] = text if text is not None and not isinstance(value, str) else str(value)
    return result
