"""Create exactly once: ambiguous failures adopt the one new match, or fail clearly; recovery
mode looks before it creates."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from pulumi_dataddo.http.errors import (
    BadRequest,
    MalformedResponse,
    NotFound,
    ServerError,
    TransportError,
)
from pulumi_dataddo.logic import reconcile
from pulumi_dataddo.logic.base import ProviderError
from pulumi_dataddo.logic.reconcile import CLOCK_SKEW, Collection, create_once

# Items are (name, creation time or None).
Item = tuple[str, float | None]


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "SETTLE_DELAYS", (0.0, 0.0))


def _flows(listing: Callable[[], list[Item]]) -> Collection[Item]:
    return Collection(
        "flow",
        listing=listing,
        ident=lambda item: item[0],
        existed_at=lambda item: item[1],
        matches=lambda item: item[0].startswith("match"),
    )


def _run(post: Callable[[], Item], *listings: list[Item], look_first: bool = False) -> Item:
    looks: Iterator[list[Item]] = iter(listings)
    return create_once(post, _flows(lambda: next(looks)), look_first=look_first)


def _failing(error: Exception) -> Callable[[], Item]:
    def post() -> Item:
        raise error

    return post


def _new(name: str) -> Item:
    return (name, time.time())


def test_success_is_one_post_and_no_listing() -> None:
    assert _run(lambda: ("created", None)) == ("created", None)  # no listing given: none made


@pytest.mark.parametrize(
    "error",
    [
        ServerError("POST", "/flows", 502, "bad"),
        TransportError("POST", "/flows", None, "t"),
        MalformedResponse("POST", "/flows", 200, "answer is not JSON"),
    ],
)
def test_ambiguous_failure_adopts_the_single_match(error: Exception) -> None:
    assert _run(_failing(error), [_new("other"), _new("match-1")])[0] == "match-1"


def test_a_late_object_is_still_found() -> None:
    late = _run(_failing(TransportError("POST", "/f", None, "t")), [], [_new("match-1")])
    assert late[0] == "match-1"


def test_an_object_older_than_the_create_is_not_adopted() -> None:
    old = ("match-old", time.time() - CLOCK_SKEW - 60)
    with pytest.raises(ProviderError, match="so none was created"):
        _run(_failing(ServerError("POST", "/flows", 503, "x")), [old], [old])
    unknown_age = ("match-unknown", None)
    assert _run(_failing(ServerError("POST", "/flows", 503, "x")), [old, unknown_age]) == (
        unknown_age
    )


def test_nothing_created_says_so() -> None:
    with pytest.raises(ProviderError, match="no matching flow appeared within 0s, so none"):
        _run(_failing(ServerError("POST", "/flows", 500, "boom")), [_new("other")], [])


def test_two_matches_are_not_guessed() -> None:
    error = TransportError("POST", "/flows", None, "t")
    with pytest.raises(ProviderError, match=r"2 matching flows exist \(match-1, match-2\)"):
        _run(_failing(error), [_new("match-1"), _new("match-2")])


def test_clear_refusals_are_not_reconciled() -> None:
    with pytest.raises(BadRequest):
        _run(_failing(BadRequest("POST", "/flows", 400, "bad")))


def test_listing_failure_after_ambiguous_create() -> None:
    def listing() -> list[Item]:
        raise NotFound("GET", "/flows", 404, "gone")

    with pytest.raises(ProviderError, match="it may exist: follow README 'Recovery'"):
        create_once(_failing(TransportError("POST", "/flows", None, "t")), _flows(listing))


def test_recovery_mode_adopts_an_old_match_without_posting() -> None:
    old = ("match-from-a-killed-run", time.time() - 86_400)
    assert _run(_failing(AssertionError("no POST")), [old], look_first=True) == old


def test_recovery_mode_creates_when_nothing_matches() -> None:
    assert _run(lambda: ("created", None), [_new("other")], look_first=True) == ("created", None)


def test_recovery_mode_does_not_guess_between_two() -> None:
    with pytest.raises(ProviderError, match="recovery mode: 2 matching flows exist"):
        _run(
            _failing(AssertionError("no POST")), [_new("match-1"), _new("match-2")], look_first=True
        )
