"""A Source's schedule as users write it: seven optional fields, cron identifiers as text.

The spec's `Schedule` names its fields "cron identifiers"; the grammar (DECIDED, shared with the
emulator and proven equal by a test) is cron's: a comma-separated list of `*`, `*/N`, `A`,
`A-B` or `A-B/N`, decimal numbers within the field's range, `A <= B`, `N >= 1`.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from typing import Any

from pulumi_dataddo.fields.validation import Validator
from pulumi_dataddo.fields.values import integer_text, is_unknown

FREQUENCIES = ("day", "week", "month", "hour", "custom")
RANGES = {
    "minute": (0, 59),
    "hour": (0, 23),
    "day_of_week": (0, 6),
    "day_of_month": (1, 31),
    "month": (1, 12),
}
# Every field, in the order of the seed's create-source payload.
FIELDS = ("sync_frequency", "month", "day_of_week", "day_of_month", "hour", "minute", "timezone")
DESCRIPTIONS = {
    "sync_frequency": "How often the source extracts: " + ", ".join(FREQUENCIES) + ".",
    "timezone": 'The IANA time zone of the other fields, e.g. "UTC" or "Europe/Prague".',
    **{
        name: f"Cron {name.replace('_', ' ')} ({low}-{high}): `*`, `*/N`, `A`, `A-B`, `A-B/N` "
        "or a comma-separated list of those."
        for name, (low, high) in RANGES.items()
    },
}
_NUMBER = r"[0-9]+"
_ITEM = re.compile(rf"(\*|(?P<low>{_NUMBER})(?:-(?P<high>{_NUMBER}))?)(?:/(?P<step>{_NUMBER}))?")

Schedule = dict[str, Any]


def valid_cron_field(name: str, value: str) -> bool:
    """Whether `value` is a cron identifier of the field `name` (a key of `RANGES`)."""
    low, high = RANGES[name]
    for item in value.split(","):
        match = _ITEM.fullmatch(item)
        if match is None:
            return False
        step = match["step"]
        if step is not None and int(step) < 1:
            return False
        if match["low"] is None:
            continue
        first = int(match["low"])
        last = int(match["high"]) if match["high"] is not None else first
        if not low <= first <= last <= high:
            return False
        if step is not None and match["high"] is None:
            return False  # `A/N` is not cron
    return True


def normalize(schedule: Any) -> Any:
    """Set fields only, whole numbers as their decimal text (`3` -> `"3"`); not an object: as is."""
    if not isinstance(schedule, Mapping):
        return schedule
    result: Schedule = {}
    for key, value in schedule.items():
        if value is None:
            continue
        text = integer_text(value) if key in RANGES and not isinstance(value, str) else None
        result[key] = text if text is not None else value
    return result


def validate(check: Validator, name: str, value: Any) -> None:
    """Record a failure for every unknown key and every value outside the grammar."""
    schedule = check.mapping(name, value)
    if schedule is None:
        return
    for key, field_value in normalize(schedule).items():
        path = f"{name}.{key}"
        if key not in FIELDS:
            check.fail(path, f"unknown schedule field; allowed: {', '.join(FIELDS)}")
        elif is_unknown(field_value):
            continue
        elif key == "sync_frequency":
            check.text(path, field_value, choices=FREQUENCIES)
        elif key == "timezone":
            _validate_timezone(check, path, field_value)
        elif not isinstance(field_value, str) or not valid_cron_field(key, field_value):
            low, high = RANGES[key]
            check.fail(
                path,
                f"must be a cron identifier of {low}-{high} as a string (`*`, `*/15`, `1-5`, "
                f"`1,3`), {check.got(field_value)}",
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
