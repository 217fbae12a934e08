"""Reading a create-source body against its connector's form, and a storage body against its
destination type's (both from the generated catalog).

The form's required fields and field types are checked; connector fields the form does not
name pass through (they are kept as the source's metadata). A form takes its own casing only:
`connectorId`, `templateId`, `oAuthId`, `storageStrategy` (alias `strategy`) on the camelCase
forms, `connector_id`, `template_id`, `o_auth_id`, `storage_strategy` on the snake_case ones.
Every problem is reported at once, each under its field.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dataddo_emulator.catalog import (
    NAMES,
    STORAGE_STRATEGIES,
    STRATEGY_ALIAS,
    TEMPLATE,
    Connector,
    Destination,
    Form,
)
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


@dataclass(frozen=True)
class DestinationForm:
    """A valid storage form: what was given of the label and the service."""

    label: str | None
    service_id: int | None  # checked against the customer's services by the caller


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
    mistyped = _field_errors(connector, values)
    for name, reasons in mistyped.items():
        errors.setdefault(name, []).extend(reasons)
    for name, value in values.items():
        if name not in mistyped and (reason := _value_problem(connector, name, value)) is not None:
            errors.setdefault(name, []).append(reason)
    _refuse(f"{connector.id} source", errors)
    return SourceForm(
        label=values.get("label", connector.label),  # DECIDED: else the connector's name
        service_id=service_id(values.get(names.service)) if connector.takes_service else None,
        schedule=with_changes(DEFAULT_SCHEDULE, values),
    )


def read_destination(destination: Destination, body: Mapping[str, Any]) -> DestinationForm:
    """The storage form in `body` (a create's, or an update's: the same parameters, DECIDED),
    or a 400 listing every problem. Fields the form does not name pass through."""
    if "label" in body:
        check_label(body["label"])
    errors = _field_errors(destination, body)
    kind = body.get("type")  # the spec's deprecated discriminator
    if isinstance(kind, str) and kind != destination.id:
        errors["type"] = [f"must be {destination.id!r}, the destination's type"]
    camel = NAMES["camel"].service  # DECIDED: refused, as on the snake_case source forms
    if camel in body:
        errors[camel] = [f"not a field of this form; use {destination.names.service}"]
    _refuse(f"{destination.id} destination", errors)
    return DestinationForm(body.get("label"), service_id(body.get(destination.names.service)))


def _refuse(what: str, errors: Mapping[str, list[str]]) -> None:
    """The one 400 of an invalid form, naming every problem."""
    if errors:
        message = "; ".join(f"{k}: {', '.join(v)}" for k, v in errors.items())
        raise ApiError(400, f"invalid {what}: {message}", errors)


def _field_errors(form: Form, values: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each required field missing, each value not of its declared type (the service id as the
    form types it); fields the form does not type pass through."""
    errors = {name: ["required"] for name in sorted(form.required - set(values))}
    for name, value in values.items():
        if name == form.names.service and form.takes_service:
            reason = _service_problem(form, value)
        else:
            declared = form.fields.get(name, "any")
            fits = declared.startswith("any") or typed(declared, value)
            reason = None if fits else f"must be {_words(declared)}"
        if reason is not None:
            errors.setdefault(name, []).append(reason)
    return errors


def _words(declared: str) -> str:
    return declared.replace("?", " or null").replace("[]", " list")


def _value_problem(connector: Connector, name: str, value: Any) -> str | None:
    """What is wrong with the value of a common field of the right type."""
    names = connector.names
    if connector.fields.get(name, "any").startswith("any"):
        return None  # a field the form does not type: passed through
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


def typed(declared: str, value: Any) -> bool:
    """Whether `value` is of a type in the catalog's notation (`string`, `integer[]`, `object?`)."""
    kind, nullable = declared.rstrip("?"), declared.endswith("?")
    if value is None:
        return nullable
    if kind.endswith("[]"):
        return isinstance(value, list) and all(typed(kind[:-2], item) for item in value)
    numeric = kind in ("integer", "number")
    return isinstance(value, _TYPES[kind]) and not (numeric and isinstance(value, bool))


def _service_problem(form: Form, value: Any) -> str | None:
    """The service id: an integer on the snake_case forms; on the camelCase ones the spec's
    string of digits, or an integer as the docs send it. Null where the form allows it."""
    if value is None:
        nullable = form.fields.get(form.names.service, "").endswith("?")
        return None if nullable else "must be a service id"
    text_allowed = form.casing == "camel"  # the spec types `oAuthId` a string
    if (text_allowed or not isinstance(value, str)) and service_id(value) is not None:
        return None
    shape = "a string of digits or an integer" if text_allowed else "an integer"
    return f"must be a service id ({shape})"
