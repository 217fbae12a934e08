"""The extraction schedule of a source: its defaults and validation.

Stored and answered as the spec's `Schedule` (snake_case); the cron fields follow `cron`.
"""

import zoneinfo
from collections.abc import Mapping
from functools import cache
from typing import Any

from dataddo_emulator.cron import RANGES, valid_cron_field
from dataddo_emulator.errors import ApiError

# The spec: "Sync frequency (day/week/month/custom)"; DECIDED: also "hour".
SYNC_FREQUENCIES = ("hour", "day", "week", "month", "custom")

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
        return None if valid else f"one of {', '.join(SYNC_FREQUENCIES)}"
    if name == "timezone":
        valid = isinstance(value, str) and value in _timezones()
        return None if valid else "an IANA time zone name such as UTC"
    if value is None or (isinstance(value, str) and valid_cron_field(name, value)):
        return None
    low, high = RANGES[name]
    return f"null or a cron field of {low}-{high}: *, */N, A, A-B, A-B/N, comma-separated"
