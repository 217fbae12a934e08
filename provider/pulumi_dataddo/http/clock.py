"""The API's clock, read from the `Date` header of its answers.

Deciding whether an object existed before a create was sent compares the API's own creation
times with the API's time at the send, so no allowance for skew between this machine's clock
and the API's is needed. The header truncates to whole seconds and is read after the answer
travelled, so the time told is never later than the API's: an object created after a request
was received never looks older than it.
"""

from __future__ import annotations

import threading
import time
from email.utils import parsedate_to_datetime


class ApiClock:
    """The offset between the API's clock and ours, from the latest answer's `Date` header."""

    def __init__(self) -> None:
        self._offset: float | None = None
        self._lock = threading.Lock()

    def observe(self, date_header: str | None, received_at: float) -> None:
        """Take the offset from an answer's `Date` header (ignored when absent or unreadable)."""
        if not date_header:
            return
        try:
            api_time = parsedate_to_datetime(date_header).timestamp()
        except (TypeError, ValueError, IndexError):
            return
        with self._lock:
            self._offset = api_time - received_at

    def now(self) -> float | None:
        """The API's current time at the latest (Unix seconds), or None before any answer
        carried a `Date` header."""
        with self._lock:
            offset = self._offset
        return None if offset is None else time.time() + offset
