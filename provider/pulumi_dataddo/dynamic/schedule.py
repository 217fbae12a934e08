"""`Schedule`: the typed schedule argument of a Source (values validated in `check`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

import pulumi


@dataclass(frozen=True)
class Schedule:
    """When a source extracts data; every field is an optional string (cron-like values).

    `sync_frequency`: day, week, month, hour or custom; `hour` 0-23; `minute` 0-59;
    `day_of_week` 0-6; `day_of_month` 1-31; `month` 1-12; `timezone` an IANA name ("UTC").
    """

    sync_frequency: pulumi.Input[str] | None = None
    timezone: pulumi.Input[str] | None = None
    minute: pulumi.Input[str] | None = None
    hour: pulumi.Input[str] | None = None
    day_of_month: pulumi.Input[str] | None = None
    month: pulumi.Input[str] | None = None
    day_of_week: pulumi.Input[str] | None = None

    def to_props(self) -> dict[str, pulumi.Input[str]]:
        """The set fields, as resource properties."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: value for name, value in values.items() if value is not None}


ScheduleInput = Schedule | Mapping[str, Any] | pulumi.Output[Any]


def schedule_props(value: ScheduleInput | None) -> Any:
    """A `Schedule`, a mapping or an Output of either, as a resource property."""
    if value is None:
        return None
    if isinstance(value, Schedule):
        return value.to_props()
    if isinstance(value, pulumi.Output):
        return value.apply(schedule_props)
    return dict(value)
