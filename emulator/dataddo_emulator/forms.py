"""Reading a create-source body against its connector's form (from the generated catalog).

The form's required fields and field types are checked; connector fields the form does not
name pass through (they are kept as the source's metadata). A form takes its own casing only:
`connectorId`, `templateId`, `oAuthId`, `storageStrategy` (alias `strategy`) on the camelCase
forms, `connector_id`, `template_id`, `o_auth_id`, `storage_strategy` on the snake_case ones.
Every problem is reported at once, each under its field.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dataddo_emulator.catalog import NAMES, STORAGE_STRATEGIES, STRATEGY_ALIAS, TEMPLATE, Connector
from dataddo_emulator.errors import ApiError, check_label
from dataddo_emulator.ids import service_id
from dataddo_emulator.schedule import DEFAULT_SCHEDULE, with_changes

_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "object": dict,
    "array": list,
}


@dataclass(frozen=True)
class SourceForm:
    """What the emulator keeps of a valid body, besides the body itself."""

    label: str
    service_id: int | None  # checked against the customer's services by the caller
    schedule: dict[str, Any]


def read(connector: Connector, body: Mapping[str, Any]) -> SourceForm:
    """The form in `body`, or a 400 listing every problem."""
    names = connector.names
    if "label" in body:
        check_label(body["label"])
    values = dict(body)
    errors: dict[str, list[str]] = {}
    if connector.casing == "camel" and STRATEGY_ALIAS in values:
        alias = values.pop(STRATEGY_ALIAS)
        if values.setdefault(names.strategy, alias) != alias:
            errors[names.strategy] = [f"disagrees with {STRATEGY_ALIAS}"]
    for name, ours in _foreign_names(connector).items():
        if name in values:
            errors.setdefault(name, []).append(f"not a field of this form; use {ours}")
    for name in sorted(connector.required - set(values)):
        errors.setdefault(name, []).append("required")
    for name, value in values.items():
        if (reason := _problem(connector, name, value)) is not None:
            errors.setdefault(name, []).append(reason)
    if errors:
        message = "; ".join(f"{k}: {', '.join(v)}" for k, v in errors.items())
        raise ApiError(400, f"invalid {connector.id} source: {message}", errors)
    return SourceForm(
        label=values.get("label", connector.label),  # DECIDED: else the connector's name
        service_id=service_id(values.get(names.service)) if connector.takes_service else None,
        schedule=with_changes(DEFAULT_SCHEDULE, values),
    )


def _problem(connector: Connector, name: str, value: Any) -> str | None:
    names = connector.names
    if name == names.service and connector.takes_service:
        return _service_problem(connector, value)
    declared = connector.fields.get(name)
    if declared is None or declared.startswith("any"):
        return None  # a field the form does not type: passed through
    if not _typed(declared, value):
        return f"must be {declared.replace('?', ' or null').replace('[]', ' list')}"
    if name == names.connector and value != connector.id:
        return f"must be {connector.id!r}, the connector in the path"
    if name == names.template and value != TEMPLATE:
        return f"must be {TEMPLATE!r}"
    if name == names.strategy and value not in STORAGE_STRATEGIES:
        return f"one of {', '.join(STORAGE_STRATEGIES)}"
    return None


def _foreign_names(connector: Connector) -> dict[str, str]:
    """DECIDED: the common fields in the other casing are refused, not passed through (no spec,
    doc or seed shows them): {foreign name: this form's name}."""
    names = connector.names
    other = NAMES["snake" if connector.casing == "camel" else "camel"]
    foreign = dict(zip(vars(other).values(), vars(names).values(), strict=True))
    if connector.casing == "snake":
        foreign[STRATEGY_ALIAS] = names.strategy
    return {name: ours for name, ours in foreign.items() if name not in connector.fields}


def _typed(declared: str, value: Any) -> bool:
    kind, nullable = declared.rstrip("?"), declared.endswith("?")
    if value is None:
        return nullable
    if kind.endswith("[]"):
        return isinstance(value, list) and all(_typed(kind[:-2], item) for item in value)
    numeric = kind in ("integer", "number")
    return isinstance(value, _TYPES[kind]) and not (numeric and isinstance(value, bool))


def _service_problem(connector: Connector, value: Any) -> str | None:
    """The service id: an integer on the snake_case forms; on the camelCase ones the spec's
    string of digits, or an integer as the docs send it. Null where the form allows it."""
    if value is None:
        nullable = connector.fields.get(connector.names.service, "").endswith("?")
        return None if nullable else "must be a service id"
    text_allowed = connector.casing == "camel"  # the spec types `oAuthId` a string
    if (text_allowed or not isinstance(value, str)) and service_id(value) is not None:
        return None
    shape = "a string of digits or an integer" if connector.casing == "camel" else "an integer"
    return f"must be a service id ({shape})"
