"""Reading the emulator's journal and acting on it out of band, as another API user would."""

from __future__ import annotations

from collections import Counter
from typing import Any

import requests

from dataddo_emulator.testing import RunningEmulator
from tests.seed import SNAPCHAT_FIELDS

PREFIX = "/customer-api/v1"
AUTH_ROUTES = {f"{PREFIX}/auth", f"{PREFIX}/refresh"}


class Journal:
    """The requests the emulator served since a mark."""

    def __init__(self, emulator: RunningEmulator) -> None:
        self.emulator = emulator
        self.mark = self._last()

    def _last(self) -> int:
        entries = self.emulator.requests(since=0)
        return int(entries[-1]["seq"]) if entries else 0

    def entries(self) -> list[dict[str, Any]]:
        return self.emulator.requests(since=self.mark)

    def calls(self) -> list[str]:
        """`METHOD route` of each API call (logins left out), in order."""
        return [
            f"{e['method']} {e['route'].removeprefix(PREFIX)}"
            for e in self.entries()
            if e["route"] not in AUTH_ROUTES
        ]

    def served(self) -> list[str]:
        """`METHOD route` of each API call that succeeded (logins and refused tokens left out)."""
        return [
            f"{e['method']} {e['route'].removeprefix(PREFIX)}"
            for e in self.entries()
            if e["route"] not in AUTH_ROUTES and e["status"] is not None and e["status"] < 400
        ]

    def renewals(self) -> int:
        """Successful token renewals."""
        refresh = f"{PREFIX}/refresh"
        return sum(1 for e in self.entries() if e["route"] == refresh and e["status"] == 200)

    def counts(self) -> Counter[str]:
        return Counter(self.calls())

    def bodies(self, call: str) -> list[Any]:
        """The JSON bodies the API accepted with `METHOD route` (secret values redacted)."""
        method, route = call.split(" ", 1)
        return [
            e["body"]
            for e in self.entries()
            if e["method"] == method
            and e["route"] == PREFIX + route
            and e["status"] is not None
            and e["status"] < 400
        ]


class OutOfBand:
    """Changes made to the account outside Pulumi (the web app, a colleague, a script)."""

    def __init__(self, emulator: RunningEmulator, email: str, password: str) -> None:
        self.url = emulator.url
        token = emulator.login(email, password)
        self.http = requests.Session()
        self.http.trust_env = False
        self.http.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, body: Any = None) -> Any:
        response = self.http.request(method, self.url + path, json=body, timeout=30)
        response.raise_for_status()
        return response.json() if response.content else None

    def create_chain(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        """A service, a source and a flow made by hand, as in the web app."""
        credentials = {"staticKey": "old", "clientId": "client-1", "clientSecret": "old"}
        service = self.call(
            "POST",
            "/services",
            {"serviceName": "snapchat_static", "config": {**credentials, "label": "Made by hand"}},
        )
        source = self.call(
            "POST",
            "/connectors/snapchat/create-source",
            {"connectorId": "snapchat", "templateId": "index", "oAuthId": str(service["id"]),
             "label": "Hand source", "strategy": "incremental", **SNAPCHAT_FIELDS},
        )  # fmt: skip
        flow = self.call(
            "POST",
            "/flows",
            {"sources": [source["id"]], "app": "google_data_studio", "label": "Hand flow"},
        )
        return service, source, flow
