"""Users, logins and bearer tokens.

Users live in memory (from the command line); each is its own customer. Tokens are opaque
random strings kept in memory for a cheap check on every request and written through to
SQLite, so a restart on the same database keeps every session it acknowledged.
"""

import hmac
import math
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dataddo_emulator.errors import unauthorized
from dataddo_emulator.ids import customer_id
from dataddo_emulator.settings import Settings
from dataddo_emulator.store import Store

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class _Token:
    kind: str  # "access" or "refresh"
    customer_id: str
    expires_at: float


class Auth:
    """Logs users in, refreshes and checks tokens."""

    def __init__(self, store: Store, settings: Settings, users: Mapping[str, str]) -> None:
        self._store = store
        self._settings = settings
        self._passwords = {email.lower(): password for email, password in users.items()}
        self._lock = threading.Lock()
        with store.transaction() as db:
            rows = db.execute(
                "SELECT token, kind, customer_id, expires_at FROM tokens WHERE expires_at > ?",
                (time.time(),),
            ).fetchall()
        self._tokens = {row["token"]: _Token(*tuple(row)[1:]) for row in rows}

    @property
    def emails(self) -> list[str]:
        return sorted(self._passwords)

    def login(self, email: str, password: str) -> tuple[str, dict[str, Any]]:
        """(customer id, the token response) for valid credentials; else 401."""
        expected = self._passwords.get(email.lower())
        if expected is None or not hmac.compare_digest(expected.encode(), password.encode()):
            raise unauthorized("invalid email or password")
        customer = customer_id(email)
        refresh = self._new_token("refresh", customer, self._settings.refresh_ttl)
        return customer, self._token_response(customer, refresh)

    def refresh(self, refresh_token: str) -> tuple[str, dict[str, Any]]:
        """(customer id, a new access token with the same refresh token); else 401."""
        token = self._valid(refresh_token, "refresh")
        if token is None:
            raise unauthorized("invalid or expired refresh token")
        return token.customer_id, self._token_response(token.customer_id, refresh_token)

    def customer_of(self, access_token: str | None) -> str:
        """The customer an access token (from `Authorization: Bearer`) belongs to; else 401."""
        if not access_token:
            raise unauthorized("missing bearer token")
        token = self._valid(access_token, "access")
        if token is None:
            raise unauthorized("invalid or expired token")
        return token.customer_id

    def forget_tokens(self) -> None:
        """Drop the in-memory tokens (the store drops the rows on reset)."""
        with self._lock:
            self._tokens.clear()

    def _valid(self, value: str, kind: str) -> _Token | None:
        token = self._tokens.get(value)
        if token is None or token.kind != kind or token.expires_at <= time.time():
            return None
        return token

    def _token_response(self, customer: str, refresh: str) -> dict[str, Any]:
        ttl = self._settings.token_ttl
        access = self._new_token("access", customer, ttl)
        return {"access_token": access, "refresh_token": refresh, "expires_in": math.ceil(ttl)}

    def _new_token(self, kind: str, customer: str, ttl: float) -> str:
        value = secrets.token_urlsafe(32)
        now = time.time()
        token = _Token(kind, customer, now + ttl)
        with self._store.transaction() as db:
            db.execute("DELETE FROM tokens WHERE expires_at <= ?", (now,))
            db.execute(
                "INSERT INTO tokens (token, kind, customer_id, expires_at) VALUES (?, ?, ?, ?)",
                (value, kind, customer, token.expires_at),
            )
        with self._lock:
            self._tokens = {k: t for k, t in self._tokens.items() if t.expires_at > now}
            self._tokens[value] = token
        return value
