"""Create exactly once, and never take another object for the one created.

A create is one POST. When it fails without a clear answer (no answer, a dropped connection, a
5xx, an unreadable 2xx: the object may exist) it is never sent again: the collection is listed
for a few seconds (a timed-out request may still be carried out) and an object is taken for the
created one only when it is provably new and provably this create's (DECIDED):
- new: not an id this process knows (`Ledger`: the stack's own objects, and a listing taken
  before the process's first create of the kind), and, where the answers tell when an object
  was created or changed, not before the POST's second by the API's own clock (`Date` header);
- the one asked for: every field the create sent and the API shows matches (`Identity.matches`),
  and the identity tells objects apart: a label that is set and is not the API's default;
- this create's, not an equal one's: no other create of this process sent the same request, and
  the object names objects only this stack holds (a Source its Service, a Flow its Sources), so
  no other stack's create can have made it. A Service's or a Destination's answers show only
  its type and label, which other stacks may declare alike: never taken.
Exactly one such object is taken. Otherwise the error says what is known: which objects may be
the one created, how to adopt the right one (`pulumi-dataddo unmanaged --adopt`, README
"Recovery") or delete them, and that a late one may still appear.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.errors import ApiError, MalformedResponse, ServerError, TransportError
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.readiness import poll

T = TypeVar("T")
AMBIGUOUS = (TransportError, ServerError, MalformedResponse)
RECOVERY = "README 'Recovery': `pulumi-dataddo unmanaged` lists what no stack holds"
ADOPT = (
    "If it is this resource's, `pulumi-dataddo unmanaged --adopt` (README 'Recovery') or "
    "adopt_id adopts it on the next `pulumi up`; else delete it"
)


@dataclass(frozen=True)
class Identity(Generic[T]):
    """How to find the object a create asks for among the objects of its kind."""

    kind: str
    listing: Callable[[], list[T]]
    ident: Callable[[T], str]
    # When the object was created or last changed (Unix seconds, API clock), None when the
    # answer does not say (then only the listing before the kind's first create proves it new).
    changed_at: Callable[[T], float | None]
    # Whether an object is the one asked for (may read more of it, e.g. its metadata).
    matches: Callable[[T], bool]
    # Whether the declared identity tells objects apart (a set label, not the API's default).
    distinct: bool
    # Whether the object names objects only this stack holds, so no other stack's create can
    # have made it (a Source its Service, a Flow its Sources; a Service or Destination none).
    anchored: bool
    describe: Callable[[T], str]
    # The create's body: another create of this process that sent the same is indistinguishable.
    request: Mapping[str, Any]


def create_once(account: Account, post: Callable[[], T], identity: Identity[T]) -> T:
    """`post()`, or the object it provably created when its answer was lost."""
    kind = identity.kind
    account.ledger.list_once(kind, lambda: map(identity.ident, identity.listing()))
    sent_at = account.api.clock.now()  # the listing's answer told it
    alike = account.ledger.sending(kind, identity.request)
    try:
        created = post()
    except AMBIGUOUS as exc:
        created = _settle(account, identity, sent_at, exc, alike=alike)
    account.ledger.saw(kind, identity.ident(created))
    return created


def _settle(
    account: Account,
    identity: Identity[T],
    sent_at: float | None,
    failure: Exception,
    *,
    alike: int,
) -> T:
    kind = identity.kind

    def new(item: T) -> bool:
        if account.ledger.knows(kind, identity.ident(item)):
            return False
        # The API's times may be whole seconds: ours is no earlier than the send's second.
        changed = identity.changed_at(item)
        return sent_at is None or changed is None or changed >= math.floor(sent_at)

    def candidates() -> list[T] | None:
        found = [item for item in identity.listing() if new(item) and identity.matches(item)]
        return found or None

    try:
        found = poll(account.settle, account.settle_for, candidates) or []
    except ApiError as exc:
        raise DataddoError(
            f"{failure}; the {kind} may have been created, and looking for it failed too "
            f"({exc}); see {RECOVERY}"
        ) from None
    doubt = _doubt(identity, alike)
    if len(found) == 1 and doubt is None:
        return found[0]
    if found:
        names = ", ".join(identity.describe(item) for item in found)
        why = doubt or "several match"
        raise DataddoError(
            f"{failure}; the {kind} may have been created: {names} appeared since, but {why}. "
            f"{ADOPT}"
        )
    raise DataddoError(
        f"{failure}; the {kind} may have been created, though none appeared within "
        f"{account.settle_for:g}s (a request that timed out can still be carried out). Before "
        f"running again, wait a minute or two; see {RECOVERY}"
    )


def _doubt(identity: Identity[T], alike: int) -> str | None:
    """Why one matching object may not be this create's, or None."""
    if not identity.distinct:
        return "it cannot be told apart from others (give it a distinct label)"
    if alike > 1:
        return f"{alike} creates of this run sent the same request"
    if not identity.anchored:
        return (
            f"nothing the API shows of a {identity.kind} tells this stack's from another "
            "stack's with the same declaration"
        )
    return None
