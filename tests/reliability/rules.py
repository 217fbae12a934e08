"""Fault rules for the emulator, and what its journal says about creates."""

from __future__ import annotations

from typing import Any

from tests.reliability.conftest import Served

API = "/customer-api/v1"
CREATES = (
    f"POST {API}/services",
    f"POST {API}/connectors/{{id}}/create-source",
    f"POST {API}/flows",
)
CREATE_ROUTES = {route.split(" ", 1)[1] for route in CREATES}


def on_creates(**rule: Any) -> list[dict[str, Any]]:
    """The same rule on each of the three create routes."""
    return [{"route": route, **rule} for route in CREATES]


def answered_creates(served: Served, since: int) -> int:
    """Creates the emulator answered with 200 after journal entry `since`."""
    return sum(
        1
        for entry in served.emulator.requests(since=since)
        if entry["method"] == "POST" and entry["route"] in CREATE_ROUTES and entry["status"] == 200
    )
