"""The extraction schedule of a source: its defaults and validation.

Stored and returned as the spec's `Schedule` (snake_case, cron-like strings).
"""

import re
import zoneinfo
from collections.abc import Mapping
from functools import cache
from typing import Any

from dataddo_emulator.errors import ApiError

# The spec: "Sync frequency (day/week/month/custom)"; DECIDED: also "hour".
SYNC_FREQUENCIES = frozenset({"hour", "day", "week", "month", "custom"})

# DECIDED: what a source created without schedule fields gets.
DEFAULT_SCHEDULE: dict[str, str | None] = {
    "sync_frequency": "day",
    "timezone": "UTC",
    "minute": "0",
    "hour": "0",
    "day_of_month": "*",
    "month": "*",
    "day_of_week": "*",
}

# Cron fields and their numeric ranges.
_CRON_RANGES = {
    "minute": (0, 59),
    "hour": (0, 23),
    "day_of_month": (1, 31),
    "month": (1, 12),
    "day_of_week": (0, 7),
}
_CRON_PART = re.compile(r"^(\*|(\d{1,2})(?:-(\d{1,2}))?)(?:/(\d{1,2}))?$")


@cache
def _timezones() -> frozenset[str]:
    # UTC always, even where the system has no time zone database
    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def with_changes(schedule: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """`schedule` with the given fields replaced, validated; 400 naming each bad field."""
    merged = {**schedule, **{k: v for k, v in changes.items() if k in DEFAULT_SCHEDULE}}
    errors = {name: [reason] for name, value in merged.items() if (reason := _problem(name, value))}
    if errors:
        message = "; ".join(f"{name}: {reasons[0]}" for name, reasons in errors.items())
        raise ApiError(400, f"invalid schedule: {message}", errors)
    return merged


def _problem(name: str, value: Any) -> str | None:
    if name == "sync_frequency":
        valid = isinstance(value, str) and value in SYNC_FREQUENCIES
        return None if valid else f"one of {', '.join(sorted(SYNC_FREQUENCIES))}"
    if name == "timezone":
        valid = isinstance(value, str) and value in _timezones()
        return None if valid else "an IANA time zone name such as UTC"
    if value is None:
        return None
    if not isinstance(value, str) or not all(
        _valid_cron_part(part, *_CRON_RANGES[name]) for part in value.split(",")
    ):
        return "a cron field such as *, 5, 1-5, */15 or 1,15"
    return None


def _valid_cron_part(part: str, low: int, high: int) -> bool:
    match = _CRON_PART.match(part)
    if match is None:
        return False
    numbers = [int(n) for n in match.group(2, 3) if n is not None]
    step = match.group(4)
    return all(low <= n <= high for n in numbers) and (step is None or int(step) > 0)
