"""Values between the engine's `PropertyValue`s and the plain Python logic works with.

Unknown values already arrive as the wire sentinel (`fields.values.UNKNOWN`) and leave as it:
the engine reads that string back as unknown, which `PropertyValue` cannot send itself.
Secrecy is kept per top-level property: a property is secret when its field says so or when
any part of it arrived secret.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi.provider.experimental.property_value import (
    Computed,
    PropertyValue,
    ResourceReference,
)

from pulumi_dataddo import redaction
from pulumi_dataddo.fields.base import ALWAYS, WITH_CREDENTIALS, ResourceSpec
from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.native import names

Wire = dict[str, PropertyValue]
Props = dict[str, Any]


def plain(value: PropertyValue) -> Any:
    """The plain value: secrets unwrapped, unknowns as the sentinel, resources by their id."""
    inner = value.value
    if isinstance(inner, Computed):
        return UNKNOWN
    if isinstance(inner, ResourceReference):
        return None if inner.resource_id is None else plain(inner.resource_id)
    if isinstance(inner, Mapping):
        return {key: plain(item) for key, item in inner.items()}
    if isinstance(inner, tuple | list):
        return [plain(item) for item in inner]
    return inner


def plain_map(values: Mapping[str, PropertyValue]) -> Props:
    return {key: plain(value) for key, value in values.items()}


def secret_keys(values: Mapping[str, PropertyValue]) -> set[str]:
    """The properties holding a secret anywhere."""
    return {key for key, value in values.items() if value.contains_secret()}


def wire_value(value: Any, *, secret: bool = False) -> PropertyValue:
    """A plain value as a `PropertyValue` (numbers as floats, as the protocol has them)."""
    if isinstance(value, Mapping):
        inner: Any = {str(key): wire_value(item) for key, item in value.items()}
    elif isinstance(value, list | tuple):
        inner = [wire_value(item) for item in value]
    elif isinstance(value, int) and not isinstance(value, bool):
        inner = float(value)
    else:
        inner = value
    return PropertyValue(inner, is_secret=secret)


def is_secret(spec: ResourceSpec, name: str, value: Any) -> bool:
    """Whether the field `name` (snake_case) stores `value` as a secret."""
    field = next((f for f in spec.fields if f.name == name), None)
    if field is None or value is None:
        return False
    if field.secret == ALWAYS:
        return True
    return field.secret == WITH_CREDENTIALS and redaction.holds_credentials(value)


def wire_map(spec: ResourceSpec, props: Mapping[str, Any], keep_secret: set[str]) -> Wire:
    """Logic's properties (snake_case keys) as wire values, None left out; secret where the
    field says so or where `keep_secret` (wire names) names the property."""
    wire = names.to_wire(spec, {k: v for k, v in props.items() if v is not None})
    snake = {field.camel: field.name for field in spec.fields}
    return {
        key: wire_value(
            value, secret=key in keep_secret or is_secret(spec, snake.get(key, key), value)
        )
        for key, value in wire.items()
    }
