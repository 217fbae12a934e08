"""Waiting for the API: polling with growing intervals, and a source's first extraction."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.responses import SourceStatus

T = TypeVar("T")
LIVE = "live"
BROKEN = "broken"


@dataclass(frozen=True)
class Polling:
    """Poll intervals: the first, growing by `factor` up to `longest` (seconds); the sleep and
    the clock are injectable so that tests need not wait."""

    first: float = 1.0
    factor: float = 1.5
    longest: float = 10.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic


def poll(polling: Polling, timeout: float, attempt: Callable[[], T | None]) -> T | None:
    """The first result of `attempt` that is not None, trying at once and then after each
    interval until `timeout` seconds have passed; None if there was none."""
    deadline = polling.clock() + timeout
    interval = polling.first
    while True:
        result = attempt()
        if result is not None:
            return result
        remaining = deadline - polling.clock()
        if remaining <= 0:
            return None
        polling.sleep(min(interval, remaining))
        interval = min(interval * polling.factor, polling.longest)


def wait_until_live(
    source_id: str,
    timeout: float,
    status: Callable[[], SourceStatus],
    polling: Polling = Polling(),
) -> SourceStatus:
    """The live status, or a DataddoError with the platform's status detail."""
    last: list[SourceStatus] = []

    def settled() -> SourceStatus | None:
        current = status()
        last[:] = [current]
        if current.status == BROKEN:
            raise DataddoError(f"source {source_id} is broken: {_detail(current)}")
        return current if current.status == LIVE else None

    live = poll(polling, timeout, settled)
    if live is None:
        raise DataddoError(
            f"source {source_id} was not live after {timeout:g}s "
            f"(last status {last[0].status}: {_detail(last[0])})"
        )
    return live


def _detail(status: SourceStatus) -> str:
    return status.description or "no detail given"
