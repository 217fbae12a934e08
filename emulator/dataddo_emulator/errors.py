"""The error format (DECIDED): `{"message": str, "errors": {field: [reason, ...]}}`.

Handlers turn every failure, FastAPI's own validation errors and unknown routes included, into
that shape; validation errors are 400, not FastAPI's 422.
"""

import unicodedata
from collections.abc import Mapping, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

FieldErrors = Mapping[str, Sequence[str]]


class ApiError(Exception):
    """An error answered to the client as is."""

    def __init__(
        self,
        status: int,
        message: str,
        errors: FieldErrors | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = {k: list(v) for k, v in (errors or {}).items()}
        self.headers = dict(headers or {})


def bad_request(field: str, reason: str) -> ApiError:
    return ApiError(400, f"{field}: {reason}", {field: [reason]})


def not_found(kind: str, object_id: object) -> ApiError:
    return ApiError(404, f"{kind} {object_id} not found")


def in_use(kind: str, object_id: object, users: Mapping[str, Sequence[str]]) -> ApiError:
    """The 409 of deleting an object others use (DECIDED), naming each of them (`users`: their
    ids by kind)."""
    named = "; ".join(f"{user_kind}s {', '.join(ids)}" for user_kind, ids in users.items())
    reasons = [f"used by {user_kind} {user}" for user_kind, ids in users.items() for user in ids]
    return ApiError(409, f"{kind} {object_id} is used by {named}", {"id": reasons})


def check_label(value: object) -> str:
    """A label given to a create or an update: a string that shows something (more than white
    space and invisible format characters), else the one 400 all of them answer."""
    if not isinstance(value, str) or is_blank(value):
        raise bad_request("label", "must be a non-blank string")
    return value


def is_blank(text: str) -> bool:
    """Whether `text` shows nothing: only white space, format characters (a zero-width space, a
    direction mark), combining marks with nothing to combine with, and the characters that are
    drawn as blank (Hangul fillers, the blank braille pattern), none of which `str.strip`
    removes."""
    return all(
        ch.isspace() or ch in BLANK_LOOKING or unicodedata.category(ch) in INVISIBLE for ch in text
    )


# Format characters and combining marks (they show only on a visible character).
INVISIBLE = frozenset({"Cf", "Mn", "Me"})
BLANK_LOOKING = frozenset("\u115f\u1160\u2800\u3164\uffa0")


def unauthorized(message: str) -> ApiError:
    return ApiError(401, message, headers={"WWW-Authenticate": "Bearer"})


def error_response(
    status: int,
    message: str,
    errors: FieldErrors | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = {"message": message, "errors": {k: list(v) for k, v in (errors or {}).items()}}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def install_handlers(app: FastAPI) -> None:
    """Answer every failure in the error format."""

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.errors, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors():
            # loc is ("body", "sources", 0) or ("path", "id"): drop the part name
            field = ".".join(str(part) for part in error["loc"][1:]) or str(error["loc"][0])
            errors.setdefault(field, []).append(str(error["msg"]))
        message = "; ".join(f"{field}: {', '.join(reasons)}" for field, reasons in errors.items())
        return error_response(400, message or "invalid request", errors)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail), headers=exc.headers or {})

    @app.exception_handler(UnicodeError)
    async def unicode_error(_: Request, exc: UnicodeError) -> JSONResponse:
        # a lone surrogate in a JSON string cannot be stored: bad input, not a crash
        return error_response(400, f"invalid text: {exc}")

    @app.exception_handler(Exception)
    async def internal_error(_: Request, __: Exception) -> JSONResponse:
        # Starlette re-raises after answering, so the server logs the traceback
        return error_response(500, "internal error")
