"""Every resource kind's logic, found in this package: an adapter that serves every kind (the
native provider) needs no code of its own for a new one, only its `LOGIC` here."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from pulumi_dataddo import logic
from pulumi_dataddo.logic.base import ResourceLogic


@cache
def logics() -> tuple[ResourceLogic, ...]:
    """The `LOGIC` of every module of `pulumi_dataddo.logic`, by resource name."""
    found = []
    for module in pkgutil.iter_modules(logic.__path__):
        value = getattr(importlib.import_module(f"{logic.__name__}.{module.name}"), "LOGIC", None)
        if isinstance(value, ResourceLogic):
            found.append(value)
    return tuple(sorted(found, key=lambda kind: kind.spec.name))
