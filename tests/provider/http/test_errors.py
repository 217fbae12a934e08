"""Error mapping: status -> ApiError subclass, message format, bodies of every shape."""

from __future__ import annotations

import pytest

from pulumi_dataddo import redaction
from pulumi_dataddo.http import errors


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequest),
        (401, errors.Unauthorized),
        (403, errors.Unauthorized),
        (404, errors.NotFound),
        (409, errors.Conflict),
        (422, errors.BadRequest),
        (429, errors.RateLimited),
        (500, errors.ServerError),
        (503, errors.ServerError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[errors.ApiError]) -> None:
    error = errors.from_body("GET", "/sources/x", status, b"{}")
    assert type(error) is cls
    assert isinstance(error, errors.ApiError)
    assert error.status == status


def test_contract_body_gives_message_and_field_reasons() -> None:
    body = b'{"message": "invalid source", "errors": {"metrics": ["required", "non-empty"]}}'
    error = errors.from_body("POST", "/connectors/snapchat/create-source", 400, body)
    assert str(error) == (
        "POST /connectors/snapchat/create-source: 400 invalid source (metrics: required, non-empty)"
    )
    assert error.fields == {"metrics": ["required", "non-empty"]}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"detail": "Not Found"}', "GET /x: 404 Not Found"),
        (
            b'{"detail": [{"loc": ["body", "label"], "msg": "field required"}]}',
            "GET /x: 404 (label: field required)",
        ),
        (b"<html>bad gateway</html>", "GET /x: 404 <html>bad gateway</html>"),
        (b"[1, 2]", "GET /x: 404 [1, 2]"),
        (b"", "GET /x: 404"),
        (b'{"message": "m", "errors": {"f": "one reason"}}', "GET /x: 404 m (f: one reason)"),
        (b'{"message": "m", "errors": ["not", "a", "map"]}', "GET /x: 404 m"),
        (b"\xff\xfe", "GET /x: 404 \ufffd\ufffd"),
    ],
)
def test_any_body_becomes_a_readable_message(body: bytes, expected: str) -> None:
    assert str(errors.from_body("GET", "/x", 404, body)) == expected


def test_messages_are_redacted() -> None:
    redaction.remember("hunter2-password")
    error = errors.from_body("POST", "/auth", 401, b'{"message": "bad hunter2-password"}')
    assert "hunter2" not in str(error)
    assert "***" in str(error)


def test_transport_errors_have_no_status() -> None:
    error = errors.TransportError("POST", "/flows", None, "no answer within 5s")
    assert str(error) == "POST /flows: no answer within 5s"
