"""How much state each resource costs, from `pulumi stack export`.

Sizes are bytes of compact JSON, so indentation does not count. A resource's "own" properties
are its inputs and outputs without `__provider`; everything else in its entry is overhead, split
into the pickled provider (`__provider`, in inputs and outputs), the SDK's record of where the
program declared it (`stackTrace`, `sourcePosition`), dependencies (`dependencies`,
`propertyDependencies`) and the rest (urn, type, id, provider reference, timestamps, ...).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from statistics import mean
from typing import Any

# The resources measured: the dynamic providers' and the native ones' (`<package>:index:<Kind>`).
MEASURED = ("pulumi-python:dynamic", "dataddo:index:", "benchfloor:index:")
PROVIDER_KEY = "__provider"
# Overhead parts: name -> the entry's keys that make it up.
PARTS = {
    "trace": ("stackTrace", "sourcePosition"),
    "dependencies": ("dependencies", "propertyDependencies"),
}


def size(value: Any) -> int:
    """Bytes of `value` as compact JSON."""
    return len(json.dumps(value, separators=(",", ":")).encode())


def _without_provider(properties: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (properties or {}).items() if k != PROVIDER_KEY}


def breakdown(resource: Mapping[str, Any]) -> dict[str, int]:
    """The bytes of one state entry: total, own properties, overhead and its parts."""
    total = size(resource)
    own = size(_without_provider(resource.get("inputs"))) + size(
        _without_provider(resource.get("outputs"))
    )
    provider = sum(
        size(props[PROVIDER_KEY])
        for props in (resource.get("inputs") or {}, resource.get("outputs") or {})
        if PROVIDER_KEY in props
    )
    parts = {
        part: sum(size(resource[key]) for key in keys if key in resource)
        for part, keys in PARTS.items()
    }
    overhead = total - own
    other = overhead - provider - sum(parts.values())
    return {
        "total": total,
        "own": own,
        "overhead": overhead,
        "provider": provider,
        **parts,
        "other": other,
    }


def kind(resource: Mapping[str, Any]) -> str:
    """Service, Source or Flow (the last part of the resource's type)."""
    return str(resource["type"]).rsplit(":", 1)[-1]


def per_kind(resources: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, float]]:
    """Mean bytes per resource of each kind (Dataddo resources and their floors' only), with
    their count."""
    entries: dict[str, list[dict[str, int]]] = defaultdict(list)
    for resource in resources:
        if str(resource.get("type", "")).startswith(MEASURED):
            entries[kind(resource)].append(breakdown(resource))
    return {
        name: {"count": len(rows)}
        | {key: round(mean(row[key] for row in rows), 1) for key in rows[0]}
        for name, rows in sorted(entries.items())
    }


def summary(export: Mapping[str, Any]) -> dict[str, Any]:
    """Per-kind sizes and the whole checkpoint's size per measured resource."""
    resources = export["deployment"].get("resources", [])
    kinds = per_kind(resources)
    count = sum(int(row["count"]) for row in kinds.values())
    whole = size(export)
    return {
        "kinds": kinds,
        "checkpoint_bytes": whole,
        "checkpoint_bytes_per_resource": round(whole / count, 1) if count else None,
    }
