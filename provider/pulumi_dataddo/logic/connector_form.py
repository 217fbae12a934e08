"""A Source's connector and config checked against the connector's published form, and the
names each form gives the fields the Source's own arguments set.

Forms come in two casings (the spec's): camelCase `*ConnectorForm`s (`connectorId`, `oAuthId`
as a string, the seed's `strategy` for `storageStrategy`) and snake_case DTOs such as `MysqlDto`
(`connector_id`, `o_auth_id` as an integer, `storage_strategy`). What the catalog does not know
(a connector, a config key) is a warning: the spec may lag the live API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pulumi_dataddo.fields import schedule
from pulumi_dataddo.fields.source import SOURCE
from pulumi_dataddo.fields.validation import Validator
from pulumi_dataddo.fields.values import did_you_mean, is_unknown, kind
from pulumi_dataddo.logic import catalog


@dataclass(frozen=True)
class Names:
    """The payload names of the Source's own arguments in one casing (each argument's
    `Field.form` in fields/source.py)."""

    snake: bool
    # The spec types `oAuthId` a string and `o_auth_id` an integer.
    oauth_id_is_text: bool
    # The form's own name of the storage strategy (the `strategy` argument, or config).
    storage_strategy: str
    # Whether the schedule travels in the create body (the seed does) or is put afterwards.
    schedule_in_body: bool
    # Fields the Dataddo UI adds to every create body (the seed's), unless config sets them.
    ui_fields: tuple[str, ...]

    def of(self, argument: str) -> str:
        """The payload name of a Source argument that sets a form field."""
        form = SOURCE.field(argument).form
        if form is None:
            raise ValueError(f"Source argument {argument} sets no form field")
        return form.snake if self.snake else form.camel

    @property
    def connector_id(self) -> str:
        return self.of("connector_id")

    @property
    def oauth_id(self) -> str:
        return self.of("oauth_id")

    @property
    def label(self) -> str:
        return self.of("label")

    def arguments(self) -> dict[str, str]:
        """Payload field -> the Source argument that sets it."""
        fields = {self.of(f.name): f.name for f in FORM_ARGUMENTS}
        if self.schedule_in_body:
            fields.update({name: "schedule" for name in schedule.FIELDS})
        return fields


# The Source arguments that set a form field, as they are.
FORM_ARGUMENTS = tuple(f for f in SOURCE.inputs if f.form is not None)
CAMEL = Names(
    snake=False,
    oauth_id_is_text=True,
    storage_strategy="storageStrategy",
    schedule_in_body=True,
    ui_fields=("dateRangePreview", "search", "request", "type"),
)
SNAKE = Names(
    snake=True,
    oauth_id_is_text=False,
    storage_strategy="storage_strategy",
    schedule_in_body=False,
    ui_fields=(),
)
JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "array": (list,),
    "integer": (int, float),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
}


def names(connector_id: str) -> Names:
    """The payload names of a connector's form (camelCase, the seed's, when it is unknown)."""
    form = catalog.connector_form(connector_id)
    return SNAKE if form is not None and form.casing == catalog.SNAKE else CAMEL


def connector_warnings(connector_id: Any) -> list[str]:
    """A warning, with suggestions, for a connector the published catalog does not know."""
    if not isinstance(connector_id, str) or is_unknown(connector_id):
        return []
    known = catalog.connector_ids()
    if connector_id in known:
        return []
    return [
        f"connector_id: {connector_id!r} is not in the published catalog"
        f"{did_you_mean(connector_id, known)}; the API decides whether it exists"
    ]


def check_config(
    v: Validator,
    connector_id: str,
    config: dict[str, Any],
    strategy: Any = None,
    *,
    service_declared: bool = True,
) -> list[str]:
    """Failures for the form's required fields (the Service among them) and types; warnings
    for unknown keys."""
    form = catalog.connector_form(connector_id)
    payload = names(connector_id)
    for key, argument in payload.arguments().items():
        if key in config and not (argument == "strategy" and key == payload.storage_strategy):
            v.fail(f"config.{key}", f"is set by the Source argument {argument}, not in config")
    if form is None:
        return []
    if payload.storage_strategy in config and strategy is not None:
        v.fail(f"config.{payload.storage_strategy}", "is set by the Source argument strategy")
    required_strategy = payload.storage_strategy in form.required
    if required_strategy and strategy is None and payload.storage_strategy not in config:
        v.fail("strategy", f"is required by connector {connector_id} (e.g. incremental)")
    if payload.oauth_id in form.required and not service_declared:
        v.fail("oauth_id", f"is required by connector {connector_id} (the Service's id)")
    for key in sorted(form.required - config.keys() - {payload.storage_strategy, payload.oauth_id}):
        v.fail(f"config.{key}", f"is required by connector {connector_id}")
    for key, value in config.items():
        _check_type(v, connector_id, form, key, value)
    allowed = form.fields | set(payload.ui_fields)
    return [
        f"config.{key}: connector {connector_id}'s published form has no such field"
        f"{did_you_mean(key, allowed)}; it is sent as is"
        for key in sorted(config.keys() - allowed - payload.arguments().keys())
    ]


def _check_type(
    v: Validator, connector_id: str, form: catalog.ConnectorForm, key: str, value: Any
) -> None:
    expected = form.types.get(key)
    if expected is None or value is None or is_unknown(value):
        return
    allowed = JSON_TYPES.get(expected, (object,))
    wrong_bool = isinstance(value, bool) and bool not in allowed
    if not isinstance(value, allowed) or wrong_bool:
        v.fail(
            f"config.{key}", f"must be {expected} for connector {connector_id}, got {kind(value)}"
        )
    elif expected == "integer" and isinstance(value, float) and not value.is_integer():
        v.fail(f"config.{key}", f"must be a whole number, {v.got(value)}")
    elif expected == "array" and key in form.required and not value:
        v.fail(f"config.{key}", f"must list at least one value for connector {connector_id}")
