"""DataddoClient: one method per endpoint the provider uses, over the shared session.

Paths are relative to the base URL (`.../customer-api/v1`). Every method returns parsed
records (`responses.py`) or raises an `ApiError` subclass (`errors.py`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ReadTimeoutError,
)

from pulumi_dataddo.diagnostics import logger
from pulumi_dataddo.http import errors, responses
from pulumi_dataddo.http.auth import Token, TokenManager
from pulumi_dataddo.http.clock import ApiClock
from pulumi_dataddo.http.responses import (
    DestinationInfo,
    FlowInfo,
    ServiceInfo,
    SourceInfo,
    SourceStatus,
    Where,
)
from pulumi_dataddo.http.session import RetryPolicy, new_session
from pulumi_dataddo.settings import Settings


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for a connection and for an answer."""

    connect: float = 10.0
    read: float = 60.0


T = TypeVar("T")
Parse = Callable[[Where, Any], T]


def _segment(value: str | int) -> str:
    return quote(str(value), safe="")


class DataddoClient:
    """A Dataddo account's API. Thread-safe: share one per process (`logic.account.shared_account`
    holds it)."""

    def __init__(
        self,
        settings: Settings,
        *,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.base_url = settings.base_url
        self._timeouts = timeouts or Timeouts(read=settings.timeout)
        self.clock = ApiClock()
        # Logging in and refreshing create nothing, so they are retried like reads.
        logins = (f"{self.base_url}/auth", f"{self.base_url}/refresh")
        self._session = new_session(retry or RetryPolicy(), settings.parallelism, safe_posts=logins)
        self._tokens = TokenManager(settings, self._send)

    # -- transport ------------------------------------------------------------------------------

    def _send(self, method: str, path: str, body: Any, headers: dict[str, str]) -> Any:
        """One request (with the session's retries); the parsed JSON answer or None."""
        started = time.monotonic()
        try:
            response = self._session.request(
                method,
                self.base_url + path,
                json=body,
                headers=headers,
                timeout=(self._timeouts.connect, self._timeouts.read),
            )
        except requests.RequestException as exc:
            sent, problem = self._problem(exc)
            logger.warning("%s %s: %s", method, path, problem)
            failure = errors.TransportError if sent else errors.NotSent
            raise failure(method, path, None, f"{problem} ({self.base_url}{path})") from None
        self.clock.observe(response.headers.get("Date"), time.time())
        # Method, path and status only: bodies and headers hold credentials.
        elapsed_ms = (time.monotonic() - started) * 1000
        logger.info("%s %s -> %d (%.0f ms)", method, path, response.status_code, elapsed_ms)
        if response.status_code >= 400:
            raise errors.from_body(method, path, response.status_code, response.content)
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            snippet = response.text[:80]
            raise errors.MalformedResponse(
                method, path, response.status_code, f"malformed answer: not JSON: {snippet!r}"
            ) from None

    def _problem(self, exc: requests.RequestException) -> tuple[bool, str]:
        """Whether the request may have been sent, and what went wrong without an answer
        (after retries, urllib3 wraps the last cause)."""
        cause = exc.args[0].reason if exc.args and isinstance(exc.args[0], MaxRetryError) else exc
        # First: urllib3 2 makes a refused connection a kind of connect timeout (and requests a
        # ConnectTimeout).
        if isinstance(cause, NewConnectionError):
            return False, "could not connect (connection refused or host unknown)"
        if isinstance(exc, requests.ConnectTimeout) or isinstance(cause, ConnectTimeoutError):
            return False, f"could not connect within {self._timeouts.connect:g}s"
        if isinstance(exc, requests.Timeout) or isinstance(cause, TimeoutError | ReadTimeoutError):
            return True, f"no answer within {self._timeouts.read:g}s"
        return True, f"connection failed ({type(cause).__name__})"

    def authenticate(self) -> None:
        """Log in now, unless a token is at hand (its answer also tells the API's clock)."""
        self._tokens.current()

    def request(self, method: str, path: str, body: Any = None) -> Any:
        """An authenticated request; on 401 the token is renewed once and the request resent.

        Logging in and renewing fail as `LoginRefused`/`LoginUnavailable`/`Unauthorized`, so a
        `NotFound` or `Conflict` is always this request's own answer.
        """
        token: Token = self._tokens.current()
        try:
            return self._send(method, path, body, token.headers())
        except errors.Unauthorized:
            renewed = self._tokens.renew(token)
        return self._send(method, path, body, renewed.headers())

    def _one(self, parse: Parse[T], method: str, path: str, body: Any = None) -> T:
        """A request whose answer is one object, parsed."""
        return parse(Where(method, path), self.request(method, path, body))

    def _many(self, parse: Parse[T], path: str) -> list[T]:
        """A GET whose answer is a list of objects, each parsed."""
        where = Where("GET", path)
        return [parse(where, item) for item in responses.objects(where, self.request("GET", path))]

    # -- services -------------------------------------------------------------------------------

    def create_service(self, body: dict[str, Any]) -> int:
        return self._one(responses.created_service_id, "POST", "/services", body)

    def list_services(self) -> list[ServiceInfo]:
        return self._many(responses.service, "/services")

    def check_service(self, service_id: int) -> None:
        """Raise `NotFound` unless the service exists (its answer is untyped: nothing is read)."""
        self.request("GET", f"/services/{service_id}")

    def update_service(self, service_id: int, body: dict[str, Any]) -> None:
        self.request("PUT", f"/services/{service_id}", body)

    def delete_service(self, service_id: int) -> None:
        self.request("DELETE", f"/services/{service_id}")

    # -- connectors -----------------------------------------------------------------------------

    def list_connectors(self) -> list[dict[str, str]]:
        return self._many(responses.connector, "/connectors")

    def connector_action(
        self, connector_id: str, action: str, body: dict[str, Any]
    ) -> list[dict[str, str]]:
        path = f"/connectors/{_segment(connector_id)}/actions/{_segment(action)}"
        return self._one(responses.label_values, "POST", path, body)

    # -- sources --------------------------------------------------------------------------------

    def create_source(self, connector_id: str, body: dict[str, Any]) -> SourceInfo:
        path = f"/connectors/{_segment(connector_id)}/create-source"
        return self._one(responses.source, "POST", path, body)

    def list_sources(self) -> list[SourceInfo]:
        return self._many(responses.source, "/sources")

    def get_source(self, source_id: str) -> SourceInfo:
        return self._one(responses.source, "GET", f"/sources/{_segment(source_id)}")

    def source_metadata(self, source_id: str) -> dict[str, Any]:
        path = f"/sources/{_segment(source_id)}/metadata"
        return self._one(responses.metadata, "GET", path)

    def update_source(self, source_id: str, body: dict[str, Any]) -> SourceInfo:
        return self._one(responses.source, "PUT", f"/sources/{_segment(source_id)}", body)

    def get_schedule(self, source_id: str) -> dict[str, str]:
        path = f"/sources/{_segment(source_id)}/extraction/schedule"
        return self._one(responses.schedule, "GET", path)

    def update_schedule(self, source_id: str, body: dict[str, Any]) -> dict[str, str]:
        path = f"/sources/{_segment(source_id)}/extraction/schedule"
        return self._one(responses.schedule, "PUT", path, body)

    def source_status(self, source_id: str) -> SourceStatus:
        path = f"/sources/{_segment(source_id)}/status"
        return self._one(responses.source_status, "GET", path)

    def delete_source(self, source_id: str) -> None:
        self.request("DELETE", f"/sources/{_segment(source_id)}")

    # -- flows ----------------------------------------------------------------------------------

    def create_flow(self, body: dict[str, Any]) -> FlowInfo:
        return self._one(responses.flow, "POST", "/flows", body)

    def list_flows(self) -> list[FlowInfo]:
        return self._many(responses.flow, "/flows")

    def get_flow(self, flow_id: str) -> FlowInfo:
        return self._one(responses.flow, "GET", f"/flows/{_segment(flow_id)}")

    def update_flow(self, flow_id: str, body: dict[str, Any]) -> FlowInfo:
        return self._one(responses.flow, "PUT", f"/flows/{_segment(flow_id)}", body)

    def update_write_settings(self, flow_id: str, body: dict[str, Any]) -> None:
        """`PUT /flows/{id}/write/settings` (its answer is untyped: nothing is read)."""
        self.request("PUT", f"/flows/{_segment(flow_id)}/write/settings", body)

    def delete_flow(self, flow_id: str) -> None:
        self.request("DELETE", f"/flows/{_segment(flow_id)}")

    # -- destinations ---------------------------------------------------------------------------

    def create_destination(self, destination_type: str, body: dict[str, Any]) -> DestinationInfo:
        path = f"/destinations/{_segment(destination_type)}"
        return self._one(responses.destination, "POST", path, body)

    def list_destinations(self) -> list[DestinationInfo]:
        return self._many(responses.destination, "/destinations")

    def get_destination(self, destination_id: str) -> DestinationInfo:
        path = f"/destinations/{_segment(destination_id)}"
        return self._one(responses.destination, "GET", path)

    def update_destination(self, destination_id: str, body: dict[str, Any]) -> DestinationInfo:
        path = f"/destinations/{_segment(destination_id)}"
        return self._one(responses.destination, "PUT", path, body)

    def delete_destination(self, destination_id: str) -> None:
        self.request("DELETE", f"/destinations/{_segment(destination_id)}")

    def write_modes(self, destination_type: str) -> list[dict[str, str]]:
        path = f"/destinations/{_segment(destination_type)}/actions/writeModes"
        return self._one(responses.label_values, "POST", path, {})
