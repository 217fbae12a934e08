"""The account's objects as the spec's answers show them, and whether an unmanaged Source was
created with a planned Source's inputs (its `/metadata`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_dataddo.cli.unmanaged.matching import Found
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic import connector_form, source


def inventory(api: DataddoClient) -> list[Found]:
    """Every Service, Source, Destination and Flow of the account."""
    services = [
        Found("Service", str(s.id), s.label, s.last_action, service=s.service)
        for s in api.list_services()
    ]
    sources = [Found("Source", s.id, s.label, s.created) for s in api.list_sources()]
    flows = [
        Found(
            "Flow", f.id, f.label, app=f.app, sources=tuple(f.sources), destination=f.destination_id
        )
        for f in api.list_flows()
    ]
    destinations = [Found("Destination", d.id, d.label, d.created) for d in api.list_destinations()]
    return [*services, *sources, *destinations, *flows]


def source_check(api: DataddoClient) -> Any:
    """A `matching.SourceCheck` reading a candidate's connector and creation parameters."""

    def made(found: Found, inputs: Mapping[str, Any]) -> bool:
        result = source.check({}, dict(inputs))
        if result.failures:  # inputs a create would refuse never made an object
            return False
        checked = result.inputs
        if api.get_source(found.id).connector_id != checked.get("connector_id"):
            return False
        names = connector_form.names(checked["connector_id"])
        return source.made_by(api.source_metadata(found.id), source.body(checked), names)

    return made
