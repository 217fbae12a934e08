"""Create exactly once: an ambiguous create failure is settled by looking, never by resending.

Before the POST the collection's ids are noted. If the POST then fails without a clear answer
(timeout, dropped connection, 5xx: the object may exist), the collection is listed again and
the single new object matching the request is adopted; otherwise the error says what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from pulumi_dataddo.http.errors import ApiError, ServerError, TransportError
from pulumi_dataddo.logic.base import ProviderError

T = TypeVar("T")
AMBIGUOUS = (TransportError, ServerError)


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
        found = [item for item in listing() if ident(item) not in before and matches(item)]
    except ApiError as exc:
        raise ProviderError(
            f"creating the {kind} failed ({failure}) and checking whether it was created failed "
            f"too ({exc}); look for a stray {kind} in Dataddo before running again"
        ) from None
    if len(found) == 1:
        return found[0]
    if not found:
        raise ProviderError(
            f"creating the {kind} failed ({failure}); no {kind} was created, run again"
        )
    ids = ", ".join(ident(item) for item in found)
    raise ProviderError(
        f"creating the {kind} failed ({failure}) and {len(found)} matching {kind}s appeared "
        f"({ids}); keep one with adopt_id and delete the others"
    )
