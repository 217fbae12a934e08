"""A logic diff plan as the engine's diff answer: per changed property whether it changes in
place or replaces, and whether a value appears or disappears, so that `pulumi preview --diff`
and `--json` show exactly what replaces."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi.provider.experimental.provider import DiffResponse, PropertyDiff, PropertyDiffKind

from pulumi_dataddo.fields.base import ResourceSpec
from pulumi_dataddo.logic.diff import DiffPlan

# (in place, replacing) kinds of a value that is added, deleted or updated.
KINDS = {
    "add": (PropertyDiffKind.ADD, PropertyDiffKind.ADD_REPLACE),
    "delete": (PropertyDiffKind.DELETE, PropertyDiffKind.DELETE_REPLACE),
    "update": (PropertyDiffKind.UPDATE, PropertyDiffKind.UPDATE_REPLACE),
}


def change(old: Any, new: Any) -> str:
    """How a changed value changes: it appears, disappears, or becomes another."""
    if old is None:
        return "add"
    return "delete" if new is None else "update"


def response(
    spec: ResourceSpec, plan: DiffPlan, olds: Mapping[str, Any], news: Mapping[str, Any]
) -> DiffResponse:
    """The diff answer of `plan` (logic names) in wire names, every change detailed."""
    camel = {field.name: field.camel for field in spec.fields}
    detailed = {
        camel[name]: PropertyDiff(
            KINDS[change(olds.get(name), news.get(name))][name in plan.replaces],
            input_diff=True,
        )
        for name in plan.changes
    }
    return DiffResponse(
        changes=plan.changed,
        replaces=[camel[name] for name in plan.replaces],
        stables=[camel[name] for name in plan.stables],
        delete_before_replace=False,
        diffs=list(detailed),
        detailed_diff=detailed,
    )
