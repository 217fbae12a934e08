"""A `pulumi preview --json` plan read into plain data, every value masked as it is read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_dataddo.cli.review import kinds, paths
from pulumi_dataddo.cli.review.masking import Marker, mask_fields, scrub

# Steps of one replacement (`--show-replacement-steps` lists them besides "replace").
_REPLACEMENT_OPS = frozenset({"replace", "create-replacement", "delete-replaced"})
_ROOT_STACK = "pulumi:pulumi:Stack"


class PlanError(ValueError):
    """The document is not a plan, or not one this tool can read."""


@dataclass(frozen=True)
class FieldChange:
    """One changed field: its property path, old and new values (masked; `Marker.ABSENT` where
    the plan has none) and whether it forces the replacement."""

    path: str
    old: Any
    new: Any
    forces_replacement: bool = False


@dataclass(frozen=True)
class Change:
    """What the plan does to one resource."""

    name: str  # the resource name (the URN's last part)
    type: str  # its type token
    action: str  # create, update, replace, delete, or the engine's op (read, import, ...)
    kind: str | None  # the Dataddo kind (Service, Source, Flow, Destination); None for others
    id: str | None  # the object's id now, when it exists
    fields: tuple[FieldChange, ...]
    replaced_by: tuple[str, ...]  # the properties forcing a replacement
    current: Mapping[str, Any]  # the object's fields now (masked)
    retained: bool  # `retain_on_delete`: a delete leaves the object in Dataddo


@dataclass(frozen=True)
class Plan:
    """The changes of a plan (unchanged resources left out), in the plan's order."""

    project: str | None
    stack: str | None
    changes: tuple[Change, ...]
    errors: tuple[str, ...]  # the preview's error diagnostics: the plan is then incomplete

    def dataddo(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind is not None)

    def others(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind is None)


def parse(document: Any) -> Plan:
    """The plan in `document`, the parsed JSON of `pulumi preview --json`."""
    if not isinstance(document, dict) or not {"steps", "changeSummary"} & document.keys():
        raise PlanError('no "steps" or "changeSummary": not the output of `pulumi preview --json`')
    steps = _list(document, "steps", "the plan")
    for number, step in enumerate(steps, 1):
        if not isinstance(step, dict) or not all(
            isinstance(step.get(k), str) for k in ("op", "urn")
        ):
            raise PlanError(f'step {number} has no "op" and "urn" strings')
    by_urn: dict[str, list[dict[str, Any]]] = {}
    for step in steps:
        by_urn.setdefault(step["urn"], []).append(step)
    project, stack = _urn_parts(steps[0]["urn"])[:2] if steps else (None, None)
    changes = [_change(group) for group in by_urn.values()]
    return Plan(
        project=project,
        stack=stack,
        changes=tuple(c for c in changes if c.action != "same" and c.type != _ROOT_STACK),
        errors=_errors(document),
    )


def _change(steps: list[dict[str, Any]]) -> Change:
    ops = {step["op"] for step in steps}
    # One replacement may show as several steps; the "replace" one carries its diff.
    step = next((s for s in steps if s["op"] == "replace"), steps[0])
    urn = step["urn"]
    _, _, type_token, name = _urn_parts(urn)
    kind_name = kinds.dataddo_kind(type_token)
    secret = kinds.kind(kind_name).secret
    old, new = _dict(step, "oldState", urn), _dict(step, "newState", urn)
    inputs = _values(old, "inputs", secret, urn)
    states = _States(
        inputs=inputs,
        current={**inputs, **_values(old, "outputs", secret, urn)},
        planned=_values(new, "inputs", secret, urn),
    )
    action = "replace" if ops & _REPLACEMENT_OPS else step["op"]
    reasons = _reasons(step, urn) if action == "replace" else ()
    return Change(
        name=name,
        type=type_token,
        action=action,
        kind=kind_name,
        id=str(old["id"]) if old.get("id") is not None else None,
        fields=_fields(step, action, states, reasons, urn),
        replaced_by=reasons,
        current=states.current,
        retained=bool(old.get("retainOnDelete")),
    )


@dataclass(frozen=True)
class _States:
    inputs: dict[str, Any]  # the old inputs
    current: dict[str, Any]  # the old outputs over the old inputs
    planned: dict[str, Any]  # the new inputs


def _fields(
    step: dict[str, Any], action: str, states: _States, reasons: tuple[str, ...], urn: str
) -> tuple[FieldChange, ...]:
    """A create: every input, a path per value. Else the changed paths of `detailedDiff` (old
    values from the old inputs or, where the engine compared outputs, `inputDiff` false, from
    the outputs), else `diffReasons`."""
    if action == "create":
        return tuple(FieldChange(p, Marker.ABSENT, v) for p, v in paths.leaves(states.planned))
    diff = _dict(step, "detailedDiff", urn)
    names = sorted(diff) if diff else [str(name) for name in _list(step, "diffReasons", urn)]
    changes = []
    for name in names:
        path = paths.parse(name)
        by_inputs = not isinstance(diff.get(name), dict) or diff[name].get("inputDiff", True)
        changes.append(
            FieldChange(
                path=name,
                old=paths.lookup(states.inputs if by_inputs else states.current, path),
                new=paths.lookup(states.planned, path),
                forces_replacement=any(paths.covers(reason, name) for reason in reasons),
            )
        )
    return tuple(c for c in changes if not c.path.startswith("__"))


def _reasons(step: dict[str, Any], urn: str) -> tuple[str, ...]:
    """`replaceReasons`, then the paths `detailedDiff` marks `*-replace` that they miss."""
    reasons = [str(reason) for reason in _list(step, "replaceReasons", urn)]
    for path, entry in sorted(_dict(step, "detailedDiff", urn).items()):
        kind = str(entry.get("kind", "")) if isinstance(entry, dict) else ""
        if kind.endswith("-replace") and not any(paths.covers(r, path) for r in reasons):
            reasons.append(path)
    return tuple(dict.fromkeys(reasons))


def _errors(document: dict[str, Any]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for diagnostic in _list(document, "diagnostics", "the plan"):
        if isinstance(diagnostic, dict) and diagnostic.get("severity") == "error":
            message = str(diagnostic.get("message", "")).strip().removeprefix("error: ")
            found[scrub(message.splitlines()[0] if message else "(no message)")] = None
    return tuple(found)


def _urn_parts(urn: str) -> tuple[str, str, str, str]:
    """Project, stack, type and name of a URN (`urn:pulumi:STACK::PROJECT::TYPE::NAME`)."""
    parts = urn.removeprefix("urn:pulumi:").split("::", 3)
    if not urn.startswith("urn:pulumi:") or len(parts) != 4:
        raise PlanError(f"{urn!r} is not a Pulumi URN")
    stack, project, qualified_type, name = parts
    # A child's type is qualified by its parents' types: `parent$child`.
    return project, stack, qualified_type.rsplit("$", 1)[-1], name


def _values(state: dict[str, Any], key: str, secret: tuple[str, ...], urn: str) -> dict[str, Any]:
    hidden = (*secret, *_list(state, "additionalSecretOutputs", urn))
    return mask_fields(_dict(state, key, urn), hidden)


def _dict(container: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = container.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PlanError(f'{where}: "{key}" is not an object')
    return value


def _list(container: dict[str, Any], key: str, where: str) -> list[Any]:
    value = container.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise PlanError(f'{where}: "{key}" is not a list')
    return value
