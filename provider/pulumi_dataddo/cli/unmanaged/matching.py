"""Which objects no stack holds might be the ones a failed or killed run created: pure matching
of planned creates against the account's unmanaged objects.

A match needs every declared field that both the plan and the account show to agree (the plan
hides secret inputs: the adoption checks those), a label that tells objects apart (set, not
secret, and not the API's default), and references that resolve: an input the plan does not know
yet (a Source's `oauth_id` while its Service is itself to be created) is the object matched to
the resource it depends on. Only an object that may have been created during a run of the stack
that did not succeed is a match; one that may have been created during such a run of another
stack as well is claimed by that stack too, and never proposed. A planned resource is proposed
for adoption only with exactly one match, unclaimed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pulumi_dataddo.cli.review.masking import PLAN_SECRET
from pulumi_dataddo.cli.unmanaged.runs import ANY, Span
from pulumi_dataddo.cli.unmanaged.stacks import Planned
from pulumi_dataddo.fields.values import is_unknown
from pulumi_dataddo.logic.flow import DEFAULT_LABEL

# The order references point in: a Source names its Service, a Flow its Sources.
ORDER = ("Service", "Destination", "Source", "Flow")


@dataclass(frozen=True)
class Found:
    """An object of the account: its kind, id, label, when the API says it was created or last
    changed (Unix seconds, None when it does not say), the bounds that puts on when it was
    created, and what tells its kind apart."""

    kind: str
    id: str
    label: str | None
    since: float | None = None
    made: Span = ANY
    service: str | None = None  # a Service's type
    app: str | None = None  # a Flow's app
    sources: tuple[str, ...] = ()  # a Flow's sources
    destination: str | None = None  # the Destination a Flow writes into

    def within(self, spans: Sequence[Span]) -> bool:
        """Whether it may have been created within one of `spans`."""
        low, high = self.made
        return any(low <= end and start <= high for start, end in spans)


# Whether an unmanaged Source was created with the declared (resolved) inputs.
SourceCheck = Callable[[Found, Mapping[str, Any]], bool]


@dataclass(frozen=True)
class Matches:
    """For each planned create (by URN) the unmanaged objects that may be the one it made, and
    for each of those (by id) the other stacks whose runs may have made it as well."""

    found: dict[str, list[Found]] = field(default_factory=dict)
    claims: dict[str, list[str]] = field(default_factory=dict)

    def taken(self, urn: str) -> Found | None:
        """The object a planned create may adopt: its only match, claimed by no other stack."""
        found = self.found.get(urn, [])
        return found[0] if len(found) == 1 and found[0].id not in self.claims else None


def matches(
    planned: list[Planned],
    unmanaged: list[Found],
    source_made: SourceCheck,
    runs: Sequence[Span] = (ANY,),
    others: Mapping[str, Sequence[Span]] | None = None,
) -> Matches:
    """Match the planned creates against the unmanaged objects that may have been created
    within the stack's `runs` (spans of the API's clock), noting which of those the runs of
    `others` (other stacks, by name) may have made."""
    recent = [f for f in unmanaged if f.within(runs)]
    claims = {
        f.id: stacks
        for f in recent
        if (stacks := [name for name, spans in (others or {}).items() if f.within(spans)])
    }
    result = Matches({}, claims)
    adopted: dict[str, str] = {}  # URN -> the id it takes
    for kind in ORDER:
        for plan in (p for p in planned if p.kind == kind and p.inputs.get("adopt_id") is None):
            inputs = _resolved(plan, adopted)
            found = [] if inputs is None else _candidates(plan.kind, inputs, recent, source_made)
            result.found[plan.urn] = found
            if (taken := result.taken(plan.urn)) is not None:
                adopted[plan.urn] = taken.id
    return result


def proposed(planned: list[Planned], matched: Matches) -> tuple[dict[str, str], list[str]]:
    """The `dataddo:adopt` entries to write (key -> id: a planned create that takes an object)
    and the keys several planned creates share (one name under different parents): an entry
    for those would make each of them adopt the object, so they need adopt_id on the one meant."""
    counts = Counter(p.key for p in planned)
    entries = {
        p.key: taken.id
        for p in planned
        if counts[p.key] == 1 and (taken := matched.taken(p.urn)) is not None
    }
    return entries, sorted(key for key, count in counts.items() if count > 1)


def _resolved(plan: Planned, adopted: Mapping[str, str]) -> dict[str, Any] | None:
    """The inputs with every unknown value replaced by what its dependency matched; None when
    one cannot be resolved."""
    inputs = dict(plan.inputs)
    for name, value in plan.inputs.items():
        if not is_unknown(value):
            continue
        ids = [adopted.get(urn) for urn in plan.depends.get(name, ())]
        if not ids or None in ids:
            return None
        if isinstance(value, list):
            known = [item for item in value if not is_unknown(item)]
            inputs[name] = [*known, *ids]
        elif len(ids) == 1:
            inputs[name] = ids[0]
        else:
            return None
    return inputs


def _candidates(
    kind: str, inputs: Mapping[str, Any], unmanaged: list[Found], source_made: SourceCheck
) -> list[Found]:
    label = inputs.get("label")
    if not isinstance(label, str) or label in (inputs.get("service"), DEFAULT_LABEL, PLAN_SECRET):
        return []  # nothing tells objects apart (a secret label shows only as PLAN_SECRET)
    same = [f for f in unmanaged if f.kind == kind and f.label == label]
    if kind == "Service":
        return [f for f in same if f.service == inputs.get("service")]
    if kind == "Flow":
        wanted = sorted(map(str, inputs.get("sources") or []))
        target = (inputs.get("app"), inputs.get("destination_id"), wanted)
        return [f for f in same if (f.app, f.destination, sorted(f.sources)) == target]
    if kind == "Source":
        return [f for f in same if source_made(f, inputs)]
    if kind == "Destination":
        return same  # its answers show no type or Service: the distinct label is the identity
    return []  # a kind without a rule is never matched
