"""The provider's log: `PULUMI_DATADDO_LOG_FILE=path` appends one line per API request and per
failed operation. Every line goes through `redaction.redact`, like every message that leaves the
provider, and lines name methods, paths and statuses only (bodies and headers hold credentials).
`PULUMI_DATADDO_DEBUG=1` logs more and keeps full tracebacks (dynamic/process.py, cli/main.py)."""

from __future__ import annotations

import logging
import os
import threading

from pulumi_dataddo import redaction

DEBUG_ENV = "PULUMI_DATADDO_DEBUG"
LOG_FILE_ENV = "PULUMI_DATADDO_LOG_FILE"

logger = logging.getLogger("pulumi_dataddo")
_setup_lock = threading.Lock()
_log_file: str | None = None


class RedactingFormatter(logging.Formatter):
    """A formatter whose lines hold no known secret value."""

    def format(self, record: logging.LogRecord) -> str:
        return redaction.redact(super().format(record))


def debugging() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def setup_log_file(path: str | None = None) -> None:
    """Append this process's log to `path` (default: $PULUMI_DATADDO_LOG_FILE); once per
    process, nothing when no file is named."""
    global _log_file  # noqa: PLW0603 -- one log file per process
    path = path or os.environ.get(LOG_FILE_ENV)
    with _setup_lock:
        if not path or _log_file == path:
            return
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(
            RedactingFormatter("%(asctime)s %(process)d %(levelname)s %(message)s")
        )
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if debugging() else logging.INFO)
        logger.propagate = False
        _log_file = path
