"""Users, logins and tokens.

Users live in memory (from the command line); each is its own customer. Tokens are opaque
random strings kept in memory for a cheap check on every request and written through to
SQLite, so a restart on the same database keeps every session it acknowledged. An access token
remembers the refresh token it was issued with: a refresh must show both.
"""

import hmac
import math
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from typing import Any

from dataddo_emulator.errors import unauthorized
from dataddo_emulator.ids import customer_id, realm_id
from dataddo_emulator.settings import Settings
from dataddo_emulator.store import Store

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo"
# DECIDED: the `provider` a login answers (the spec leaves its type open).
PROVIDER = "dataddo"


@dataclass(frozen=True)
class _Token:
    kind: str  # "access" or "refresh"
    customer_id: str
    expires_at: float
    refresh: str | None  # an access token's refresh token
    keep_until: float  # an access token is kept while its refresh token lives


class Auth:
    """Logs users in, refreshes and checks tokens."""

    def __init__(self, store: Store, settings: Settings, users: Mapping[str, str]) -> None:
        self._store = store
        self._settings = settings
        self._passwords = {email.lower(): password for email, password in users.items()}
        self._lock = threading.Lock()
        with store.transaction() as db:
            rows = db.execute(
                "SELECT token, kind, customer_id, expires_at, refresh, keep_until FROM tokens "
                "WHERE keep_until > ?",
                (time.time(),),
            ).fetchall()
        self._tokens = {row["token"]: _Token(*tuple(row)[1:]) for row in rows}

    @property
    def emails(self) -> list[str]:
        return sorted(self._passwords)

    def login(self, email: str, password: str) -> tuple[str, dict[str, Any]]:
        """(customer id, the `SecurityDto`) for valid credentials; else 401."""
        expected = self._passwords.get(email.lower())
        if expected is None or not hmac.compare_digest(expected.encode(), password.encode()):
            raise unauthorized("invalid email or password")
        customer = customer_id(email)
        expires = time.time() + self._settings.refresh_ttl
        token = _Token("refresh", customer, expires, None, expires)
        return customer, self._answer(self._issue(token), token)

    def refresh(
        self,
        refresh_token: str,
        bearer: str | None,
        realm: tuple[str | None, str | None],
        *,
        bearer_required: bool,
    ) -> tuple[str, dict[str, Any]]:
        """(customer id, a `SecurityDto` with a new access token and the same refresh token).
        401 unless the refresh token is valid, `realm` (the `X-Realm-Id` and `X-Provider`
        headers) fits it, and the bearer, when given (or required), is an access token issued
        with it, expired or not."""
        token = self._valid(refresh_token, "refresh")
        if token is None:
            raise unauthorized("invalid or expired refresh token")
        self.check_realm(token.customer_id, *realm)
        if bearer is None and bearer_required:
            raise unauthorized("a refresh needs the access token issued with it as bearer")
        if bearer is not None:
            issued = self._tokens.get(bearer)
            if issued is None or issued.kind != "access" or issued.refresh != refresh_token:
                raise unauthorized("the bearer token was not issued with this refresh token")
        return token.customer_id, self._answer(refresh_token, token)

    def check_realm(self, customer: str, realm: str | None, provider: str | None) -> None:
        """401 unless the `X-Realm-Id` and `X-Provider` headers given echo the login's
        `realm_id` and `provider` (DECIDED: checked wherever a client sends them)."""
        if realm is not None and realm != str(realm_id(customer)):
            raise unauthorized("X-Realm-Id is not the realm_id of this login")
        if provider is not None and provider != PROVIDER:
            raise unauthorized("X-Provider is not the provider of this login")

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

    def _answer(self, refresh: str, refresh_token: _Token) -> dict[str, Any]:
        """The `SecurityDto`: a new access token issued with `refresh`."""
        customer, ttl = refresh_token.customer_id, self._settings.token_ttl
        access = _Token("access", customer, time.time() + ttl, refresh, refresh_token.expires_at)
        return {
            "access_token": self._issue(access),
            "refresh_token": refresh,
            "provider": PROVIDER,
            "realm_id": realm_id(customer),
            "expires_in": math.ceil(ttl),
        }

    def _issue(self, token: _Token) -> str:
        value = secrets.token_urlsafe(32)
        now = time.time()
        with self._store.transaction() as db:
            db.execute("DELETE FROM tokens WHERE keep_until <= ?", (now,))
            db.execute(
                "INSERT INTO tokens (token, kind, customer_id, expires_at, refresh, keep_until) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (value, *astuple(token)),
            )
        with self._lock:
            self._tokens = {k: t for k, t in self._tokens.items() if t.keep_until > now}
            self._tokens[value] = token
        return value
