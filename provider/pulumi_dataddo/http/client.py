"""DataddoClient: one method per endpoint the provider uses, over the shared session.

Paths are relative to the base URL (`.../customer-api/v1`). Every method returns parsed
records (`responses.py`) or raises an `ApiError` subclass (`errors.py`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import requests
from urllib3.exceptions import MaxRetryError, ReadTimeoutError

from pulumi_dataddo.http import errors, responses
from pulumi_dataddo.http.auth import Token, TokenManager
from pulumi_dataddo.http.responses import FlowInfo, ServiceInfo, SourceInfo, SourceStatus, Where
from pulumi_dataddo.http.session import RetryPolicy, new_session
from pulumi_dataddo.settings import Settings


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for a connection and for an answer."""

    connect: float = 10.0
    read: float = 60.0


def _segment(value: str | int) -> str:
    return quote(str(value), safe="")


class DataddoClient:
    """A Dataddo account's API. Thread-safe: share one per process (see `shared_client`)."""

    def __init__(
        self,
        settings: Settings,
        *,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.base_url = settings.base_url
        self._timeouts = timeouts or Timeouts()
        self._session = new_session(retry or RetryPolicy())
        self._tokens = TokenManager(settings, self._send)

    # -- transport ------------------------------------------------------------------------------

    def _send(self, method: str, path: str, body: Any, headers: dict[str, str]) -> Any:
        """One request (with the session's retries); the parsed JSON answer or None."""
        try:
            response = self._session.request(
                method,
                self.base_url + path,
                json=body,
                headers=headers,
                timeout=(self._timeouts.connect, self._timeouts.read),
            )
        except requests.RequestException as exc:
            raise errors.TransportError(method, path, None, self._problem(exc)) from None
        if response.status_code >= 400:
            raise errors.from_body(method, path, response.status_code, response.content)
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            snippet = response.text[:80]
            raise errors.MalformedResponse(
                method, path, response.status_code, f"answer is not JSON: {snippet!r}"
            ) from None

    def _problem(self, exc: requests.RequestException) -> str:
        """What went wrong without an answer (after retries, urllib3 wraps the last cause)."""
        cause = exc.args[0].reason if exc.args and isinstance(exc.args[0], MaxRetryError) else exc
        if isinstance(exc, requests.Timeout) or isinstance(cause, TimeoutError | ReadTimeoutError):
            return f"no answer within {self._timeouts.read:g}s"
        return f"connection failed ({type(cause).__name__})"

    def request(self, method: str, path: str, body: Any = None) -> Any:
        """An authenticated request; on 401 the token is renewed once and the request resent."""
        token: Token = self._tokens.current()
        try:
            return self._send(method, path, body, token.headers())
        except errors.Unauthorized as exc:
            renewed = self._tokens.renew(token)
            if renewed is None:
                raise errors.Unauthorized(
                    method,
                    path,
                    401,
                    f"{exc.detail}; the access token was rejected and no "
                    "email/password is configured to log in again",
                ) from None
            return self._send(method, path, body, renewed.headers())

    # -- services -------------------------------------------------------------------------------

    def create_service(self, body: dict[str, Any]) -> int:
        where = Where("POST", "/services")
        return responses.created_service_id(where, self.request(where.method, where.path, body))

    def list_services(self) -> list[ServiceInfo]:
        where = Where("GET", "/services")
        answer = responses.objects(where, self.request(where.method, where.path))
        return [responses.service(where, item) for item in answer]

    def get_service(self, service_id: int) -> ServiceInfo:
        where = Where("GET", f"/services/{service_id}")
        return responses.service(where, self.request(where.method, where.path))

    def update_service(self, service_id: int, body: dict[str, Any]) -> None:
        self.request("PUT", f"/services/{service_id}", body)

    def delete_service(self, service_id: int) -> None:
        self.request("DELETE", f"/services/{service_id}")

    # -- connectors -----------------------------------------------------------------------------

    def list_connectors(self) -> list[dict[str, str]]:
        where = Where("GET", "/connectors")
        answer = responses.objects(where, self.request(where.method, where.path))
        return responses.label_values(where, [{**c, "value": c.get("id")} for c in answer])

    def connector_action(
        self, connector_id: str, action: str, body: dict[str, Any]
    ) -> list[dict[str, str]]:
        where = Where("POST", f"/connectors/{_segment(connector_id)}/actions/{_segment(action)}")
        return responses.label_values(where, self.request(where.method, where.path, body))

    # -- sources --------------------------------------------------------------------------------

    def create_source(self, connector_id: str, body: dict[str, Any]) -> SourceInfo:
        where = Where("POST", f"/connectors/{_segment(connector_id)}/create-source")
        return responses.source(where, self.request(where.method, where.path, body))

    def list_sources(self) -> list[SourceInfo]:
        where = Where("GET", "/sources")
        answer = responses.objects(where, self.request(where.method, where.path))
        return [responses.source(where, item) for item in answer]

    def get_source(self, source_id: str) -> SourceInfo:
        where = Where("GET", f"/sources/{_segment(source_id)}")
        return responses.source(where, self.request(where.method, where.path))

    def update_source(self, source_id: str, body: dict[str, Any]) -> None:
        self.request("PUT", f"/sources/{_segment(source_id)}", body)

    def update_schedule(self, source_id: str, body: dict[str, Any]) -> None:
        self.request("PUT", f"/sources/{_segment(source_id)}/extraction/schedule", body)

    def source_status(self, source_id: str) -> SourceStatus:
        where = Where("GET", f"/sources/{_segment(source_id)}/status")
        return responses.source_status(where, self.request(where.method, where.path))

    def delete_source(self, source_id: str) -> None:
        self.request("DELETE", f"/sources/{_segment(source_id)}")

    # -- flows ----------------------------------------------------------------------------------

    def create_flow(self, body: dict[str, Any]) -> FlowInfo:
        where = Where("POST", "/flows")
        return responses.flow(where, self.request(where.method, where.path, body))

    def list_flows(self) -> list[FlowInfo]:
        where = Where("GET", "/flows")
        answer = responses.objects(where, self.request(where.method, where.path))
        return [responses.flow(where, item) for item in answer]

    def get_flow(self, flow_id: str) -> FlowInfo:
        where = Where("GET", f"/flows/{_segment(flow_id)}")
        return responses.flow(where, self.request(where.method, where.path))

    def update_flow(self, flow_id: str, body: dict[str, Any]) -> FlowInfo:
        where = Where("PUT", f"/flows/{_segment(flow_id)}")
        return responses.flow(where, self.request(where.method, where.path, body))

    def delete_flow(self, flow_id: str) -> None:
        self.request("DELETE", f"/flows/{_segment(flow_id)}")


_clients: dict[Settings, DataddoClient] = {}
_clients_lock = threading.Lock()


def shared_client(settings: Settings) -> DataddoClient:
    """The process-wide client of `settings` (one session and one login per account)."""
    with _clients_lock:
        client = _clients.get(settings)
        if client is None:
            client = _clients[settings] = DataddoClient(settings)
        return client
