"""Pulumi resources for the Dataddo headless API.

Resources: `Service` (stored credentials), `Source` (a connector pulling data), `Destination`
(a warehouse, database, storage or app flows write into) and `Flow` (sources wired to a
dashboard app or a destination). Lookups: `get_connectors`, `get_organizations`, `get_accounts`,
`get_destination_types`, `get_write_modes`. Every error derives from `DataddoError`.
Configuration: `dataddo:baseUrl`, `dataddo:email`, `dataddo:password`, `dataddo:accessToken`
(else `DATADDO_*` environment variables). See docs/resources.md.

Names are imported on first use, so that the logic, the HTTP client and the command line
(`pulumi_dataddo.logic`, `.http`, `.cli`) load without Pulumi's SDK.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pulumi_dataddo.dynamic.destination import Destination
    from pulumi_dataddo.dynamic.flow import Flow
    from pulumi_dataddo.dynamic.schedule import Schedule
    from pulumi_dataddo.dynamic.service import Service
    from pulumi_dataddo.dynamic.source import Source
    from pulumi_dataddo.errors import DataddoError
    from pulumi_dataddo.lookups import (
        get_accounts,
        get_connectors,
        get_destination_types,
        get_organizations,
        get_write_modes,
    )

_EXPORTS = {
    "DataddoError": "pulumi_dataddo.errors",
    "Destination": "pulumi_dataddo.dynamic.destination",
    "Flow": "pulumi_dataddo.dynamic.flow",
    "Schedule": "pulumi_dataddo.dynamic.schedule",
    "Service": "pulumi_dataddo.dynamic.service",
    "Source": "pulumi_dataddo.dynamic.source",
    "get_accounts": "pulumi_dataddo.lookups",
    "get_connectors": "pulumi_dataddo.lookups",
    "get_destination_types": "pulumi_dataddo.lookups",
    "get_organizations": "pulumi_dataddo.lookups",
    "get_write_modes": "pulumi_dataddo.lookups",
}
__all__ = [
    "DataddoError",
    "Destination",
    "Flow",
    "Schedule",
    "Service",
    "Source",
    "get_accounts",
    "get_connectors",
    "get_destination_types",
    "get_organizations",
    "get_write_modes",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pulumi_dataddo' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
