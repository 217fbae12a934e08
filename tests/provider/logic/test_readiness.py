"""Waiting until live, with a fake clock: live, broken, and time running out."""

from __future__ import annotations

import pytest

from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.responses import SourceStatus
from pulumi_dataddo.logic.readiness import Polling, wait_until_live


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def polling(self) -> Polling:
        return Polling(first=1, factor=2, longest=4, sleep=self.sleep, clock=lambda: self.now)


def test_waits_with_growing_intervals_until_live() -> None:
    clock = FakeClock()
    answers = iter(["running"] * 4 + ["live"])
    status = wait_until_live("s1", 60, lambda: SourceStatus(next(answers), ""), clock.polling())
    assert status.status == "live"
    assert clock.sleeps == [1, 2, 4, 4]


def test_broken_fails_with_the_platform_detail() -> None:
    clock = FakeClock()
    with pytest.raises(DataddoError, match="source s1 is broken: token expired"):
        wait_until_live("s1", 60, lambda: SourceStatus("broken", "token expired"), clock.polling())


def test_timeout_names_the_last_status() -> None:
    clock = FakeClock()
    with pytest.raises(DataddoError, match=r"not live after 5s \(last status running: no detail"):
        wait_until_live("s1", 5, lambda: SourceStatus("running", ""), clock.polling())
    assert sum(clock.sleeps) == 5
