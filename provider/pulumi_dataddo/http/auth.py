"""Log in once per process; on a 401, renew the token in a documented form or log in again.

A configured access token is used as is; email and password log in with `POST /auth`. When the
API answers 401 the token is renewed once and the request sent again. Renewal (DECIDED, the one
place): the spec's `GET /refresh` (headers `X-Refresh-Token`, `X-Realm-Id`, `X-Provider`, and
the old token as `Authorization`) when the login answer gave a realm and a provider, else the
docs' `POST /refresh` with `{"refresh_token"}` and the old token as `Authorization: Bearer`;
any failure of it falls back to a fresh login. A failure to log in is an auth error
(`LoginRefused`, `LoginUnavailable`), never the request's own `NotFound` or `Conflict`.
Tokens live in this process only, never in Pulumi state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pulumi_dataddo import redaction
from pulumi_dataddo.diagnostics import logger
from pulumi_dataddo.http.errors import (
    ApiError,
    LoginRefused,
    LoginUnavailable,
    MalformedResponse,
    Unauthorized,
)
from pulumi_dataddo.settings import Settings

# Sends an unauthenticated JSON request: (method, path, body, headers) -> parsed JSON body.
Send = Callable[[str, str, Any, dict[str, str]], Any]


@dataclass(frozen=True)
class Token:
    """An access token and what the login answer returned with it (`SecurityDto`)."""

    access: str
    refresh: str | None = None
    # Sent back as `X-Realm-Id` / `X-Provider` headers when the API gave them.
    realm_id: str | None = None
    provider: str | None = None

    def headers(self) -> dict[str, str]:
        """The headers of an authenticated request."""
        headers = {"Authorization": f"Bearer {self.access}"}
        if self.realm_id is not None:
            headers["X-Realm-Id"] = self.realm_id
        if self.provider is not None:
            headers["X-Provider"] = self.provider
        return headers


def parse_token(path: str, body: Any) -> Token:
    """The token of a `POST /auth` or `/refresh` answer (`SecurityDto`)."""
    if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
        raise MalformedResponse("POST", path, 200, "answer has no access_token")
    refresh = body.get("refresh_token")
    redaction.remember(body["access_token"], refresh)
    return Token(
        body["access_token"],
        refresh if isinstance(refresh, str) else None,
        _text(body.get("realm_id")),
        _text(body.get("provider")),
    )


def _text(value: Any) -> str | None:
    return None if value is None or isinstance(value, dict | list) else str(value)


def refresh_request(token: Token) -> tuple[str, Any, dict[str, str]]:
    """The renewal request for `token` (it has a refresh token): method, body, headers."""
    if token.realm_id is not None and token.provider is not None:
        headers = {
            **token.headers(),
            "X-Refresh-Token": token.refresh or "",
        }
        return "GET", None, headers
    return "POST", {"refresh_token": token.refresh}, {"Authorization": f"Bearer {token.access}"}


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

    def renew(self, rejected: Token) -> Token:
        """A new token after `rejected` got a 401 (another thread's, if it renewed already).

        Raises `Unauthorized` (no way to renew), `LoginRefused` or `LoginUnavailable`.
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

    def _renewed(self, rejected: Token) -> Token:
        if rejected.refresh:
            method, body, headers = refresh_request(rejected)
            try:
                return parse_token("/refresh", self._send(method, "/refresh", body, headers))
            except ApiError as exc:  # whatever went wrong, a fresh login is always valid
                logger.info("renewing the token failed (%s); logging in again", exc)
        if self._settings.email and self._settings.password:
            return self._login()
        raise Unauthorized(
            "POST",
            "/refresh",
            401,
            "the access token was rejected and cannot be renewed: set dataddo:email and "
            "dataddo:password (DATADDO_EMAIL, DATADDO_PASSWORD) so that the provider can log "
            "in again, or a fresh dataddo:accessToken",
        )

    def _login(self) -> Token:
        body = {"email": self._settings.email, "password": self._settings.password}
        url = f"{self._settings.base_url}/auth"
        try:
            return parse_token("/auth", self._send("POST", "/auth", body, {}))
        except Unauthorized as exc:
            raise LoginRefused(
                "POST",
                "/auth",
                exc.status,
                f"login refused for {self._settings.email}: {exc.detail}; check dataddo:email "
                "and dataddo:password (DATADDO_EMAIL, DATADDO_PASSWORD); SSO users cannot log "
                "in to the API",
            ) from None
        except ApiError as exc:
            raise LoginUnavailable(
                "POST",
                "/auth",
                exc.status,
                f"logging in at {url} failed: {exc.detail}; check dataddo:baseUrl "
                "(DATADDO_BASE_URL)",
            ) from None
