"""The account's objects as the spec's answers show them, and whether an unmanaged Source was
created with a planned Source's inputs (its `/metadata`).

The plan hides every secret input (a Source's config holding a credential is secret), also
under `--show-secrets`: what it hides is left out of the comparison, and the adoption compares
it (the next `up` holds the plaintext and checks the object's creation parameters against it
before taking it)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pulumi_dataddo.cli.review.masking import PLAN_SECRET
from pulumi_dataddo.cli.unmanaged.matching import Found, SourceCheck
from pulumi_dataddo.cli.unmanaged.runs import ANY, Span
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.http.responses import FlowInfo
from pulumi_dataddo.logic import connector_form, source


def inventory(api: DataddoClient) -> list[Found]:
    """Every Service, Source, Destination and Flow of the account, with what the answers tell
    of when each was created: a Source's or Destination's date is its creation, a Service's its
    last change (it was created no later), and a Flow, undated, was created after the objects it
    names."""
    services = [
        Found(
            "Service", str(s.id), s.label, s.last_action, _changed(s.last_action), service=s.service
        )
        for s in api.list_services()
    ]
    sources = [
        Found("Source", s.id, s.label, s.created, _created(s.created)) for s in api.list_sources()
    ]
    destinations = [
        Found("Destination", d.id, d.label, d.created, _created(d.created))
        for d in api.list_destinations()
    ]
    dated = {(f.kind, f.id): f.made[0] for f in [*sources, *destinations]}
    flows = [
        Found(
            "Flow",
            f.id,
            f.label,
            made=(_after(dated, f), math.inf),
            app=f.app,
            sources=tuple(f.sources),
            destination=f.destination_id,
        )
        for f in api.list_flows()
    ]
    return [*services, *sources, *destinations, *flows]


def _created(at: float | None) -> Span:
    return ANY if at is None else (at, at)


def _changed(at: float | None) -> Span:
    return ANY if at is None else (-math.inf, at)


def _after(dated: Mapping[tuple[str, str], float], flow: FlowInfo) -> float:
    """When the newest of the objects a Flow names was created (-inf: none is dated)."""
    named = [("Source", s) for s in flow.sources]
    if flow.destination_id:
        named.append(("Destination", flow.destination_id))
    return max((dated[key] for key in named if key in dated), default=-math.inf)


def source_check(api: DataddoClient) -> SourceCheck:
    """The matching's Source check, reading a candidate's connector and creation parameters."""

    def made(found: Found, inputs: Mapping[str, Any]) -> bool:
        source_info = api.get_source(found.id)
        return made_with(inputs, source_info.connector_id, api.source_metadata(found.id))

    return made


def made_with(
    inputs: Mapping[str, Any], connector_id: str | None, metadata: Mapping[str, Any]
) -> bool:
    """Whether the Source of connector `connector_id` whose creation parameters are `metadata`
    was made by a planned Source's (resolved) inputs, as far as the plan shows them."""
    request = declared_request(inputs)
    if request is None or connector_id != inputs["connector_id"]:
        return False
    return source.made_by(metadata, request, connector_form.names(inputs["connector_id"]))


def declared_request(inputs: Mapping[str, Any]) -> dict[str, Any] | None:
    """The create-source request a planned Source's inputs make, less what the plan hides;
    None for inputs a create would refuse (they never made an object) or without a connector
    to tell the request's form."""
    shown, hidden = _shown(inputs)
    result = source.check({}, shown)
    # A hidden value is missing here and may fail the check: the preview checked its plaintext.
    refused = [f for f in result.failures if not _within(f.field, hidden)]
    if refused or not isinstance(shown.get("connector_id"), str):
        return None
    return source.body(result.inputs)


def _shown(inputs: Mapping[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """The inputs less what the plan hides (a field, or keys of a mapping such as the config),
    and the paths left out (`config`, `config.accountId`)."""
    shown: dict[str, Any] = {}
    hidden: set[str] = set()
    for name, value in inputs.items():
        if isinstance(value, Mapping):
            keys = {key for key, item in value.items() if _holds_hidden(item)}
            shown[name] = {key: item for key, item in value.items() if key not in keys}
            hidden |= {f"{name}.{key}" for key in keys}
        elif _holds_hidden(value):
            hidden.add(name)
        else:
            shown[name] = value
    return shown, hidden


def _within(path: str, paths: set[str]) -> bool:
    return any(path == p or path.startswith((f"{p}.", f"{p}[")) for p in paths)


def _holds_hidden(value: Any) -> bool:
    if isinstance(value, Mapping):
        return any(_holds_hidden(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_hidden(v) for v in value)
    return bool(value == PLAN_SECRET)
