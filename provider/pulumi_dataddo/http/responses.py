"""Parsing of API answers into small typed records; anything malformed raises MalformedResponse.

The API has varied across versions (NOTES.md), so parsing is tolerant where the contract says
so (service create answers, id types) and strict where the provider relies on a field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi_dataddo.http.errors import MalformedResponse

Json = dict[str, Any]
OBJECT_ID = re.compile(r"^[0-9a-f]{24}$")


@dataclass(frozen=True)
class Where:
    """The request an answer belongs to, for error messages."""

    method: str
    path: str

    def malformed(self, problem: str) -> MalformedResponse:
        return MalformedResponse(self.method, self.path, None, f"malformed answer: {problem}")


@dataclass(frozen=True)
class ServiceInfo:
    id: int
    service: str | None
    label: str | None
    last_action: float | None = None  # Unix seconds of the last change, so after the creation

    @property
    def existed_at(self) -> float | None:
        """A time (Unix seconds) by which the object existed: its creation or a later change.
        An object that existed before a create started was not made by that create."""
        return self.last_action


@dataclass(frozen=True)
class SourceInfo:
    id: str
    label: str | None
    connector_id: str | None
    template_id: str | None = None
    oauth_id: str | None = None
    schedule: Mapping[str, Any] | None = None
    status: str | None = None
    created: float | None = None

    @property
    def existed_at(self) -> float | None:
        return self.created if self.created is not None else id_time(self.id)


@dataclass(frozen=True)
class FlowInfo:
    id: str
    label: str | None
    sources: list[str] = field(default_factory=list)
    app: str | None = None
    api_id: str | None = None

    @property
    def existed_at(self) -> float | None:
        return id_time(self.id)


@dataclass(frozen=True)
class SourceStatus:
    status: str
    description: str


def id_time(object_id: str) -> float | None:
    """The creation second an ObjectId-like id starts with (its first 8 hex digits)."""
    return float(int(object_id[:8], 16)) if OBJECT_ID.match(object_id) else None


def _seconds(body: Json, key: str) -> float | None:
    """A Unix time field; anything else is None (used only to narrow a search, never needed)."""
    value = body.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def obj(where: Where, body: Any) -> Json:
    """`body` as a JSON object."""
    if not isinstance(body, dict):
        raise where.malformed(f"expected a JSON object, got {type(body).__name__}")
    return body


def objects(where: Where, body: Any) -> list[Json]:
    """`body` as a JSON array of objects."""
    if not isinstance(body, list) or not all(isinstance(item, dict) for item in body):
        raise where.malformed("expected a JSON array of objects")
    return body


def _str(where: Where, body: Json, key: str, *, required: bool = False) -> str | None:
    value = body.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise where.malformed(f"field {key!r} should be a string, got {value!r}")
    return str(value)


def _optional_object(where: Where, body: Json, key: str) -> Json | None:
    value = body.get(key)
    if value is not None and not isinstance(value, dict):
        raise where.malformed(f"field {key!r} should be an object or null, got {value!r}")
    return value


def _service_id(where: Where, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise where.malformed(f"service id should be an integer, got {value!r}")
    return int(value)


def created_service_id(where: Where, body: Any) -> int:
    """The id in any create-service answer: `{"id": 1000}`, `{"id": "1000"}`,
    `{"oAuthId": "1000"}` or a full service object."""
    body = obj(where, body)
    for key in ("id", "oAuthId"):
        if key in body:
            return _service_id(where, body[key])
    raise where.malformed("no id or oAuthId")


def service(where: Where, body: Any) -> ServiceInfo:
    body = obj(where, body)
    return ServiceInfo(
        id=_service_id(where, body.get("id")),
        service=_str(where, body, "service") or _str(where, body, "serviceName"),
        label=_str(where, body, "label"),
        last_action=_seconds(body, "last_action"),
    )


def source(where: Where, body: Any) -> SourceInfo:
    """A `Source` (create/update answers, list items) or a `SourceDTO` (detail)."""
    body = obj(where, body)
    schedule = _optional_object(where, body, "schedule")
    return SourceInfo(
        id=str(_str(where, body, "id", required=True)),
        label=_str(where, body, "label"),
        connector_id=_str(where, body, "connector_id") or _str(where, body, "type"),
        template_id=_str(where, body, "template_id"),
        oauth_id=_str(where, body, "o_auth_id") or _str(where, body, "oAuthId"),
        schedule=schedule,
        status=_str(where, body, "status"),
        created=_seconds(body, "created"),
    )


def flow(where: Where, body: Any) -> FlowInfo:
    body = obj(where, body)
    links = body.get("source") or []
    if not isinstance(links, list):
        raise where.malformed(f"field 'source' should be a list, got {links!r}")
    api = _optional_object(where, body, "api")
    return FlowInfo(
        id=str(_str(where, body, "id", required=True)),
        label=_str(where, body, "label"),
        sources=[str(_str(where, obj(where, link), "source_id", required=True)) for link in links],
        app=_str(where, api, "app") if api else None,
        api_id=_str(where, api, "id") if api else None,
    )


def source_status(where: Where, body: Any) -> SourceStatus:
    body = obj(where, body)
    return SourceStatus(
        status=str(_str(where, body, "status", required=True)),
        description=_str(where, body, "description") or "",
    )


def connector(where: Where, body: Any) -> dict[str, str]:
    """A `ConnectorListResponse` as a label and a value (its id)."""
    body = obj(where, body)
    return {
        "label": str(_str(where, body, "label") or ""),
        "value": str(_str(where, body, "id", required=True)),
    }


def label_values(where: Where, body: Any) -> list[dict[str, str]]:
    """`[{"label", "value"}]` answers of connector actions."""
    return [
        {
            "label": str(_str(where, item, "label") or ""),
            "value": str(_str(where, item, "value", required=True)),
        }
        for item in objects(where, body)
    ]
