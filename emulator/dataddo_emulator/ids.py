"""Identifiers: 24-hex object ids (sources, flows, apis, actions) and customer ids."""

import hashlib
import secrets
import time


def object_id() -> str:
    """A new 24-hex id shaped like a MongoDB ObjectId: creation second, then random bytes."""
    return f"{int(time.time()):08x}{secrets.token_hex(8)}"


def customer_id(email: str) -> str:
    """The customer id of a user: stable across restarts, so stored objects keep their owner."""
    return hashlib.sha256(email.lower().encode()).hexdigest()[:24]
