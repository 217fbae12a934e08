"""Field-by-field diff of old outputs against new inputs, driven by a resource's fields.

A field changes in place or needs a replacement; a field managed only when set is never a
change while omitted. Values not known yet count as changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_dataddo.fields.base import Field, ResourceSpec
from pulumi_dataddo.fields.values import is_unknown


@dataclass(frozen=True)
class DiffPlan:
    """What changed, which of those changes need a replacement, and which outputs an in-place
    update leaves as they are."""

    changes: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    stables: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def changed(field: Field, olds: Mapping[str, Any], news: Mapping[str, Any]) -> bool:
    """Whether `field` differs between the old outputs and the new inputs."""
    new = news.get(field.name)
    if is_unknown(new):
        return True
    if new is None and field.managed_when_set:
        return False
    normalize = field.type.normalize
    return bool(normalize(olds.get(field.name)) != normalize(new))


def plan(spec: ResourceSpec, olds: Mapping[str, Any], news: Mapping[str, Any]) -> DiffPlan:
    """The diff of every compared field."""
    changes = tuple(f.name for f in spec.compared if changed(f, olds, news))
    replaces = tuple(name for name in changes if spec.field(name).replaces)
    stables = () if replaces else tuple(f.name for f in spec.outputs if f.stable)
    return DiffPlan(changes, replaces, stables)
