"""Identifiers: integer service ids, 24-hex object ids, customer and realm ids.

Ids match exactly: `1000` finds service 1000, while ` 1000`, `1000\\n`, `+1000`, `01000` or
Arabic-Indic digits do not; object ids are 24 lowercase hex digits.
"""

import hashlib
import re
import secrets
import time

MAX_SERVICE_ID = 2**63 - 1  # SQLite's integer range
_SERVICE_ID = re.compile(r"[1-9][0-9]{0,18}")
_OBJECT_ID = re.compile(r"[0-9a-f]{24}")


def object_id() -> str:
    """A new 24-hex id shaped like a MongoDB ObjectId: creation second, then random bytes."""
    return f"{int(time.time()):08x}{secrets.token_hex(8)}"


def is_object_id(text: str) -> bool:
    return _OBJECT_ID.fullmatch(text) is not None


def service_id(value: object) -> int | None:
    """The service id an integer or its exact decimal text stands for; None when not one."""
    if isinstance(value, str) and _SERVICE_ID.fullmatch(value):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_SERVICE_ID:
        return value
    return None


def customer_id(email: str) -> str:
    """The customer id of a user: stable across restarts, so stored objects keep their owner."""
    return hashlib.sha256(email.lower().encode()).hexdigest()[:24]


def realm_id(customer: str) -> int:
    """The `realm_id` a login answers for a customer (DECIDED: derived from its id, stable)."""
    return int(customer[:7], 16)
