"""The native provider (`pulumi-resource-dataddo`) and its Python SDK.

A program uses it by changing one import: `import pulumi_dataddo.native as dataddo` takes the
same resources (`Service`, `Source`, `Flow`, `Destination`, `Schedule`), lookups and error as
`pulumi_dataddo`, registered as `dataddo:index:<Kind>` with the provider plugin (docs/native.md).
The provider itself lives in `provider.py` and `server.py`; names are imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pulumi_dataddo.dynamic.schedule import Schedule
    from pulumi_dataddo.errors import DataddoError
    from pulumi_dataddo.native.invokes import (
        get_accounts,
        get_connectors,
        get_destination_types,
        get_organizations,
        get_write_modes,
    )
    from pulumi_dataddo.native.resources import Destination, Flow, Service, Source

_EXPORTS = {
    "DataddoError": "pulumi_dataddo.errors",
    "Destination": "pulumi_dataddo.native.resources",
    "Flow": "pulumi_dataddo.native.resources",
    "Schedule": "pulumi_dataddo.dynamic.schedule",
    "Service": "pulumi_dataddo.native.resources",
    "Source": "pulumi_dataddo.native.resources",
    "get_accounts": "pulumi_dataddo.native.invokes",
    "get_connectors": "pulumi_dataddo.native.invokes",
    "get_destination_types": "pulumi_dataddo.native.invokes",
    "get_organizations": "pulumi_dataddo.native.invokes",
    "get_write_modes": "pulumi_dataddo.native.invokes",
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
        raise AttributeError(f"module 'pulumi_dataddo.native' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
