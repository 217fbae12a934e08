# ruff: noqa: N818 -- the class names are the documented API (Unauthorized, NotFound, ...).
"""The error mapping: HTTP status -> `ApiError` subclass, with messages free of secrets.

Messages read `"<METHOD> <path>: <status> <message> (field: reasons)"`. The body shape is the
contract's `{"message": str, "errors": {field: [reason, ...]}}`; FastAPI's `{"detail": ...}` and
plain text are understood too, so that any answer becomes a readable error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pulumi_dataddo import redaction
from pulumi_dataddo.errors import DataddoError

MAX_TEXT = 300


class ApiError(DataddoError):
    """A request to the Dataddo API failed."""

    def __init__(
        self,
        method: str,
        path: str,
        status: int | None,
        message: str,
        fields: Mapping[str, list[str]] | None = None,
    ) -> None:
        self.method = method
        self.path = path
        self.status = status
        self.fields = dict(fields or {})
        self.detail = redaction.redact(message)
        super().__init__(redaction.redact(self._format()))

    def _format(self) -> str:
        status = "" if self.status is None else f"{self.status} "
        text = f"{self.method} {self.path}: {status}{self.detail}".rstrip()
        if self.fields:
            reasons = "; ".join(f"{k}: {', '.join(v)}" for k, v in self.fields.items())
            text += f" ({reasons})"
        return text


class BadRequest(ApiError):
    """400 (and other 4xx without a class of their own): the request was refused as invalid."""


class Unauthorized(ApiError):
    """401: the credentials or the token were refused."""


class NotFound(ApiError):
    """404: no such object in this account."""


class Conflict(ApiError):
    """409: the object is in use (the message names the users)."""


class RateLimited(ApiError):
    """429 after all retries."""


class ServerError(ApiError):
    """5xx after all retries (for a create: it may or may not have happened)."""


class TransportError(ApiError):
    """The request was sent but no answer came: a timeout or a dropped connection (for a
    create: ambiguous)."""


class NotSent(ApiError):
    """No connection could be made, so the request was never sent (nothing happened)."""


class MalformedResponse(ApiError):
    """The answer was not JSON or lacked the fields the contract promises."""


class LoginRefused(Unauthorized):
    """Logging in was refused: the email, password or access token is wrong."""


class LoginUnavailable(ApiError):
    """Logging in failed without a refusal (5xx, no answer, a malformed or unexpected answer),
    so the request itself was never sent."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Unauthorized,
    404: NotFound,
    409: Conflict,
    429: RateLimited,
}


def error_class(status: int) -> type[ApiError]:
    """The `ApiError` subclass for an HTTP error status."""
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, BadRequest)


def from_body(method: str, path: str, status: int, body: bytes | str) -> ApiError:
    """The error for an HTTP error answer, its message and field reasons taken from the body."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    message, fields = _parse_body(text)
    return error_class(status)(method, path, status, message, fields)


def _parse_body(text: str) -> tuple[str, dict[str, list[str]]]:
    try:
        body: Any = json.loads(text)
    except ValueError:
        return text.strip()[:MAX_TEXT], {}
    if not isinstance(body, dict):
        return str(body)[:MAX_TEXT], {}
    message = body.get("message")
    detail = body.get("detail")
    fields = _fields(body.get("errors"))
    if isinstance(detail, list):  # FastAPI validation errors
        fields.update(_fastapi_fields(detail))
    elif message is None and detail is not None:
        message = detail
    return str(message if message is not None else "")[:MAX_TEXT], fields


def _fields(errors: Any) -> dict[str, list[str]]:
    if not isinstance(errors, dict):
        return {}
    return {
        str(k): [str(r) for r in v] if isinstance(v, list) else [str(v)] for k, v in errors.items()
    }


def _fastapi_fields(detail: list[Any]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for item in detail:
        if isinstance(item, dict):
            location = ".".join(str(p) for p in item.get("loc", []) if p != "body") or "body"
            fields.setdefault(location, []).append(str(item.get("msg", item)))
    return fields
