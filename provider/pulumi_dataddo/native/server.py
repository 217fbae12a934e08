"""`pulumi-resource-dataddo`: the native provider's gRPC server, as the engine starts it.

The SDK's server (`pulumi.provider.experimental.server`) turns a failure into its message plus a
Python stack; here a `DataddoError` leaves as its one redacted line (as in the dynamic
provider), and any other error as its type and message. Warnings (what the published catalog
does not know) go to the engine's log, attached to the resource. The process exits once the
engine is gone, and logs to `PULUMI_DATADDO_LOG_FILE` like the dynamic provider.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Awaitable, Callable
from importlib.metadata import version
from typing import Any

import grpc  # type: ignore[import-untyped]
from pulumi.provider.experimental.server import ProviderServicer
from pulumi.runtime._grpc_settings import _GRPC_CHANNEL_OPTIONS
from pulumi.runtime.proto import engine_pb2, engine_pb2_grpc, provider_pb2_grpc

from pulumi_dataddo import diagnostics, redaction
from pulumi_dataddo.dynamic import process
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.native.provider import DataddoProvider
from pulumi_dataddo.native.schema import PACKAGE

Handler = Callable[[Any, Any, Any], Awaitable[Any]]
# The calls whose failures the user reads.
GUARDED = (
    "CheckConfig",
    "Configure",
    "Check",
    "Diff",
    "Create",
    "Read",
    "Update",
    "Delete",
    "Invoke",
    "GetSchema",
)


def one_line(error: BaseException) -> str:
    """What the user reads of a failure: the `DataddoError` that caused it (the SDK wraps it
    in an error holding a stack), else the error's type and message; redacted."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, DataddoError):
            return redaction.redact(str(seen))
        seen = seen.__cause__ or seen.__context__
    return redaction.redact(f"{type(error).__name__}: {error}")


def _guarded(handler: Handler) -> Handler:
    async def guarded(servicer: Any, request: Any, context: Any) -> Any:
        try:
            return await handler(servicer, request, context)
        except Exception as exc:  # the gRPC status carries the message; no stack
            message = one_line(exc)
            diagnostics.logger.warning("%s", message)
            await context.abort(grpc.StatusCode.UNKNOWN, message)

    return guarded


# The SDK's servicer, its failures in one line.
Servicer = type(
    "Servicer",
    (ProviderServicer,),
    {name: _guarded(getattr(ProviderServicer, name)) for name in GUARDED},
)


class EngineLog:
    """Warnings to the engine's log (the user's console), attached to a resource."""

    def __init__(self, address: str) -> None:
        self._address = address
        self._stub: engine_pb2_grpc.EngineStub | None = None

    async def warn(self, urn: str, message: str) -> None:
        if self._stub is None:
            channel = grpc.aio.insecure_channel(self._address, options=_GRPC_CHANNEL_OPTIONS)
            self._stub = engine_pb2_grpc.EngineStub(channel)
        request = engine_pb2.LogRequest(
            severity=engine_pb2.WARNING, message=redaction.redact(message), urn=urn
        )
        try:
            await self._stub.Log(request)
        except grpc.RpcError as exc:  # a lost warning must not fail the operation
            diagnostics.logger.warning("could not log a warning: %s", exc)


async def serve(engine: str) -> None:
    """Serve until the engine stops the process; the port goes to stdout, as the engine
    expects."""
    server = grpc.aio.server(options=_GRPC_CHANNEL_OPTIONS)
    provider = DataddoProvider(EngineLog(engine).warn)
    servicer = Servicer(sys.argv[1:], version(PACKAGE), provider, engine_address=engine)
    provider_pb2_grpc.add_ResourceProviderServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    sys.stdout.write(f"{port}\n")
    sys.stdout.flush()
    await server.wait_for_termination()


def main() -> None:
    """The console script: `pulumi-resource-dataddo ENGINE_ADDRESS [flags]`."""
    # The engine's address comes last, after flags such as `--tracing ENDPOINT`.
    engine = next((arg for arg in reversed(sys.argv[1:]) if not arg.startswith("-")), "")
    if not engine:
        sys.exit("pulumi-resource-dataddo is a Pulumi plugin: the engine starts it")
    process.watch_engine(engine)
    diagnostics.setup_log_file()
    with contextlib.suppress(KeyboardInterrupt):  # the engine stopping the plugin
        asyncio.run(serve(engine))
