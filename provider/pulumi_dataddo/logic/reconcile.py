"""Create exactly once: an ambiguous create failure is settled by looking, never by resending.

Before the POST the collection's ids are noted. If the POST then fails without a clear answer
(timeout, dropped connection, 5xx: the object may exist), the collection is listed again, a few
times over some seconds (a timed-out request may still be running), and the single new object
matching the request is adopted; otherwise the error says what to do.
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
    """`post()`, or after an ambiguous failure the one new object `matches` accepts."""
    before = {ident(item) for item in listing()}
    try:
        return post()
    except AMBIGUOUS as exc:
        failure = exc
    try:
        found = _settle(lambda: [i for i in listing() if ident(i) not in before and matches(i)])
    except ApiError as exc:
        raise ProviderError(
            f"creating the {kind} failed ({failure}) and checking whether it was created failed "
            f"too ({exc}); look for a stray {kind} in Dataddo before running again"
        ) from None
    if len(found) == 1:
        return found[0]
    if not found:
        raise ProviderError(
            f"creating the {kind} failed ({failure}); no new {kind} appeared within "
            f"{sum(SETTLE_DELAYS):g}s, so none was created: run again"
        )
    ids = ", ".join(ident(item) for item in found)
    raise ProviderError(
        f"creating the {kind} failed ({failure}) and {len(found)} matching {kind}s appeared "
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
