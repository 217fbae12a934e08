"""Every request body the provider sends: the one place.

The create-source payload follows the connector form's casing (`connector_form.Names`); for
the seed's program it is the seed's body, `oAuthId` quoted as the spec types it (DECIDED,
docs/design.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pulumi_dataddo.fields.values import integer_text, whole_numbers
from pulumi_dataddo.logic import schedule
from pulumi_dataddo.logic.connector_form import FORM_ARGUMENTS, Names

Body = dict[str, Any]


def service_config(config: Mapping[str, Any], label: str | None) -> Body:
    """A service's config as the spec's `*DtoAuthorizer` forms carry it: `label` inside."""
    body: Body = whole_numbers(dict(config))
    if label is not None:
        body["label"] = label
    return body


def create_service(service: str, config: Mapping[str, Any], label: str | None) -> Body:
    """`POST /services`: the spec's `CreateServiceRequest` (no top-level label)."""
    return {"serviceName": service, "config": service_config(config, label)}


def update_service(config: Mapping[str, Any], label: str | None) -> Body:
    """`PUT /services/{id}` (untyped in the spec, DECIDED): the whole declared config, label
    inside, so that the answer is the same whether the API merges or replaces it."""
    return {"config": service_config(config, label)}


def create_source(names: Names, inputs: Mapping[str, Any]) -> Body:
    """`POST /connectors/{connector_id}/create-source` in the form's casing: the config, the
    arguments that set form fields, the schedule where the body carries it, the UI's fields."""
    body: Body = whole_numbers(dict(inputs.get("config") or {}))
    for argument in FORM_ARGUMENTS:
        value = inputs.get(argument.name)
        if value is not None:
            body[names.of(argument.name)] = value
    oauth = inputs.get("oauth_id")
    if oauth is not None:
        text = integer_text(oauth) or str(oauth)
        body[names.oauth_id] = text if names.oauth_id_is_text else int(text)
    if names.schedule_in_body:
        body.update(schedule.create_fields(inputs.get("schedule")))
    for key, value in _ui_fields(names, inputs["connector_id"], body).items():
        body.setdefault(key, value)
    return body


def _ui_fields(names: Names, connector_id: str, body: Mapping[str, Any]) -> Body:
    """The fields Dataddo's UI adds to a create body (the seed's), with their values."""
    values: Body = {"search": "", "request": None, "type": connector_id}
    if "dateRange" in body:
        values["dateRangePreview"] = body["dateRange"]
    return {key: values[key] for key in names.ui_fields if key in values}


def source_arguments(names: Names, connector_id: str, body: Mapping[str, Any]) -> Body:
    """The Source arguments a create-source `body` was made from (`create_source` read
    backwards, for import): those that set form fields and the connector's own (`config`).
    The schedule is left out (its own path tells the current one), and so are the UI's fields
    where they hold what `create_source` puts there."""
    own = names.arguments()
    ui_fields = _ui_fields(names, connector_id, body)
    config = {
        key: value
        for key, value in body.items()
        if key not in own and not (key in ui_fields and ui_fields[key] == value)
    }
    arguments: Body = {f.name: body.get(names.of(f.name)) for f in FORM_ARGUMENTS}
    oauth = arguments["oauth_id"]
    arguments["oauth_id"] = None if oauth is None else integer_text(oauth) or str(oauth)
    return {**arguments, "config": config or None}


def destination(label: str, oauth: Any, config: Mapping[str, Any] | None) -> Body:
    """`POST /destinations/{type}` (a `*StorageRequest`: `label`, `o_auth_id` an integer, the
    type's fields) and, DECIDED, `PUT /destinations/{id}` (untyped: the same parameters)."""
    body: Body = {"label": label}
    if oauth is not None:
        body["o_auth_id"] = int(integer_text(oauth) or oauth)
    body.update(whole_numbers(dict(config or {})))
    return body


def write_settings(write_mode: str | None, unique_columns: Sequence[str] | None) -> Body:
    """`PUT /flows/{id}/write/settings` (`WriteActionSettingsRequest`): what is declared."""
    body: Body = {}
    if write_mode is not None:
        body["write_mode"] = write_mode
    if unique_columns is not None:
        body["unique_columns"] = list(unique_columns)
    return body


def update_source(label: str) -> Body:
    """`PUT /sources/{id}`: the basic information the provider manages."""
    return {"label": label}


def create_flow(
    sources: Sequence[str], app: str | None, label: str | None, destination_id: str | None = None
) -> Body:
    """`POST /flows` in the seed's shape (untyped in the spec; the docs' example); a destination
    named `destinationId` (DECIDED: as the spec's destination actions name one)."""
    body: Body = {"sources": list(sources)}
    if app is not None:
        body["app"] = app
    if label is not None:
        body["label"] = label
    if destination_id is not None:
        body["destinationId"] = destination_id
    return body


def update_flow(sources: Sequence[str] | None, label: str | None) -> Body:
    """`PUT /flows/{id}` with the names of the spec's `Flow` (`source: [{source_id}]`)."""
    body: Body = {}
    if label is not None:
        body["label"] = label
    if sources is not None:
        body["source"] = [{"source_id": source_id} for source_id in sources]
    return body


def connector_action(oauth: Any, **fields: Any) -> Body:
    """`POST /connectors/{id}/actions/{action}`: the authorizer (a string, as the spec types it)
    and the action's parameters."""
    text = integer_text(oauth) or str(oauth)
    return {"oAuthId": text, **{k: v for k, v in fields.items() if v is not None}}
