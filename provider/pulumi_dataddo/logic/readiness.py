"""Waiting for a source to go live: poll its status until `live`, `broken` or time runs out."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from pulumi_dataddo.http.responses import SourceStatus
from pulumi_dataddo.logic.base import ProviderError

LIVE = "live"
BROKEN = "broken"


@dataclass(frozen=True)
class Polling:
    """Poll intervals: the first, growing by `factor` up to `longest` (seconds)."""

    first: float = 1.0
    factor: float = 1.5
    longest: float = 10.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic


def wait_until_live(
    source_id: str,
    timeout: float,
    status: Callable[[], SourceStatus],
    polling: Polling = Polling(),
) -> SourceStatus:
    """The live status, or a ProviderError with the platform's status detail."""
    deadline = polling.clock() + timeout
    interval = polling.first
    while True:
        current = status()
        if current.status == LIVE:
            return current
        if current.status == BROKEN:
            raise ProviderError(f"source {source_id} is broken: {_detail(current)}")
        remaining = deadline - polling.clock()
        if remaining <= 0:
            raise ProviderError(
                f"source {source_id} was not live after {timeout:g}s "
                f"(last status {current.status}: {_detail(current)})"
            )
        polling.sleep(min(interval, remaining))
        interval = min(interval * polling.factor, polling.longest)


def _detail(status: SourceStatus) -> str:
    return status.description or "no detail given"
