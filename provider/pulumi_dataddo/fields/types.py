"""The kinds of value a field holds: how each is checked, normalized, typed and documented.

A `ValueType` bundles the rules of one kind of value, so that a field names its kind once and
check, diff, the adapters, the docs and the provider schema all follow from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from pulumi_dataddo.fields import schedule
from pulumi_dataddo.fields.validation import IDENTIFIER, OBJECT_ID, Validator
from pulumi_dataddo.fields.values import integer_text, is_unknown, whole_numbers

Check = Callable[[Validator, str, Any], None]


@dataclass(frozen=True)
class ValueType:
    """One kind of field value."""

    # How it reads in docs and Python annotations, e.g. "str", "Mapping[str, Any]".
    python: str
    # Its JSON schema in a Pulumi package schema (`{"type": "string"}`, `{"$ref": ...}`).
    schema: dict[str, Any]
    # Records failures for a present value (unknown values pass).
    check: Check
    # The comparable, stored form of a valid value (check's output, diff's comparison).
    normalize: Callable[[Any], Any] = whole_numbers
    # What a valid value looks like, for "is required (...)" messages.
    expected: str = "a value"
    # Named object types it refers to (their fields are documented with it).
    refs: tuple[str, ...] = field(default=())
    # Names another Dataddo object by id: often another resource's output, unknown in previews.
    reference: bool = False


def text(expected: str = "a non-blank string", pattern: re.Pattern[str] | None = None) -> ValueType:
    """A string that shows something, optionally matching `pattern`."""
    return ValueType(
        "str",
        {"type": "string"},
        lambda v, name, value: v.text(name, value, pattern=pattern, expected=expected),
        expected=expected,
    )


def _service_id(value: Any) -> Any:
    return integer_text(value) or value


def _id_set(value: Any) -> Any:
    return sorted(map(str, value)) if isinstance(value, list) else value


def _check_ids(v: Validator, name: str, value: Any) -> None:
    if is_unknown(value) and not isinstance(value, list):
        return
    if not isinstance(value, list) or not value:
        v.fail(name, f"must list at least one id, {v.got(value)}")
        return
    for index, item in enumerate(value):
        v.object_id(f"{name}[{index}]", item)
    known = [s for s in value if isinstance(s, str) and not is_unknown(s)]
    duplicates = sorted({s for s in known if known.count(s) > 1})
    if duplicates:
        v.fail(name, f"lists {', '.join(duplicates)} more than once")


def _check_strings(v: Validator, name: str, value: Any) -> None:
    if is_unknown(value) and not isinstance(value, list):
        return
    if not isinstance(value, list):
        v.fail(name, f"must be a list of strings, {v.got(value)}")
        return
    for index, item in enumerate(value):
        v.text(f"{name}[{index}]", item)


def _check_boolean(v: Validator, name: str, value: Any) -> None:
    if not isinstance(value, bool) and not is_unknown(value):
        v.fail(name, f"must be true or false, {v.got(value)}")


def _check_object(v: Validator, name: str, value: Any) -> None:
    v.mapping(name, value)


def _not_an_input(_v: Validator, _name: str, _value: Any) -> None:
    """Outputs are computed by the provider, never checked."""


def output(python: str, schema: dict[str, Any]) -> ValueType:
    """The type of a computed output."""
    return ValueType(python, schema, _not_an_input)


STRING = text()
SERVICE_TYPE = text("a service type such as snapchat_static", IDENTIFIER)
CONNECTOR = text("a connector id such as snapchat")
APP = text("a dashboard app such as google_data_studio")
TEMPLATE = text("a template id such as index", IDENTIFIER)
STRATEGY = text("a storage strategy such as incremental")
DESTINATION_TYPE = text("a destination type such as pgsql", IDENTIFIER)
WRITE_MODE = text("a write mode such as insert or upsert")
SERVICE_ID = ValueType(
    "str | int",
    {"type": "string"},
    lambda v, name, value: v.service_id(name, value),
    normalize=_service_id,
    expected="a service id (an integer)",
    reference=True,
)
OBJECT_ID_TEXT = replace(text("an id of 24 hexadecimal characters", OBJECT_ID), reference=True)
ID_SET = ValueType(
    "Sequence[str]",
    {"type": "array", "items": {"type": "string"}},
    _check_ids,
    normalize=_id_set,
    expected="a list of ids",
    reference=True,
)
STRINGS = ValueType(
    "Sequence[str]",
    {"type": "array", "items": {"type": "string"}},
    _check_strings,
    expected="a list of strings",
)
BOOLEAN = ValueType("bool", {"type": "boolean"}, _check_boolean, expected="true or false")
SECONDS = ValueType(
    "float",
    {"type": "number"},
    lambda v, name, value: v.number(name, value),
    expected="seconds",
)
OBJECT = ValueType(
    "Mapping[str, Any]",
    {"type": "object", "additionalProperties": {"$ref": "pulumi.json#/Any"}},
    _check_object,
    expected="an object",
)
OUTPUT_TEXT = output("str", {"type": "string"})
OUTPUT_BOOLEAN = output("bool", {"type": "boolean"})
OUTPUT_INTEGER = output("int", {"type": "integer"})
SCHEDULE = ValueType(
    "Schedule",
    {"$ref": "#/types/dataddo:index:Schedule"},
    schedule.validate,
    normalize=schedule.normalize,
    expected="a Schedule",
    refs=("Schedule",),
)
