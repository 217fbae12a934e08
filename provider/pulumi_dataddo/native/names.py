"""Property names at the native provider's boundary: the schema's camelCase (`connectorId`) on
the wire, the field spec's snake_case (`connector_id`) in logic.

Only names the spec declares are converted, driven by the fields: the keys of an object type a
field refers to (a Schedule's `dayOfWeek`) are converted inside it, while a free-form object's
keys (a Source's `config`, the connector's own names) pass as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_dataddo.fields.base import Field, ResourceSpec, camel_case
from pulumi_dataddo.native.objects import object_type

Props = dict[str, Any]


def to_logic(spec: ResourceSpec, wire: Mapping[str, Any]) -> Props:
    """Wire properties as logic's arguments (keys no field declares pass unchanged)."""
    return _renamed(spec, wire, to_wire=False)


def to_wire(spec: ResourceSpec, props: Mapping[str, Any]) -> Props:
    """Logic's properties as wire properties."""
    return _renamed(spec, props, to_wire=True)


def _renamed(spec: ResourceSpec, values: Mapping[str, Any], *, to_wire: bool) -> Props:
    fields = {(f.name if to_wire else f.camel): f for f in spec.fields}
    result: Props = {}
    for key, value in values.items():
        field = fields.get(key)
        if field is None:
            result[key] = value
        else:
            name = field.camel if to_wire else field.name
            result[name] = convert_object(field, value, to_wire=to_wire)
    return result


def convert_object(field: Field, value: Any, *, to_wire: bool) -> Any:
    """An object-typed field's value with its keys in the wire casing, or back."""
    if not field.type.refs or not isinstance(value, Mapping):
        return value
    names = object_type(field.type.refs[0]).fields
    renamed = {camel_case(name): name for name in names}
    if to_wire:
        renamed = {name: camel_case(name) for name in names}
    return {renamed.get(key, key): item for key, item in value.items()}


def wire_path(spec: ResourceSpec, path: str) -> str:
    """A logic field path (`schedule.day_of_week`, `sources[0]`, `config.metrics`) in wire
    names (`schedule.dayOfWeek`)."""
    head, dot, rest = path.partition(".")
    name, bracket, index = head.partition("[")
    field = next((f for f in spec.fields if f.name == name), None)
    if field is None:
        return path
    inner = rest
    if rest and field.type.refs:
        key, more_dot, more = rest.partition(".")
        if key in object_type(field.type.refs[0]).fields:
            inner = camel_case(key) + more_dot + more
    return field.camel + bracket + index + dot + inner


def wire_message(spec: ResourceSpec, message: str) -> str:
    """A check failure or warning (`field.path: reason`) with its field in wire names."""
    path, colon, reason = message.partition(": ")
    return wire_path(spec, path) + colon + reason if colon else message
