"""The review as Markdown for a pull-request comment (GitHub-flavoured: tables, alerts)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from pulumi_dataddo.cli.review import kinds
from pulumi_dataddo.cli.review.masking import Marker
from pulumi_dataddo.cli.review.plan import Change, FieldChange, Plan

# Most consequential first: sections and counts follow this order, other actions after them.
ORDER = ("delete", "replace", "update", "create")
DESTRUCTIVE = ("delete", "replace")
_SYMBOLS = {"create": "+", "update": "~", "replace": "+-", "delete": "-"}
_LONGEST_VALUE = 120


def render(plan: Plan) -> str:
    """The whole comment."""
    dataddo = sorted(plan.dataddo(), key=lambda change: _rank(change.action))
    blocks = [
        _title(plan),
        _summary(plan),
        *_failure(plan),
        *_destructive(dataddo),
        *(_section(change) for change in dataddo),
        *_others(plan),
    ]
    return "\n\n".join(blocks) + "\n"


def _title(plan: Plan) -> str:
    where = f": {_code(plan.project)} / {_code(plan.stack)}" if plan.project and plan.stack else ""
    return f"## Pulumi preview{where}"


def _summary(plan: Plan) -> str:
    line = f"**Dataddo:** {_counts(plan.dataddo()) or 'no changes'}"
    others = _counts(plan.others())
    return f"{line} · **other resources:** {others}" if others else line


def _counts(changes: Iterable[Change]) -> str:
    counts = Counter(change.action for change in changes)
    return ", ".join(f"{counts[action]} to {action}" for action in sorted(counts, key=_rank))


def _failure(plan: Plan) -> list[str]:
    if not plan.errors:
        return []
    errors = "\n".join(f"- {error}" for error in plan.errors)
    return [_alert("CAUTION", f"**The preview failed: this plan is incomplete.**\n{errors}")]


def _destructive(changes: list[Change]) -> list[str]:
    counts = Counter(change.action for change in changes if change.action in DESTRUCTIVE)
    if not counts:
        return []
    verbs = " and ".join(
        f"**{action}s {counts[action]}**" for action in DESTRUCTIVE if counts[action]
    )
    noun = "resource" if counts.total() == 1 else "resources"
    return [_alert("CAUTION", f"This plan {verbs} Dataddo {noun}: what each costs is below.")]


def _section(change: Change) -> str:
    blocks = [f"### {_symbol(change)} {change.action} {change.kind} {_code(change.name)}"]
    if change.replaced_by:
        forced = ", ".join(_code(reason) for reason in change.replaced_by)
        blocks.append(f"**Replacement forced by:** {forced}")
    blocks.extend(_warning(change))
    if change.fields:
        blocks.append(_table(change))
    return "\n\n".join(blocks)


def _warning(change: Change) -> list[str]:
    """What a replace or delete costs a Dataddo user, and the object it affects."""
    if change.action not in DESTRUCTIVE:
        return []
    cost = kinds.kind(change.kind).costs.get(change.action)
    lines = [cost] if cost and not (change.retained and change.action == "delete") else []
    if change.retained:
        lines.append(kinds.RETAINED[change.action])
    lines.append(_now(change))
    return [_alert("WARNING", "\n\n".join(lines))]


def _now(change: Change) -> str:
    """The object a replace or delete affects, as it is now."""
    facts = [f"id {_code(change.id)}"] if change.id else []
    for name in kinds.kind(change.kind).shown:
        value = change.current.get(name, Marker.ABSENT)
        if value is not Marker.ABSENT:
            facts.append(f"{name} {_value(value)}")
    return "Now: " + (", ".join(facts) or "not in the plan")


def _table(change: Change) -> str:
    if change.action == "create":
        rows = [["field", "value"], ["---", "---"]]
        rows += [[_code(f.path), _value(f.new)] for f in change.fields]
    else:
        rows = [["field", "old", "new"], ["---", "---", "---"]]
        rows += [[_field(f), _value(f.old), _value(f.new)] for f in change.fields]
    return "\n".join("| " + " | ".join(c.replace("|", r"\|") for c in row) + " |" for row in rows)


def _field(change: FieldChange) -> str:
    return _code(change.path) + (" **(forces replacement)**" if change.forces_replacement else "")


def _others(plan: Plan) -> list[str]:
    rows = [f"- {_symbol(c)} {c.action} {_code(c.type)} {_code(c.name)}" for c in plan.others()]
    return ["### Other resources\n\n" + "\n".join(rows)] if rows else []


def _value(value: Any) -> str:
    """A value: markers in italics, strings bare where quoting adds nothing, others as JSON."""
    if isinstance(value, Marker):
        return f"_{value.value}_"
    bare = (
        isinstance(value, str) and value.strip() == value != "" and json.dumps(value)[1:-1] == value
    )
    text = value if bare else json.dumps(value, ensure_ascii=False, default=_marker_text)
    if len(text) > _LONGEST_VALUE:
        text = text[: _LONGEST_VALUE - 1] + "…"
    return _code(text)


def _marker_text(marker: Marker) -> str:
    return marker.value


def _symbol(change: Change) -> str:
    return _code(_SYMBOLS.get(change.action, "*"))


def _code(text: str | None) -> str:
    """`text` as inline code, whatever backticks it holds."""
    text = str(text).replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def _alert(kind: str, body: str) -> str:
    """A GitHub alert block (WARNING, CAUTION)."""
    return f"> [!{kind}]\n" + "\n".join(f"> {line}".rstrip() for line in body.splitlines())


def _rank(action: str) -> tuple[int, str]:
    return (ORDER.index(action) if action in ORDER else len(ORDER), action)
