"""The Dataddo resource kinds a review knows, and what replacing or deleting one costs a Dataddo
user: all of it as data, in this one place."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

# Type tokens: the Python dynamic providers' and the native provider's.
_TOKEN = re.compile(r"(?:pulumi-python:dynamic/dataddo|dataddo:index):(?P<kind>[A-Za-z]+)")


@dataclass(frozen=True)
class Kind:
    """What a review says about one kind of Dataddo object."""

    shown: tuple[str, ...] = ("label",)  # fields naming the object a replace or delete affects
    costs: Mapping[str, str] = field(default_factory=dict)  # action -> what it costs the user
    secret: tuple[str, ...] = ()  # fields masked whole, whatever the plan says


KINDS: Mapping[str, Kind] = {
    "Service": Kind(
        shown=("label", "service"),
        costs={
            "replace": "A new service is created and needs its credentials again (OAuth-only "
            "types must be authorized again in Dataddo); every source using it is replaced "
            "too, and re-extracts its history.",
            "delete": "The stored credentials are removed from Dataddo; using the service "
            "again means entering (or authorizing) them again.",
        },
        secret=("config",),
    ),
    "Source": Kind(
        shown=("label", "connector_id"),
        costs={
            "replace": "A new source is created and re-extracts its history; flows using it "
            "are updated to read from the new source.",
            "delete": "The source stops extracting, and its extracted history goes with it.",
        },
    ),
    "Flow": Kind(
        shown=("label", "app", "api_id"),
        costs={
            "replace": "The new flow gets a new API endpoint id: dashboards reading the old "
            "endpoint break until they are pointed at the new one.",
            "delete": "The data stops flowing to its app or destination, and its API endpoint "
            "goes away.",
        },
    ),
    "Destination": Kind(
        costs={
            "replace": "Writes to the old destination stop, and the new one must be authorized "
            "again.",
            "delete": "Writes to the destination stop; using it again means creating and "
            "authorizing it again.",
        },
    ),
}
# A Dataddo kind this version does not know yet: shown, without costs.
UNKNOWN_KIND = Kind()
# `retain_on_delete`: the engine removes the resource from the stack but not from Dataddo.
RETAINED = {
    "replace": "`retain_on_delete` is set: the old object stays in Dataddo next to the new one.",
    "delete": "`retain_on_delete` is set: the object stays in Dataddo as it is; only this "
    "stack stops managing it.",
}


def dataddo_kind(type_token: str) -> str | None:
    """The Dataddo kind of a resource type (`Flow`, ...), or None for any other resource."""
    match = _TOKEN.fullmatch(type_token)
    return match["kind"] if match else None


def kind(name: str | None) -> Kind:
    """What a review says about the Dataddo kind `name`."""
    return KINDS.get(name or "", UNKNOWN_KIND)
