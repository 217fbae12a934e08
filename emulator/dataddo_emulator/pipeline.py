"""The outermost ASGI layer: limits request bodies, injects faults into API requests and
records them in the journal.

It sits outside FastAPI so that an oversized body is refused before it is read whole or
authenticated, a fault can answer before any handler runs, replace a stored change's response
with a 500 or a malformed body, or drop the connection without any response.
"""

import asyncio
import json
import time
from functools import cached_property
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dataddo_emulator.context import Emulator
from dataddo_emulator.errors import error_response
from dataddo_emulator.faults import Decision, Fault
from dataddo_emulator.malformed import malformed
from dataddo_emulator.redaction import redact, redact_service
from dataddo_emulator.routekeys import RouteTable
from dataddo_emulator.routes.deps import API_PREFIX

# DECIDED: request bodies nested deeper are refused (400); the real API's limit is unknown.
MAX_DEPTH = 64
# DECIDED: larger request bodies are refused (413) before they are read whole.
MAX_BODY = 1024 * 1024


class DroppedConnectionError(ConnectionError):
    """Raised instead of dropping when the server gives no transport (in-process clients)."""


class Pipeline:
    """Wraps the FastAPI app; hooks and documentation pass straight through."""

    def __init__(self, app: FastAPI, emu: Emulator) -> None:
        self._app = app
        self._emu = emu

    @cached_property
    def routes(self) -> RouteTable:
        return RouteTable(self._app.openapi()["paths"], API_PREFIX)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        if not scope["path"].startswith(API_PREFIX):
            body = await _read_body(scope, receive)
            app = _too_large() if body is None else self._app
            await app(scope, _replay(body or b"", receive), send)
            return
        self._emu.in_flight += 1
        try:
            await self._serve(scope, receive, send)
        finally:
            self._emu.in_flight -= 1

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await _read_body(scope, receive)
        if body is None:
            await _too_large()(scope, receive, _Recorder(self._emu, scope).wrap(send))
            return
        replay = _replay(body, receive)
        value, too_deep = _parse(body)
        app: ASGIApp = self._app
        if too_deep:  # refused here, before anything walks it recursively
            app = error_response(400, f"JSON nested deeper than {MAX_DEPTH} levels")
        route, decision = None, None
        if self._emu.faults.active:  # matching scans the routes: only when needed
            route = self.routes.match(scope["method"], scope["path"])
            decision = self._emu.faults.decide(route or f"{scope['method']} {scope['path']}")
        record = _Recorder(self._emu, scope, _journal_body(scope, value), route, decision)
        if decision is None:
            await app(scope, replay, record.wrap(send))
            return
        await asyncio.sleep(decision.delay_s)
        answer: ASGIApp | None = None
        match decision.fault:
            case Fault.DROP:
                record.done(None)
                await _drop(receive)
                return
            case Fault.RATE_LIMIT:
                retry = {"Retry-After": str(decision.rule.retry_after)}
                answer = error_response(429, "rate limited (injected)", headers=retry)
            case Fault.ERROR:
                answer = error_response(decision.rule.error_status, "server error (injected)")
            case Fault.FAIL_AFTER_COMMIT:
                await app(scope, replay, _discard)  # the change is stored, the answer lost
                answer = error_response(500, "server error after commit (injected)")
            case Fault.MALFORMED:
                # the handler runs (a create is stored); its answer arrives broken
                answer = await malformed(app, scope, replay, decision.rule.malformed_mode)
        await (answer or app)(scope, replay, record.wrap(send))


class _Recorder:
    """Writes one journal entry (with the request's JSON body, secrets redacted) when the
    response ends, before its last bytes go out: a test reading the journal right after a
    response finds the entry."""

    def __init__(
        self,
        emu: Emulator,
        scope: Scope,
        body: Any = None,
        route: str | None = None,
        decision: Decision | None = None,
    ) -> None:
        self._emu = emu
        self._scope = scope
        self._body = body
        self._route = route
        self._fault = decision.fault if decision else None
        self._started = time.perf_counter()
        self._status: int | None = None

    def wrap(self, send: Send) -> Send:
        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                self._status = message["status"]
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                self.done(self._status)
            await send(message)

        return recording_send

    def done(self, status: int | None) -> None:
        scope = self._scope
        # FastAPI names the route it ran; a fault may have answered before any did
        template = getattr(scope.get("route"), "path", None)
        if template is None and self._route is not None:
            template = self._route.split(" ", 1)[1]
        self._emu.journal.record(
            {
                "method": scope["method"],
                "path": scope["path"],
                "route": template,
                "status": status,
                "body": self._body,
                "customer_id": scope.get("state", {}).get("customer_id"),
                "duration_ms": round((time.perf_counter() - self._started) * 1000, 3),
                "fault": self._fault.value if self._fault else None,
            }
        )


def _parse(body: bytes) -> tuple[Any, bool]:
    """(the JSON value of a body or None, whether it nests deeper than MAX_DEPTH)."""
    try:
        value = json.loads(body) if body else None
    except (ValueError, RecursionError):
        return None, False  # the app answers 400 on its own
    level: list[Any] = [value]
    for _ in range(MAX_DEPTH + 1):
        level = [
            child
            for item in level
            if isinstance(item, dict | list)
            for child in (item.values() if isinstance(item, dict) else item)
        ]
        if not level:
            return value, False
    return None, True


def _journal_body(scope: Scope, value: Any) -> Any:
    """A request's JSON body as the journal keeps it: a Service's config entirely masked
    (`POST /services`, `POST /services/{name}`, `PUT /services/{id}`), other bodies redacted."""
    if value is None:
        return None
    return (redact_service if scope["path"].startswith(f"{API_PREFIX}/services") else redact)(value)


async def _read_body(scope: Scope, receive: Receive) -> bytes | None:
    """The request body; None as soon as it is known to exceed MAX_BODY (by its declared
    length, else by the bytes streamed so far), without reading the rest."""
    for name, value in scope["headers"]:
        if name == b"content-length" and value.isdigit() and int(value) > MAX_BODY:
            return None
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _too_large() -> ASGIApp:
    """The 413; the connection closes after it, as the rest of the body is never read."""
    message = f"request body larger than {MAX_BODY} bytes (1 MiB)"
    return error_response(413, message, headers={"Connection": "close"})


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the body already read, then what the server sends next."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay


async def _discard(_: Message) -> None:
    """A send for a response nobody gets."""


async def _drop(receive: Receive) -> None:
    """Close the connection without answering.

    ASGI has no way to say so; uvicorn's `receive` is a method of its request cycle, which holds
    the transport. Aborting it and waiting for the server to notice makes uvicorn end the
    request quietly.
    """
    cycle = getattr(receive, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if not isinstance(transport, asyncio.Transport):
        raise DroppedConnectionError("connection dropped (injected)")
    transport.abort()
    for _ in range(100):
        if getattr(cycle, "disconnected", True):
            return
        await asyncio.sleep(0)
