"""Create exactly once: ambiguous failures adopt the one new match, or fail clearly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pulumi_dataddo.http.errors import BadRequest, NotFound, ServerError, TransportError
from pulumi_dataddo.logic import reconcile
from pulumi_dataddo.logic.base import ProviderError
from pulumi_dataddo.logic.reconcile import create_once


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "SETTLE_DELAYS", (0.0, 0.0))


def _run(before: list[str], after: list[str], post: Callable[[], str], match: str = "new") -> str:
    listings = iter([before, after, after])
    return create_once(
        "flow",
        post=post,
        listing=lambda: next(listings),
        ident=lambda item: item,
        matches=lambda item: item.startswith(match),
    )


def _failing(error: Exception) -> Callable[[], str]:
    def post() -> str:
        raise error

    return post


def test_a_late_object_is_still_found() -> None:
    listings = iter([[], [], ["new-1"]])
    found = create_once(
        "flow",
        post=_failing(TransportError("POST", "/flows", None, "t")),
        listing=lambda: next(listings),
        ident=str,
        matches=lambda _: True,
    )
    assert found == "new-1"


def test_success_needs_no_reconciliation() -> None:
    assert _run(["old"], [], lambda: "created") == "created"


@pytest.mark.parametrize(
    "error",
    [
        ServerError("POST", "/flows", 502, "bad gateway"),
        TransportError("POST", "/flows", None, "t"),
    ],
)
def test_ambiguous_failure_adopts_the_single_new_match(error: Exception) -> None:
    assert _run(["new-old"], ["new-old", "new-1", "other"], _failing(error)) == "new-1"


def test_nothing_created_says_so() -> None:
    with pytest.raises(ProviderError, match="no new flow appeared within 0s, so none was created"):
        _run(["a"], ["a"], _failing(ServerError("POST", "/flows", 500, "boom")))


def test_two_matches_are_not_guessed() -> None:
    with pytest.raises(ProviderError, match=r"2 matching flows appeared \(new-1, new-2\)"):
        _run([], ["new-1", "new-2"], _failing(TransportError("POST", "/flows", None, "t")))


def test_clear_refusals_are_not_reconciled() -> None:
    with pytest.raises(BadRequest):
        _run([], ["new-1"], _failing(BadRequest("POST", "/flows", 400, "bad")))


def test_listing_failure_after_ambiguous_create() -> None:
    def listing() -> list[str]:
        if calls:
            raise NotFound("GET", "/flows", 404, "gone")
        calls.append(1)
        return []

    calls: list[int] = []
    with pytest.raises(ProviderError, match="look for a stray flow"):
        create_once(
            "flow",
            post=_failing(TransportError("POST", "/flows", None, "t")),
            listing=listing,
            ident=str,
            matches=lambda _: True,
        )
