"""Every request body the provider sends: the one place.

The create-source payload follows the seed (the docs' end-to-end example) exactly: common
fields, the connector's config verbatim, the schedule fields as strings, the fields the
Dataddo UI adds, then `strategy` (DECIDED, docs/design.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_dataddo.logic import schedule
from pulumi_dataddo.logic.values import integer_text, whole_numbers

Body = dict[str, Any]


def oauth_id(value: Any) -> int | str:
    """A service id as the API wants it in payloads: an integer when numeric (as the seed)."""
    text = integer_text(value)
    return int(text) if text is not None else str(value)


def create_service(service: str, config: Mapping[str, Any], label: str | None) -> Body:
    """`POST /services` with the spec's current (non-deprecated) field names."""
    body: Body = {"serviceName": service, "config": whole_numbers(dict(config))}
    if label is not None:
        body["label"] = label
    return body


def update_service(label: str | None, config: Mapping[str, Any] | None) -> Body:
    """`PUT /services/{id}`: the fields to change (a config is merged over the stored one)."""
    body: Body = {}
    if label is not None:
        body["label"] = label
    if config is not None:
        body["config"] = whole_numbers(dict(config))
    return body


def create_source(
    *,
    connector_id: str,
    template_id: str,
    label: str,
    oauth: Any = None,
    config: Mapping[str, Any] | None = None,
    schedule_fields: Mapping[str, Any] | None = None,
    strategy: str | None = None,
) -> Body:
    """`POST /connectors/{connector_id}/create-source`; for the seed's program, the seed's body."""
    body: Body = {"connectorId": connector_id, "templateId": template_id}
    if oauth is not None:
        body["oAuthId"] = oauth_id(oauth)
    body["label"] = label
    body.update(whole_numbers(dict(config or {})))
    body.update(schedule.create_fields(schedule_fields))
    # Fields the Dataddo UI sends with every source (seed), unless the config sets them.
    ui_fields: Body = {"search": "", "request": None, "type": connector_id}
    if "dateRange" in body:
        ui_fields = {"dateRangePreview": body["dateRange"], **ui_fields}
    for key, value in ui_fields.items():
        body.setdefault(key, value)
    if strategy is not None:
        body["strategy"] = strategy
    return body


def update_source(label: str) -> Body:
    """`PUT /sources/{id}`: the basic information the provider manages."""
    return {"label": label}


def create_flow(sources: list[str], app: str | None, label: str | None) -> Body:
    """`POST /flows` in the seed's shape."""
    body: Body = {"sources": list(sources)}
    if app is not None:
        body["app"] = app
    if label is not None:
        body["label"] = label
    return body


def update_flow(sources: list[str] | None, label: str | None) -> Body:
    """`PUT /flows/{id}`: the fields to change (the app cannot change)."""
    body: Body = {}
    if label is not None:
        body["label"] = label
    if sources is not None:
        body["sources"] = list(sources)
    return body


def connector_action(oauth: Any, **fields: Any) -> Body:
    """`POST /connectors/{id}/actions/{action}`: the authorizer and the action's parameters."""
    return {"oAuthId": oauth_id(oauth), **{k: v for k, v in fields.items() if v is not None}}
