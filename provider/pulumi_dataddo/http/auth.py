"""Log in once per process, refresh or log in again on 401.

A configured access token is used as is; email and password log in with `POST /auth`. When the
API answers 401 the token is renewed once (refresh token first, then a fresh login) and the
request is sent again. Tokens live in this process only, never in Pulumi state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pulumi_dataddo import secrets
from pulumi_dataddo.http.errors import MalformedResponse, Unauthorized
from pulumi_dataddo.settings import Settings

# Sends an unauthenticated JSON request: (method, path, body, headers) -> parsed JSON body.
Send = Callable[[str, str, Any, dict[str, str]], Any]


@dataclass(frozen=True)
class Token:
    """An access token and what the API returned with it."""

    access: str
    refresh: str | None = None
    # `realm_id`/`provider` from older API versions, sent back as headers when present.
    extra_headers: tuple[tuple[str, str], ...] = ()

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access}", **dict(self.extra_headers)}


def parse_token(path: str, body: Any) -> Token:
    """The token of a `POST /auth` or `/refresh` answer."""
    if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
        raise MalformedResponse("POST", path, 200, "answer has no access_token")
    refresh = body.get("refresh_token")
    extra = tuple(
        (header, str(body[key]))
        for key, header in (("realm_id", "X-Realm-Id"), ("provider", "X-Provider"))
        if body.get(key) is not None
    )
    secrets.remember(body["access_token"], refresh)
    return Token(body["access_token"], refresh if isinstance(refresh, str) else None, extra)


class TokenManager:
    """The current token of one account, renewed at most once per rejected token."""

    def __init__(self, settings: Settings, send: Send) -> None:
        self._settings = settings
        self._send = send
        self._token: Token | None = None
        self._lock = threading.Lock()

    def current(self) -> Token:
        """The token to use, logging in on first use."""
        with self._lock:
            if self._token is None:
                self._token = self._first_token()
            return self._token

    def renew(self, rejected: Token) -> Token | None:
        """A new token after `rejected` got a 401, or None when there is no way to get one.

        Another thread may have renewed it already; then that token is returned.
        """
        with self._lock:
            if self._token is not None and self._token != rejected:
                return self._token
            self._token = self._renewed(rejected)
            return self._token

    def _first_token(self) -> Token:
        self._settings.require_credentials()
        if self._settings.access_token:
            return Token(self._settings.access_token)
        return self._login()

    def _renewed(self, rejected: Token) -> Token | None:
        if rejected.refresh:
            try:
                body = {"refresh_token": rejected.refresh}
                return parse_token("/refresh", self._send("POST", "/refresh", body, {}))
            except Unauthorized:
                pass  # the refresh token expired too: log in again below
        if self._settings.email and self._settings.password:
            return self._login()
        return None

    def _login(self) -> Token:
        body = {"email": self._settings.email, "password": self._settings.password}
        try:
            return parse_token("/auth", self._send("POST", "/auth", body, {}))
        except Unauthorized as exc:
            raise Unauthorized(
                "POST", "/auth", 401, f"login refused for {self._settings.email}: {exc.detail}"
            ) from None
