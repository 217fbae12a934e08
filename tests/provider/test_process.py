"""The program process: the engine stopping a program after a failed update ends it quietly,
by SIGINT (also when Pulumi's runner is suspended in a coroutine that cannot finish without its
event loop) or by cancelling its requests (one line, no traceback)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass

import grpc  # type: ignore[import-untyped]
import pytest
from pulumi import RunError
from pulumi.runtime import settings as pulumi_settings

from pulumi_dataddo.dynamic import process

# Pulumi's runner (`pulumi-language-python-exec`): the program in a coroutine whose cleanup
# needs the running loop, run until complete, the loop closed, then the exit.
RUNNER = textwrap.dedent(
    """
    import asyncio, os, signal, sys, threading
    from pulumi_dataddo.dynamic import process

    process._quiet_interrupts()

    async def run_in_stack():
        try:
            await asyncio.sleep(30)
        finally:
            asyncio.get_running_loop()  # as the runner's shutdown of its callbacks server

    def main():
        loop = asyncio.new_event_loop()
        threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        try:
            coro = run_in_stack()
            loop.run_until_complete(coro)
        finally:
            loop.close()

    main()
    """
)


def test_an_interrupted_program_exits_quietly() -> None:
    done = subprocess.run(
        [sys.executable, "-c", RUNNER], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 130
    assert done.stderr == ""


@dataclass
class FailedRequest:
    """A request of the program that failed, as gRPC raises it."""

    status: grpc.StatusCode
    message: str

    def code(self) -> grpc.StatusCode:
        return self.status

    def details(self) -> str:
        return self.message


def test_a_cancelled_request_stops_the_program_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # Restored after the test: the mapping is Pulumi's, process-wide.
    monkeypatch.setattr(
        pulumi_settings, "grpc_error_to_exception", pulumi_settings.grpc_error_to_exception
    )
    process._quiet_cancellations()
    quiet = pulumi_settings.grpc_error_to_exception
    process._quiet_cancellations()  # every resource declared asks; wrapped once
    assert pulumi_settings.grpc_error_to_exception is quiet
    assert str(failure(grpc.StatusCode.CANCELLED, "context canceled", RunError)) == process.STOPPED
    # Any other failure is Pulumi's to tell: a RunError when the engine is gone, else its text.
    assert "Resource monitor has terminated" in str(
        failure(grpc.StatusCode.UNAVAILABLE, "gone", RunError)
    )
    unknown = failure(grpc.StatusCode.UNKNOWN, "bad request", Exception)
    assert (type(unknown), str(unknown)) == (Exception, "bad request")


def failure(status: grpc.StatusCode, message: str, expected: type[Exception]) -> Exception:
    """What a program's request failing with `status` raises."""
    with pytest.raises(expected) as raised:
        pulumi_settings.handle_grpc_error(FailedRequest(status, message))
    return raised.value
