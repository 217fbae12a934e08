"""The emulator's journal of one operation, as counts of `METHOD /route`.

Routes are the emulator's path templates under `/customer-api/v1` (`GET /sources/{id}`), so
calls on different objects add up. Logins (`/auth`, `/refresh`) are counted apart: they are per
provider process, not per resource.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

PREFIX = "/customer-api/v1"
AUTH_ROUTES = frozenset({"/auth", "/refresh"})
# The resource kind a route's calls are made for (the first path segment says it).
KIND_OF_SEGMENT = {
    "services": "Service",
    "sources": "Source",
    "connectors": "Source",  # create-source
    "flows": "Flow",
}


@dataclass(frozen=True)
class Calls:
    """What one operation asked of the API."""

    by_route: dict[str, int]  # "METHOD /route" -> count, logins left out
    auth: int  # logins and token refreshes
    failed: int  # answers with status >= 400 or none (dropped)
    server_ms: float  # time the emulator spent answering, injected latency included


def route_of(entry: Mapping[str, Any]) -> str:
    """The entry's route without the API prefix (its path when no route matched)."""
    route = entry.get("route") or entry.get("path") or "?"
    return str(route).removeprefix(PREFIX)


def kind_of(call: str) -> str:
    """The resource kind of `METHOD /route`, "other" for calls of no kind."""
    segment = call.split(" ", 1)[-1].lstrip("/").split("/", 1)[0]
    return KIND_OF_SEGMENT.get(segment, "other")


def by_kind(calls: Mapping[str, float]) -> dict[str, float]:
    """Calls (`METHOD /route` -> count) added up per resource kind (Service, Source, Flow)."""
    counts: dict[str, float] = defaultdict(float)
    for call, count in calls.items():
        counts[kind_of(call)] += count
    return dict(counts)


def summarize(entries: Iterable[Mapping[str, Any]]) -> Calls:
    """Count journal entries by method and route."""
    by_route: Counter[str] = Counter()
    auth = failed = 0
    server_ms = 0.0
    for entry in entries:
        route = route_of(entry)
        if route in AUTH_ROUTES:
            auth += 1
        else:
            by_route[f"{entry['method']} {route}"] += 1
        status = entry.get("status")
        failed += status is None or int(status) >= 400
        server_ms += float(entry.get("duration_ms") or 0)
    return Calls(dict(sorted(by_route.items())), auth, failed, round(server_ms, 1))
