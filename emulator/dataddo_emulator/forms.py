"""Reading a create-source payload against the catalog: required fields, types, aliases.

Connector fields pass through verbatim (they are kept as the source's metadata); only what the
catalog knows is checked. Every problem is reported at once, each under its field.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dataddo_emulator.catalog import FIELD_ALIASES, STORAGE_STRATEGIES, Connector
from dataddo_emulator.errors import ApiError
from dataddo_emulator.schedule import DEFAULT_SCHEDULE, with_changes

SERVICE_FIELD = "oAuthId"

_TYPE_CHECKS = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string[]": lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
}


@dataclass(frozen=True)
class SourceForm:
    """What the emulator keeps of a valid payload, besides the payload itself."""

    template_id: str
    label: str
    description: str
    service_ref: object  # the raw oAuthId, checked against the customer's services later
    schedule: dict[str, Any]


def read(connector: Connector, body: Mapping[str, Any]) -> SourceForm:
    """The form in `body`, or a 400 listing every problem."""
    values, errors = _canonical(body)
    values = {**connector.defaults, **values}
    for name in connector.required:
        if name not in values:
            errors.setdefault(name, []).append("required")
    for name, value in values.items():
        if (reason := _problem(connector, name, value)) is not None:
            errors.setdefault(name, []).append(reason)
    if errors:
        message = "; ".join(f"{k}: {', '.join(v)}" for k, v in errors.items())
        raise ApiError(400, f"invalid {connector.id} source: {message}", errors)
    return SourceForm(
        template_id=values.get("templateId", connector.templates[0]),
        label=values.get("label", connector.label),
        description=values.get("description", ""),
        service_ref=values.get(SERVICE_FIELD),
        schedule=with_changes(DEFAULT_SCHEDULE, values),
    )


def _canonical(body: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The body under canonical names; two spellings of one field must agree."""
    values: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for key, value in body.items():
        name = FIELD_ALIASES.get(key, key)
        if name in values and values[name] != value:
            errors.setdefault(name, []).append(f"{key} disagrees with another spelling")
        values[name] = value
    return values, errors


def _problem(connector: Connector, name: str, value: Any) -> str | None:
    if name == SERVICE_FIELD:
        return _service_problem(connector, value)
    declared = connector.field_type(name)
    if declared is None:
        return None  # a connector field the catalog does not know: passed through
    type_name, nullable = declared.rstrip("?"), declared.endswith("?")
    if not (nullable and value is None) and not _TYPE_CHECKS[type_name](value):
        return f"must be {type_name}" + (" or null" if nullable else "")
    if name == "connectorId" and value != connector.id:
        return f"must be {connector.id!r}, the connector in the path"
    if name == "templateId" and value not in connector.templates:
        return f"one of {', '.join(connector.templates)}"
    if name == "storageStrategy" and value not in STORAGE_STRATEGIES:
        return f"one of {', '.join(sorted(STORAGE_STRATEGIES))}"
    return None


def _service_problem(connector: Connector, value: Any) -> str | None:
    if not connector.needs_service:
        return None if value is None else f"connector {connector.id} takes no service"
    numeric = isinstance(value, int) and not isinstance(value, bool)
    if not (numeric or (isinstance(value, str) and value.strip().isdecimal())):
        return "must be a service id (an integer or a numeric string)"
    return None
