"""The emulator's journal of one operation, as counts of `METHOD /route`.

Routes are the emulator's path templates under `/customer-api/v1` (`GET /sources/{id}`), so
calls on different objects add up. Logins (`/auth`, `/refresh`) are counted apart: they are per
provider process, not per resource. So are, in a create, the listings of a kind's collection
(`GET /services`): a provider process lists each kind once before its first create of it
(docs/design.md, "Reconciliation"), per run, not per resource.
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
    "destinations": "Destination",
}
# The collection of each kind: a GET of it lists every object of the kind.
COLLECTIONS = {
    "/services": "Service",
    "/sources": "Source",
    "/destinations": "Destination",
    "/flows": "Flow",
}
# The kinds in the order a chain creates them, then calls of no kind.
KIND_ORDER = (*COLLECTIONS.values(), "other")


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


def listings(calls: Mapping[str, float]) -> dict[str, float]:
    """The GETs of each kind's whole collection among `calls`, per kind. In a create they are
    the reconciler's listings; in a refresh `GET /services` is also how a Service is read (the
    spec has no `GET /services/{id}`)."""
    return {
        COLLECTIONS[call.removeprefix("GET ")]: count
        for call, count in calls.items()
        if call.startswith("GET ") and call.removeprefix("GET ") in COLLECTIONS
    }


def less_listings(
    calls: Mapping[str, float], resources: Mapping[str, int]
) -> tuple[dict[str, float], dict[str, float]]:
    """Calls per resource of each kind, less one listing of the kind per run (the reconciler's,
    which a run takes once whatever the number of resources: more than one per run counts
    against the resources), and the listings per run by kind. `calls` are per run."""
    listed = listings(calls)
    per_resource = {
        kind: round((count - min(listed.get(kind, 0.0), 1.0)) / resources[kind], 3)
        for kind, count in by_kind(calls).items()
        if resources.get(kind)
    }
    return per_resource, {kind: listed.get(kind, 0.0) for kind in per_resource}


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
