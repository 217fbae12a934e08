"""A schedule's wire shapes: in the create-source body (the seed's snake_case strings), in
`PUT /sources/{id}/extraction/schedule` (the spec's `UpdateScheduleRequest`, mixed casing), and
the API's `Schedule` answer projected onto what is declared."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_dataddo.fields.schedule import FIELDS, normalize

UPDATE_NAMES = {
    "sync_frequency": "sync_frequency",
    "timezone": "timezone",
    "minute": "minute",
    "hour": "hour",
    "day_of_month": "dayOfMonth",
    "month": "month",
    "day_of_week": "dayOfWeek",
}


def create_fields(schedule: Mapping[str, Any] | None) -> dict[str, Any]:
    """The schedule fields of a create-source payload (seed order, set fields only)."""
    values = normalize(schedule or {})
    return {key: values[key] for key in FIELDS if key in values}


def update_request(schedule: Mapping[str, Any]) -> dict[str, Any]:
    """The `UpdateScheduleRequest` body for a declared schedule (set fields only)."""
    values = normalize(schedule)
    return {UPDATE_NAMES[key]: values[key] for key in FIELDS if key in values}


def declared_part(answer: Mapping[str, str], declared: Mapping[str, Any]) -> dict[str, str]:
    """The API's `Schedule` projected onto the declared fields (the others are not managed)."""
    return {key: answer[key] for key in normalize(declared) if key in answer}
