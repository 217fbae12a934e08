"""Create exactly once: an ambiguous create failure is settled by looking, never by resending.

A create is one POST. If it fails without a clear answer (timeout, dropped connection, 5xx, an
unreadable 2xx answer: the object may exist), the collection is listed, a few times over some
seconds (a timed-out request may still be running), and the single object matching the request
that did not exist before the POST (creation times, `CLOCK_SKEW` allowed) is adopted; otherwise
the error says what to do. Two matches are never guessed between.

Recovery mode (`dataddo:recover` / `DATADDO_RECOVER`, README "Recovery") adds one listing
before the POST: a run killed mid-create, or an object that landed after the settle window,
leaves an object that Pulumi's state does not know; the recovery run adopts it instead of
creating a duplicate. The normal path stays one POST: listing first on every create would
double the calls for services and flows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from pulumi_dataddo.http.errors import ApiError, MalformedResponse, ServerError, TransportError
from pulumi_dataddo.logic.base import ProviderError

T = TypeVar("T")
AMBIGUOUS = (TransportError, ServerError, MalformedResponse)
# Seconds to wait before each look for the object of an ambiguous create.
SETTLE_DELAYS = (0.0, 1.0, 2.0, 4.0)
# DECIDED: seconds the API's clock may be behind ours when comparing creation times.
CLOCK_SKEW = 300.0


@dataclass(frozen=True)
class Collection(Generic[T]):
    """How to find the objects of one kind: list them, name one, tell its creation time, and
    whether it is the object the create asks for."""

    kind: str
    listing: Callable[[], Iterable[T]]
    ident: Callable[[T], str]
    existed_at: Callable[[T], float | None]
    matches: Callable[[T], bool]

    def matching(self, since: float | None = None) -> list[T]:
        """The matching objects (only those not known to exist before `since`)."""
        return [
            item
            for item in self.listing()
            if self.matches(item) and (since is None or _not_before(self.existed_at(item), since))
        ]


def create_once(post: Callable[[], T], objects: Collection[T], *, look_first: bool = False) -> T:
    """`post()`, or the one object `objects` matches after an ambiguous failure (or before the
    POST, with `look_first`)."""
    kind = objects.kind
    if look_first:
        found = objects.matching()
        if len(found) == 1:
            return found[0]
        if found:
            raise _several(objects, found, "recovery mode:")
    started = time.time()
    try:
        return post()
    except AMBIGUOUS as exc:
        failure = exc
    try:
        found = _settle(lambda: objects.matching(since=started))
    except ApiError as exc:
        raise ProviderError(
            f"{failure}; checking whether the {kind} was created failed too ({exc}); it may "
            "exist: follow README 'Recovery' (refresh, then up with DATADDO_RECOVER=1)"
        ) from None
    if len(found) == 1:
        return found[0]
    if not found:
        raise ProviderError(
            f"{failure}; no matching {kind} appeared within {sum(SETTLE_DELAYS):g}s, so none "
            "was created: run again (should a late one appear, README 'Recovery' adopts it)"
        )
    raise _several(objects, found, f"{failure}, and")


def _several(objects: Collection[T], found: list[T], context: str) -> ProviderError:
    kind = objects.kind
    ids = ", ".join(objects.ident(item) for item in found)
    return ProviderError(
        f"{context} {len(found)} matching {kind}s exist ({ids}); keep one with adopt_id and delete "
        "the others"
    )


def _not_before(existed_at: float | None, since: float) -> bool:
    """Whether an object may have been created after `since` (unknown times may)."""
    return existed_at is None or existed_at >= since - CLOCK_SKEW


def _settle(look: Callable[[], list[T]]) -> list[T]:
    """The first non-empty result of `look` over the settle delays (else empty)."""
    found: list[T] = []
    for delay in SETTLE_DELAYS:
        time.sleep(delay)
        found = look()
        if found:
            break
    return found
