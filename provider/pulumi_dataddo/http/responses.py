"""API answers parsed into small typed records; anything malformed raises MalformedResponse.

Each parser reads only what the published spec promises for the operation it parses (the
schema is named in its docstring; docs/design.md has the table of every field read). Parsing is
tolerant where the API is known to vary (the create-service answer, number types) and strict
where the provider relies on a field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi_dataddo.http.errors import MalformedResponse

Json = dict[str, Any]
# Times above this many seconds are taken as milliseconds (the spec types them `integer` and
# names no unit): 1e11 seconds is the year 5138, 1e11 milliseconds is 1973.
MILLISECONDS_ABOVE = 1e11


@dataclass(frozen=True)
class Where:
    """The request an answer belongs to, for error messages."""

    method: str
    path: str

    def malformed(self, problem: str) -> MalformedResponse:
        return MalformedResponse(self.method, self.path, None, f"malformed answer: {problem}")


@dataclass(frozen=True)
class ServiceInfo:
    """A `ServiceListResponse` (`GET /services` items)."""

    id: int
    service: str | None
    label: str | None
    # Unix seconds of the service's last change (so at or after its creation).
    last_action: float | None = None


@dataclass(frozen=True)
class SourceInfo:
    """A `Source` (create-source, `GET /sources`, `PUT /sources/{id}`) or a `SourceDTO`
    (`GET /sources/{id}`; only it carries `connector_id` and `template_id`)."""

    id: str
    label: str | None
    connector_id: str | None = None
    template_id: str | None = None
    created: float | None = None


@dataclass(frozen=True)
class FlowInfo:
    """A `Flow`: its sources, the `api` endpoint of a dashboard app, the `write_action` into a
    destination."""

    id: str
    label: str | None
    sources: list[str] = field(default_factory=list)
    app: str | None = None
    api_id: str | None = None
    destination_id: str | None = None
    write_mode: str | None = None
    unique_columns: list[str] | None = None


@dataclass(frozen=True)
class DestinationInfo:
    """A `Destination` (the typed create answers `*Destination`; NOTES.md: the same schema for
    `GET /destinations`, `GET|PUT /destinations/{id}`)."""

    id: str
    label: str | None
    status: bool | None = None
    status_detail: str | None = None
    created: float | None = None


@dataclass(frozen=True)
class SourceStatus:
    """An `ActionCurrentState` (`GET /sources/{id}/status`)."""

    status: str
    description: str


def seconds(value: Any) -> float | None:
    """A Unix time the API sent as an integer, in seconds (milliseconds are converted)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value / 1000 if value > MILLISECONDS_ABOVE else float(value)


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


def _str(where: Where, body: Mapping[str, Any], key: str, *, required: bool = False) -> str | None:
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
    text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else ""
    if not (text.isascii() and text.isdigit()):
        raise where.malformed(f"service id should be an integer, got {value!r}")
    return int(text)


def created_service_id(where: Where, body: Any) -> int:
    """The id in a create-service answer (untyped in the spec): `{"id": 1000}` (seed),
    `{"id": "1234"}` or `{"oAuthId": "1234"}` (docs), or a typed `*UserAuth`."""
    body = obj(where, body)
    for key in ("id", "oAuthId"):
        if key in body:
            return _service_id(where, body[key])
    raise where.malformed("no id or oAuthId")


def service(where: Where, body: Any) -> ServiceInfo:
    """A `ServiceListResponse`."""
    body = obj(where, body)
    return ServiceInfo(
        id=_service_id(where, body.get("id")),
        service=_str(where, body, "service"),
        label=_str(where, body, "label"),
        last_action=seconds(body.get("last_action")),
    )


def source(where: Where, body: Any) -> SourceInfo:
    """A `Source` or a `SourceDTO`."""
    body = obj(where, body)
    return SourceInfo(
        id=str(_str(where, body, "id", required=True)),
        label=_str(where, body, "label"),
        connector_id=_str(where, body, "connector_id"),
        template_id=_str(where, body, "template_id"),
        created=seconds(body.get("created")),
    )


def schedule(where: Where, body: Any) -> dict[str, str]:
    """A `Schedule` (snake_case cron fields; values as text, unset ones left out)."""
    body = obj(where, body)
    return {key: str(value) for key, value in body.items() if value is not None}


def metadata(where: Where, body: Any) -> Json:
    """The parameters a source was created with (`GET /sources/{id}/metadata`)."""
    return obj(where, body)


def flow(where: Where, body: Any) -> FlowInfo:
    """A `Flow`."""
    body = obj(where, body)
    links = body.get("source") or []
    if not isinstance(links, list):
        raise where.malformed(f"field 'source' should be a list, got {links!r}")
    api = _optional_object(where, body, "api") or {}
    write = _optional_object(where, body, "write_action") or {}
    columns = write.get("unique_columns")
    if columns is not None and not isinstance(columns, list):
        raise where.malformed(f"field 'unique_columns' should be a list, got {columns!r}")
    return FlowInfo(
        id=str(_str(where, body, "id", required=True)),
        label=_str(where, body, "label"),
        sources=[str(_str(where, obj(where, link), "source_id", required=True)) for link in links],
        app=_str(where, api, "app"),
        api_id=_str(where, api, "id"),
        destination_id=_str(where, write, "object_id"),
        write_mode=_str(where, write, "write_mode"),
        unique_columns=None if columns is None else [str(c) for c in columns],
    )


def destination(where: Where, body: Any) -> DestinationInfo:
    """A `Destination`."""
    body = obj(where, body)
    status = body.get("status")
    if status is not None and not isinstance(status, bool):
        raise where.malformed(f"field 'status' should be a boolean, got {status!r}")
    return DestinationInfo(
        id=str(_str(where, body, "id", required=True)),
        label=_str(where, body, "label"),
        status=status,
        status_detail=_str(where, body, "statusDetail"),
        created=seconds(body.get("created_at")),
    )


def source_status(where: Where, body: Any) -> SourceStatus:
    """An `ActionCurrentState`."""
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
    """A `LabelValueResponse`: `[{"label", "value"}]` answers of connector actions."""
    return [
        {
            "label": str(_str(where, item, "label") or ""),
            "value": str(_str(where, item, "value", required=True)),
        }
        for item in objects(where, body)
    ]
