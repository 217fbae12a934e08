"""Create exactly once: an ambiguous failure adopts only an object provably new and provably the
one asked for; otherwise the error says what is known."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from email.utils import formatdate

import pytest

from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.http.errors import (
    BadRequest,
    MalformedResponse,
    NotFound,
    NotSent,
    ServerError,
    TransportError,
)
from pulumi_dataddo.logic.account import SETTLE, Account
from pulumi_dataddo.logic.reconcile import Identity, create_once
from pulumi_dataddo.settings import Settings

# Items are (name, label, creation time on the API's clock or None).
Item = tuple[str, str | None, float | None]
AMBIGUOUS = TransportError("POST", "/flows", None, "no answer within 60s")
_REQUESTS = itertools.count()


@dataclass
class FakeTime:
    """A clock that advances only when slept on."""

    now: float = 0.0
    slept: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def _account(api_offset: float | None = 0.0, fake: FakeTime | None = None) -> Account:
    """An account whose API clock runs `api_offset` seconds ahead of ours (None: unknown), and
    whose settling sleeps on `fake` time."""
    api = DataddoClient(Settings(base_url="http://127.0.0.1:9/v1", access_token="t"))
    if api_offset is not None:
        api.clock.observe(formatdate(time.time() + api_offset, usegmt=True), time.time())
    time_ = fake or FakeTime()
    return Account(api, settle=replace(SETTLE, sleep=time_.sleep, clock=lambda: time_.now))


def _identity(
    listings: list[list[Item]],
    *,
    label: str | None = "L",
    anchored: bool = True,
    request: dict[str, str] | None = None,
) -> Identity[Item]:
    """`listings`: what each listing answers, the first the one before the kind's first create;
    each identity's request differs from every other's unless `request` is given."""
    looks: Iterator[list[Item]] = iter(listings)
    return Identity(
        "flow",
        listing=lambda: next(looks),
        ident=lambda item: item[0],
        changed_at=lambda item: item[2],
        matches=lambda item: item[1] == label,
        distinct=label is not None,
        anchored=anchored,
        describe=lambda item: f"flow {item[0]}",
        request=request if request is not None else {"create": str(next(_REQUESTS))},
    )


def _failing(error: Exception) -> Callable[[], Item]:
    def post() -> Item:
        raise error

    return post


def _new(name: str, label: str | None = "L") -> Item:
    return (name, label, time.time() + 0.5)


def test_success_is_one_post_after_one_listing_per_process_and_kind() -> None:
    account = _account()
    assert (
        create_once(account, lambda: ("a", "L", None), _identity([[("old", "L", None)]]))[0] == "a"
    )
    assert create_once(account, lambda: ("b", "L", None), _identity([]))[0] == "b"  # no listing
    assert account.ledger.knows("flow", "old")
    assert account.ledger.knows("flow", "b")


@pytest.mark.parametrize(
    "error",
    [
        ServerError("POST", "/flows", 502, "bad"),
        AMBIGUOUS,
        MalformedResponse("POST", "/flows", 200, "answer is not JSON"),
    ],
)
def test_an_ambiguous_failure_adopts_the_single_new_match(error: Exception) -> None:
    looks = [[], [_new("x", "other"), _new("m")]]
    assert create_once(_account(), _failing(error), _identity(looks))[0] == "m"


def test_a_late_object_is_still_found() -> None:
    account = _account()
    found = create_once(account, _failing(AMBIGUOUS), _identity([[], [], [], [_new("late")]]))
    assert found[0] == "late"
    assert account.ledger.knows("flow", "late")


def test_an_object_created_before_the_posts_second_by_the_apis_clock_is_not_taken() -> None:
    # Our clock is an hour behind the API's: the API's own clock decides, not ours.
    account = _account(api_offset=3600)
    sent = time.time() + 3600
    before = ("old", "L", float(int(sent) - 1))  # missed by the listing, a second early
    with pytest.raises(DataddoError, match="may have been created, though none appeared"):
        create_once(account, _failing(AMBIGUOUS), _identity([[], *[[before]] * 5]))
    same_second = ("ours", "L", float(int(sent)))  # the API's whole seconds: may be ours
    assert create_once(account, _failing(AMBIGUOUS), _identity([[same_second]]))[0] == "ours"


def test_an_object_the_stack_holds_is_never_taken() -> None:
    account = _account()
    account.ledger.saw("flow", "replaced")  # e.g. the object a replacement replaces
    with pytest.raises(DataddoError, match="may have been created, though none appeared"):
        create_once(account, _failing(AMBIGUOUS), _identity([[], *[[_new("replaced")]] * 5]))


def test_an_object_listed_before_the_first_create_is_never_taken() -> None:
    there = ("there-before", "L", None)  # no time: only the listing tells
    found = create_once(_account(), _failing(AMBIGUOUS), _identity([[there], [there, _new("m")]]))
    assert found[0] == "m"


def test_objects_that_cannot_be_told_apart_are_named_not_taken() -> None:
    unlabelled = _identity([[], [_new("n1", None)]], label=None)
    with pytest.raises(DataddoError, match=r"flow n1 appeared since, but it cannot be told apart"):
        create_once(_account(), _failing(AMBIGUOUS), unlabelled)
    with pytest.raises(DataddoError, match=r"flow m1, flow m2 appeared since"):
        create_once(_account(), _failing(AMBIGUOUS), _identity([[], [_new("m1"), _new("m2")]]))


def test_without_the_apis_clock_the_listing_alone_proves_what_is_new() -> None:
    account = _account(api_offset=None)  # the API sends no Date header
    undated = ("m", "L", None)
    assert create_once(account, _failing(AMBIGUOUS), _identity([[], [undated]]))[0] == "m"


@pytest.mark.parametrize(
    "error",
    [BadRequest("POST", "/flows", 400, "bad"), NotSent("POST", "/flows", None, "refused")],
)
def test_clear_failures_are_not_reconciled(error: Exception) -> None:
    with pytest.raises(type(error)):
        create_once(_account(), _failing(error), _identity([[]]))


def test_a_listing_failure_after_an_ambiguous_create_says_it_may_exist() -> None:
    looks: list[list[Item]] = [[]]

    def listing() -> list[Item]:
        if looks:
            return looks.pop()  # the listing before the first create
        raise NotFound("GET", "/flows", 404, "gone")

    broken = Identity(**{**_identity([]).__dict__, "listing": listing})
    with pytest.raises(DataddoError, match="may have been created, and looking for it failed"):
        create_once(_account(), _failing(AMBIGUOUS), broken)


def test_settling_looks_over_seven_seconds_then_gives_up() -> None:
    fake = FakeTime()
    with pytest.raises(DataddoError, match="none appeared within 7s"):
        create_once(_account(fake=fake), _failing(AMBIGUOUS), _identity([[]] * 10))
    assert fake.slept == [1.0, 2.0, 4.0]


def test_an_object_another_stack_may_have_made_is_named_not_taken() -> None:
    """A Service or Destination shows only its type and label: a single new match may be
    another stack's, created at the same moment with the same declaration."""
    account = _account()
    identity = _identity([[], [_new("theirs")]], anchored=False)
    with pytest.raises(DataddoError) as failure:
        create_once(account, _failing(AMBIGUOUS), identity)
    message = str(failure.value)
    assert "may have been created: flow theirs appeared since" in message
    assert "another stack's" in message
    assert "pulumi-dataddo unmanaged --adopt" in message


def test_equal_requests_of_one_run_are_never_told_apart() -> None:
    """Two resources of a stack sent the same create: the one match may be the other's."""
    account = _account()
    same = {"label": "L", "sources": "s1"}
    first = create_once(account, lambda: ("mine", "L", None), _identity([[]], request=same))
    assert first[0] == "mine"
    with pytest.raises(DataddoError, match="2 creates of this run sent the same request"):
        create_once(account, _failing(AMBIGUOUS), _identity([[_new("other")]], request=same))
