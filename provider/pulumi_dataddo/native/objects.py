"""The object types fields refer to (`ValueType.refs`), as the schema names and documents them:
each a set of optional string properties."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pulumi_dataddo.fields import schedule


@dataclass(frozen=True)
class ObjectType:
    """A named object type: what it is and its properties (snake_case name -> description)."""

    name: str
    description: str
    fields: Mapping[str, str]


OBJECT_TYPES = {
    "Schedule": ObjectType(
        "Schedule",
        "When a source extracts data; only the fields set are sent and compared.",
        {name: schedule.DESCRIPTIONS[name] for name in schedule.FIELDS},
    ),
}


def object_type(name: str) -> ObjectType:
    """The object type a field refers to, or a clear error for one nobody described here."""
    found = OBJECT_TYPES.get(name)
    if found is None:
        raise KeyError(f"object type {name!r} has no description in pulumi_dataddo.native.objects")
    return found
