"""How the two processes that import this package report failures to the user's console.

Nothing happens at import: the provider process is set up by the providers' `configure` (the
first call it gets, `start_provider`), the program by the first resource it declares
(`start_program`). Both are idempotent and do nothing in other processes (tests, tools).

- The provider process (`python -m pulumi.dynamic`): Pulumi's server sends
  `traceback.format_exc()` of any exception to the console. There (only there)
  `sys.tracebacklimit = 0` leaves the one line `DataddoError: <message>`.
- The provider process also watches the engine that started it: killing only the `pulumi`
  process leaves its plugins running (each in a process group of its own), and a provider
  still retrying a create could make it land after a recovery looked. Once the engine's
  address refuses connections a few times in a row, the provider exits.
- The program: when an update fails while the program still waits for resources, the engine
  stops it, with SIGINT or by cancelling its requests, whichever reaches it first. Python
  would print a KeyboardInterrupt traceback of Pulumi's own runner, Pulumi's runner "Program
  failed with an unhandled exception" and the traceback of a cancelled request. SIGINT then
  ends the program quietly instead (exit status 130), also leaving unreported the runner's
  coroutine that the exit closes without its event loop ("Exception ignored in: <coroutine
  object run_in_stack>", a traceback); a cancelled request ends it with one line, as Pulumi's
  runner ends a program whose engine is gone.

`PULUMI_DATADDO_DEBUG=1` keeps Python's behaviour in both.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
import time
from types import FrameType

import grpc  # type: ignore[import-untyped]
from pulumi import RunError
from pulumi.runtime import settings as pulumi_settings

from pulumi_dataddo import diagnostics

DYNAMIC_SERVER = "pulumi.dynamic.__main__"
PROGRAM_RUNNER = "pulumi-language-python-exec"
INTERRUPTED = 130  # the shell's status for a process ended by SIGINT
# The one line a program whose request the engine cancelled ends with.
STOPPED = "the engine stopped the program: a resource failed (its error says why)"
# Seconds between looks at the engine, and refused connections in a row that mean it is gone.
ENGINE_PROBE_INTERVAL = 2.0
ENGINE_GONE_AFTER = 3
_watching = threading.Event()


def in_provider_server() -> bool:
    """Whether this process is Pulumi's dynamic-provider server."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return getattr(spec, "name", None) == DYNAMIC_SERVER


def in_program() -> bool:
    """Whether this code runs inside a Pulumi program: Pulumi's program runner is at the bottom
    of the stack (it replaces `sys.argv` and, while the program runs, `__main__`)."""
    frame = sys._getframe()
    while frame.f_back is not None:
        frame = frame.f_back
    return os.path.basename(frame.f_code.co_filename) == PROGRAM_RUNNER


def start_provider() -> None:
    """In the provider process: one-line errors, the engine watch, the log file."""
    if not in_provider_server():
        return
    watch_engine(sys.argv[1] if len(sys.argv) > 1 else "")
    if not diagnostics.debugging():
        sys.tracebacklimit = 0
    diagnostics.setup_log_file()


def start_program() -> None:
    """In the program: quiet interrupts, the log file (lookups log their requests)."""
    if not in_program():
        return
    if not diagnostics.debugging():
        _quiet_interrupts()
        _quiet_cancellations()
    diagnostics.setup_log_file()


def watch_engine(address: str) -> None:
    """Exit once the engine at `address` (HOST:PORT, a provider's argument) is gone; started
    once per process (the native provider starts it too)."""
    host, _, port = address.rpartition(":")
    if not port.isdigit() or _watching.is_set():
        return
    _watching.set()
    threading.Thread(
        target=_watch, args=(host, int(port)), name="engine-watch", daemon=True
    ).start()


def _watch(host: str, port: int) -> None:
    refused = 0
    while refused < ENGINE_GONE_AFTER:
        time.sleep(ENGINE_PROBE_INTERVAL)
        try:
            with socket.create_connection((host, port), timeout=ENGINE_PROBE_INTERVAL):
                refused = 0
        except ConnectionRefusedError:
            refused += 1
        except OSError:
            refused = 0  # busy or slow is not gone
    diagnostics.logger.warning("the Pulumi engine at %s:%d is gone; the provider exits", host, port)
    os._exit(1)  # no cleanup to wait for: every request in flight is abandoned


def _quiet_interrupts() -> None:
    """SIGINT raises SystemExit (no traceback) instead of KeyboardInterrupt, unless the program
    set its own handler; only the main thread may set one."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _exit_quietly)


def _exit_quietly(_signum: int, _frame: FrameType | None) -> None:
    # The exit leaves Pulumi's runner suspended in a coroutine whose cleanup needs the event
    # loop; closed at shutdown without it, it would print its traceback as unraisable.
    sys.unraisablehook = _ignore_unraisable
    raise SystemExit(INTERRUPTED)


def _ignore_unraisable(_unraisable: object) -> None:
    """What an interrupted program leaves unfinished fails as it is closed: not reported."""


def _quiet_cancellations() -> None:
    """A request the engine cancelled fails as Pulumi's `RunError` (its runner prints the one
    line), no longer as an `Exception` (the runner prints its traceback). Pulumi's own mapping
    of a failed request (`handle_grpc_error` calls it for every request of the program) does
    so only when the engine is gone; the engine cancels them once a step failed, which that
    step's error reports."""
    pulumi_mapping = pulumi_settings.grpc_error_to_exception
    if pulumi_mapping.__module__ == __name__:
        return  # this one already

    def mapping(exn: grpc.RpcError) -> Exception:  # named as Pulumi names it
        if exn.code() == grpc.StatusCode.CANCELLED:
            return RunError(STOPPED)
        return pulumi_mapping(exn)

    pulumi_settings.grpc_error_to_exception = mapping
