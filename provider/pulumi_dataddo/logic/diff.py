"""Field-by-field diff of old outputs against new inputs.

Each resource declares its fields once: whether a change is made in place or needs a
replacement, and whether the field is managed only when declared (an omitted optional label or
schedule leaves whatever the API holds alone). Values not known yet count as changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pulumi_dataddo.logic.values import is_unknown, whole_numbers


@dataclass(frozen=True)
class Field:
    """A diffed input field."""

    name: str
    replaces: bool = False
    # An omitted (None) new value is "not managed": never a change.
    optional: bool = False
    # Maps a value to its comparable form (e.g. order-free lists, ids as text).
    normalize: Callable[[Any], Any] = whole_numbers


@dataclass(frozen=True)
class DiffPlan:
    """What changed and which of those changes need a replacement."""

    changes: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def changed(field: Field, olds: Mapping[str, Any], news: Mapping[str, Any]) -> bool:
    """Whether `field` differs between the old outputs and the new inputs."""
    new = news.get(field.name)
    if is_unknown(new):
        return True
    if new is None and field.optional:
        return False
    return bool(field.normalize(olds.get(field.name)) != field.normalize(new))


def plan(fields: Sequence[Field], olds: Mapping[str, Any], news: Mapping[str, Any]) -> DiffPlan:
    """The diff of every declared field."""
    changes = tuple(f.name for f in fields if changed(f, olds, news))
    by_name = {f.name: f for f in fields}
    return DiffPlan(changes, tuple(name for name in changes if by_name[name].replaces))
