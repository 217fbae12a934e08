"""How the two processes that import this package report failures to the user's console.

- The provider process (`python -m pulumi.dynamic`): Pulumi's server sends
  `traceback.format_exc()` of any exception to the console. There (only there)
  `sys.tracebacklimit = 0` leaves the one line `DataddoError: <message>`.
- The program: when an update fails while the program still waits for resources, the engine
  stops it with SIGINT, and Python prints a KeyboardInterrupt traceback of Pulumi's own runner
  under the stack. SIGINT then ends the program quietly instead (exit status 130).

`PULUMI_DATADDO_DEBUG=1` keeps Python's behaviour in both.
"""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType

from pulumi.runtime import settings as runtime_settings

from pulumi_dataddo import diagnostics

DYNAMIC_SERVER = "pulumi.dynamic.__main__"
INTERRUPTED = 130  # the shell's status for a process ended by SIGINT


def in_provider_server() -> bool:
    """Whether this process is Pulumi's dynamic-provider server."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return getattr(spec, "name", None) == DYNAMIC_SERVER


def in_program() -> bool:
    """Whether this process runs a Pulumi program (connected to the engine's monitor)."""
    return runtime_settings.get_monitor() is not None


def setup() -> None:
    """Set up error reporting for this process, and the log file; idempotent."""
    if not diagnostics.debugging():
        if in_provider_server():
            sys.tracebacklimit = 0
        elif in_program():
            _quiet_interrupts()
    diagnostics.setup_log_file()


def _quiet_interrupts() -> None:
    """SIGINT raises SystemExit (no traceback) instead of KeyboardInterrupt, unless the program
    set its own handler; only the main thread may set one."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _exit_quietly)


def _exit_quietly(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(INTERRUPTED)
