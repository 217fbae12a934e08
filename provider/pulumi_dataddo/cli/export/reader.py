"""Read an account through the API, with only what the spec promises for each operation:
services from `GET /services`, each source from `GET /sources/{id}` (label, connector,
template), `/metadata` (its creation parameters) and `/extraction/schedule`, flows from
`GET /flows`."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.http.responses import FlowInfo, ServiceInfo, SourceInfo
from pulumi_dataddo.logic.lifecycle import unless_gone

# Sources read at the same time (three GETs each).
PARALLEL_SOURCES = 8


@dataclass(frozen=True)
class SourceRecord:
    """A source as the API shows it: its `SourceDTO`, creation parameters and schedule."""

    info: SourceInfo
    metadata: dict[str, Any]
    schedule: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Snapshot:
    """Every service, source and flow of an account."""

    services: tuple[ServiceInfo, ...]
    sources: tuple[SourceRecord, ...]
    flows: tuple[FlowInfo, ...]


def read(api: DataddoClient) -> Snapshot:
    """The account of `api` now; a source deleted while it is read is left out."""
    services = tuple(api.list_services())
    ids = [listed.id for listed in api.list_sources()]
    with ThreadPoolExecutor(PARALLEL_SOURCES) as pool:
        sources = tuple(s for s in pool.map(lambda id_: _source(api, id_), ids) if s is not None)
    return Snapshot(services, sources, tuple(api.list_flows()))


def _source(api: DataddoClient, source_id: str) -> SourceRecord | None:
    info = unless_gone(lambda: api.get_source(source_id))
    metadata = unless_gone(lambda: api.source_metadata(source_id))
    if info is None or metadata is None:
        return None
    schedule = unless_gone(lambda: api.get_schedule(source_id))
    return SourceRecord(info, metadata, schedule or {})
