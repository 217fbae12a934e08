"""Create exactly once, and never take another object for the one created.

A create is one POST. When it fails without a clear answer (no answer, a dropped connection, a
5xx, an unreadable 2xx: the object may exist) it is never sent again: the collection is listed
for a few seconds (a timed-out request may still be carried out) and an object is taken for the
created one only when it is provably new and provably the one asked for (DECIDED):
- new: not an id this process knows (`Ledger`: the stack's own objects, and a listing taken
  before the process's first create of the kind), and, where the answers tell when an object
  was created or changed, not before the POST's second by the API's own clock (`Date` header);
- the one asked for: every field the create sent and the API shows matches (`Identity.matches`),
  and the identity tells objects apart: a label that is set and is not the API's default.
Exactly one such object is adopted. Otherwise the error says what is known: which objects may be
the one created (to adopt with `adopt_id`, or delete), and that a late one may still appear
(README "Recovery", `pulumi-dataddo unmanaged`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.errors import ApiError, MalformedResponse, ServerError, TransportError
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.readiness import poll

T = TypeVar("T")
AMBIGUOUS = (TransportError, ServerError, MalformedResponse)
RECOVERY = "README 'Recovery': `pulumi-dataddo unmanaged` lists what no stack holds"


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
    describe: Callable[[T], str]


def create_once(account: Account, post: Callable[[], T], identity: Identity[T]) -> T:
    """`post()`, or the object it provably created when its answer was lost."""
    kind = identity.kind
    account.ledger.list_once(kind, lambda: map(identity.ident, identity.listing()))
    sent_at = account.api.clock.now()  # the listing's answer told it
    try:
        created = post()
    except AMBIGUOUS as exc:
        created = _settle(account, identity, sent_at, exc)
    account.ledger.saw(kind, identity.ident(created))
    return created


def _settle(
    account: Account, identity: Identity[T], sent_at: float | None, failure: Exception
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
    if len(found) == 1 and identity.distinct:
        return found[0]
    if found:
        names = ", ".join(identity.describe(item) for item in found)
        why = "it cannot be told apart from others (give it a distinct label)"
        raise DataddoError(
            f"{failure}; the {kind} may have been created: {names} appeared since, but {why}. "
            "Keep yours with adopt_id and delete the others, or delete them all and run again"
        )
    raise DataddoError(
        f"{failure}; the {kind} may have been created, though none appeared within "
        f"{account.settle_for:g}s (a request that timed out can still be carried out). Before "
        f"running again, wait a minute or two; see {RECOVERY}"
    )
