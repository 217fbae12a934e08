"""Create exactly once: an ambiguous create failure is settled by looking, never by resending.

A create is one POST. If it fails without a clear answer (timeout, dropped connection, 5xx: the
object may exist), the collection is listed, a few times over some seconds (a timed-out request
may still be running), and the single object matching the request is adopted; otherwise the
error says what to do. Limit: if the create did not happen and an identical object (same kind
and label, ...) already existed, that one is adopted (two matches are never guessed).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from pulumi_dataddo.http.errors import ApiError, ServerError, TransportError
from pulumi_dataddo.logic.base import ProviderError

T = TypeVar("T")
AMBIGUOUS = (TransportError, ServerError)
# Seconds to wait before each look for the object of an ambiguous create.
SETTLE_DELAYS = (0.0, 1.0, 2.0, 4.0)


def create_once(
    kind: str,
    post: Callable[[], T],
    listing: Callable[[], Iterable[T]],
    ident: Callable[[T], str],
    matches: Callable[[T], bool],
) -> T:
    """`post()`, or after an ambiguous failure the one object `matches` accepts."""
    try:
        return post()
    except AMBIGUOUS as exc:
        failure = exc
    try:
        found = _settle(lambda: [item for item in listing() if matches(item)])
    except ApiError as exc:
        raise ProviderError(
            f"creating the {kind} failed ({failure}) and checking whether it was created failed "
            f"too ({exc}); look for a stray {kind} in Dataddo before running again"
        ) from None
    if len(found) == 1:
        return found[0]
    if not found:
        raise ProviderError(
            f"creating the {kind} failed ({failure}); no matching {kind} appeared within "
            f"{sum(SETTLE_DELAYS):g}s, so none was created: run again"
        )
    ids = ", ".join(ident(item) for item in found)
    raise ProviderError(
        f"creating the {kind} failed ({failure}) and {len(found)} matching {kind}s exist "
        f"({ids}); keep one with adopt_id and delete the others"
    )


def _settle(look: Callable[[], list[T]]) -> list[T]:
    """The first non-empty result of `look` over the settle delays (else empty)."""
    found: list[T] = []
    for delay in SETTLE_DELAYS:
        time.sleep(delay)
        found = look()
        if found:
            break
    return found
