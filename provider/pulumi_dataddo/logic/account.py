"""One Dataddo account as the lifecycle sees it: its API client, the ids known to exist, and
how long to wait for things (injectable, so tests need not sleep).

Process-wide per settings: one session, one login and one ledger per account and process.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic.readiness import Polling
from pulumi_dataddo.settings import Settings

# Waits before each look for the object of an ambiguous create (a request that timed out may
# still be carried out for a while).
SETTLE = Polling(first=1.0, factor=2.0, longest=4.0)
SETTLE_FOR = 7.0


@dataclass
class Ledger:
    """What this process knows of the account's objects, per kind: those a stack holds (seen
    in diff and read, created, adopted), those a listing taken before the process's first create
    of the kind found, those adopted in this run, and the requests its creates sent. A create
    never takes a known object for its own, an adoption never takes one the stack holds, and an
    object adopted in this run is never deleted by the resource that held it before."""

    _held: dict[str, set[str]] = field(default_factory=dict)
    _existing: dict[str, set[str]] = field(default_factory=dict)
    _adopted: dict[str, set[str]] = field(default_factory=dict)
    # Creates per kind and request (a digest: bodies hold credentials).
    _sent: Counter[tuple[str, str]] = field(default_factory=Counter)
    _listed: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # Per kind: held while its one listing runs, so that concurrent first creates wait for it.
    _listing: dict[str, threading.Lock] = field(default_factory=dict)

    def saw(self, kind: str, *ids: str) -> None:
        """Record objects the stack holds."""
        with self._lock:
            self._held.setdefault(kind, set()).update(ids)

    def adopted(self, kind: str, id_: str) -> None:
        """Record an object a resource adopted in this run (the stack holds it now)."""
        with self._lock:
            self._held.setdefault(kind, set()).add(id_)
            self._adopted.setdefault(kind, set()).add(id_)

    def was_adopted(self, kind: str, id_: str) -> bool:
        """Whether a resource adopted the object in this run."""
        with self._lock:
            return id_ in self._adopted.get(kind, set())

    def sending(self, kind: str, request: Mapping[str, Any]) -> int:
        """Record a create about to send `request`; how many of this process's creates of
        `kind` sent the same request, this one included."""
        text = json.dumps(request, sort_keys=True, default=str)
        key = (kind, hashlib.sha256(text.encode()).hexdigest())
        with self._lock:
            self._sent[key] += 1
            return self._sent[key]

    def holds(self, kind: str, id_: str) -> bool:
        """Whether the stack holds the object (as far as this process has seen)."""
        with self._lock:
            return id_ in self._held.get(kind, set())

    def knows(self, kind: str, id_: str) -> bool:
        """Whether the object existed before this process's creates, or the stack holds it."""
        with self._lock:
            return id_ in self._held.get(kind, set()) | self._existing.get(kind, set())

    def list_once(self, kind: str, listing: Callable[[], Iterable[str]]) -> None:
        """Record every existing id of `kind` once per process, before its first create (the
        creates that start meanwhile wait for that listing rather than list again)."""
        with self._lock:
            gate = self._listing.setdefault(kind, threading.Lock())
        with gate:
            with self._lock:
                if kind in self._listed:
                    return
            ids = list(listing())
            with self._lock:
                self._listed.add(kind)
                self._existing.setdefault(kind, set()).update(ids)


@dataclass(frozen=True)
class Account:
    """What the lifecycle of every resource works with."""

    api: DataddoClient
    ledger: Ledger = field(default_factory=Ledger)
    settle: Polling = SETTLE
    settle_for: float = SETTLE_FOR
    readiness: Polling = field(default_factory=Polling)


_accounts: dict[Settings, Account] = {}
_lock = threading.Lock()


def shared_account(settings: Settings) -> Account:
    """The process-wide account of `settings`: one session, one login, one ledger."""
    with _lock:
        account = _accounts.get(settings)
        if account is None:
            account = _accounts[settings] = Account(DataddoClient(settings))
        return account
