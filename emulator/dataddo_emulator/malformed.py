"""Malformed answers: what a broken gateway or an API change could send back after the handler
did its work (the fault kind `malformed`, with its `malformed_mode`)."""

import json
from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope

from dataddo_emulator.faults import MalformedMode

NOT_JSON = b"<html><body><h1>502 Bad Gateway</h1></body></html>"


async def malformed(app: ASGIApp, scope: Scope, receive: Receive, mode: MalformedMode) -> ASGIApp:
    """Run `app`, then answer its response with the body broken by `mode`; error answers and
    empty bodies (204) are passed on unchanged, as only a success can be malformed."""
    status, headers, body = await _capture(app, scope, receive)
    if status >= 400 or not body:
        return Response(body, status, headers=_without_length(headers))
    if mode == "not_json":
        return Response(NOT_JSON, status, media_type="text/html")
    value = json.loads(body)
    broken = _without_fields(value) if mode == "missing_fields" else _retyped(value)
    return Response(json.dumps(broken).encode(), status, media_type="application/json")


def _without_fields(value: Any) -> Any:
    """Objects without any field (a list keeps its length, an empty one gets one item)."""
    if isinstance(value, list):
        return [{} for _ in value] or [{}]
    return {}


def _retyped(value: Any) -> Any:
    """Every value one JSON type off: an object's values wrapped in lists, a list in an object."""
    if isinstance(value, dict):
        return {key: [item] for key, item in value.items()}
    if isinstance(value, list):
        return {"data": value}
    return [value]


async def _capture(
    app: ASGIApp, scope: Scope, receive: Receive
) -> tuple[int, dict[str, str], bytes]:
    captured: dict[str, Any] = {"status": 500, "headers": {}, "body": b""}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            captured["status"] = message["status"]
            captured["headers"] = {
                k.decode("latin-1"): v.decode("latin-1") for k, v in message.get("headers", [])
            }
        elif message["type"] == "http.response.body":
            captured["body"] += message.get("body", b"")

    await app(scope, receive, send)
    return captured["status"], captured["headers"], captured["body"]


def _without_length(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower() != "content-length"}
