"""The request journal: what the API was asked and what it answered, for tests to inspect."""

import threading
from collections import deque
from typing import Any

# DECIDED: the oldest entries go past this many, so long benchmarks cannot exhaust memory.
MAX_ENTRIES = 100_000


class Journal:
    """Entries numbered from 1 by `seq`; numbers are never reused, not even after `clear()`."""

    def __init__(self) -> None:
        self._entries: deque[dict[str, Any]] = deque(maxlen=MAX_ENTRIES)
        self._seq = 0
        self._lock = threading.Lock()

    def record(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self._seq += 1
            self._entries.append({"seq": self._seq, **entry})

    def since(self, seq: int) -> list[dict[str, Any]]:
        with self._lock:
            return [entry for entry in self._entries if entry["seq"] > seq]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
