"""Create exactly once: ambiguous failures adopt the one match, or fail clearly."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from pulumi_dataddo.http.errors import BadRequest, NotFound, ServerError, TransportError
from pulumi_dataddo.logic import reconcile
from pulumi_dataddo.logic.base import ProviderError
from pulumi_dataddo.logic.reconcile import create_once


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "SETTLE_DELAYS", (0.0, 0.0))


def _run(post: Callable[[], str], *listings: list[str]) -> str:
    looks: Iterator[list[str]] = iter(listings)
    return create_once(
        "flow",
        post=post,
        listing=lambda: next(looks),
        ident=lambda item: item,
        matches=lambda item: item.startswith("match"),
    )


def _failing(error: Exception) -> Callable[[], str]:
    def post() -> str:
        raise error

    return post


def test_success_is_one_post_and_no_listing() -> None:
    assert _run(lambda: "created") == "created"  # no listing was given: none was made


@pytest.mark.parametrize(
    "error",
    [ServerError("POST", "/flows", 502, "bad"), TransportError("POST", "/flows", None, "t")],
)
def test_ambiguous_failure_adopts_the_single_match(error: Exception) -> None:
    assert _run(_failing(error), ["other", "match-1"]) == "match-1"


def test_a_late_object_is_still_found() -> None:
    assert _run(_failing(TransportError("POST", "/f", None, "t")), [], ["match-1"]) == "match-1"


def test_nothing_created_says_so() -> None:
    with pytest.raises(ProviderError, match="no matching flow appeared within 0s, so none"):
        _run(_failing(ServerError("POST", "/flows", 500, "boom")), ["other"], ["other"])


def test_two_matches_are_not_guessed() -> None:
    error = TransportError("POST", "/flows", None, "t")
    with pytest.raises(ProviderError, match=r"2 matching flows exist \(match-1, match-2\)"):
        _run(_failing(error), ["match-1", "match-2"])


def test_clear_refusals_are_not_reconciled() -> None:
    with pytest.raises(BadRequest):
        _run(_failing(BadRequest("POST", "/flows", 400, "bad")))


def test_listing_failure_after_ambiguous_create() -> None:
    def listing() -> list[str]:
        raise NotFound("GET", "/flows", 404, "gone")

    with pytest.raises(ProviderError, match="look for a stray flow"):
        create_once(
            "flow",
            post=_failing(TransportError("POST", "/flows", None, "t")),
            listing=listing,
            ident=str,
            matches=lambda _: True,
        )
