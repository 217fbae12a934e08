"""The ledger lists a kind once per process, however many creates start at once (the native
provider runs many)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from pulumi_dataddo.logic.account import Ledger


def test_concurrent_first_creates_share_one_listing() -> None:
    ledger = Ledger()
    listings: list[str] = []
    started = threading.Barrier(16)

    def listing() -> list[str]:
        listings.append("flows")
        time.sleep(0.05)  # the others arrive while it runs
        return ["a" * 24]

    def first_create() -> None:
        started.wait()
        ledger.list_once("flow", listing)

    with ThreadPoolExecutor(16) as pool:
        for future in [pool.submit(first_create) for _ in range(16)]:
            future.result()
    assert listings == ["flows"]
    assert ledger.knows("flow", "a" * 24)
