"""Everything one running emulator holds: database, users and tokens, settings, journal, faults."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from sqlite3 import Connection
from typing import Concatenate, ParamSpec, TypeVar

from dataddo_emulator.auth import Auth
from dataddo_emulator.faults import FaultConfig, Faults
from dataddo_emulator.journal import Journal
from dataddo_emulator.settings import Settings
from dataddo_emulator.store import Store

P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class Emulator:
    """The state behind one app; handlers reach it as `request.app.state.emulator`."""

    store: Store
    auth: Auth
    settings: Settings
    journal: Journal
    faults: Faults
    initial_settings: Settings
    # API requests received and not yet answered (or dropped); changed on the event loop only.
    in_flight: int = 0

    @classmethod
    def open(cls, db: str, users: Mapping[str, str], settings: Settings) -> "Emulator":
        """An emulator on the SQLite database at `db` (":memory:" for a throwaway one)."""
        store = Store(db)
        current = replace(settings)
        return cls(store, Auth(store, current, users), current, Journal(), Faults(), settings)

    def run(
        self, operation: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """`operation(db, ...)` in one transaction, committed before this returns."""
        with self.store.transaction() as db:
            return operation(db, *args, **kwargs)

    def reset(self) -> None:
        """Back to a fresh start: objects, tokens, journal and faults go, settings return to
        their start values; users stay."""
        self.store.reset()
        self.auth.forget_tokens()
        self.journal.clear()
        self.faults.configure(FaultConfig())
        for name, value in vars(self.initial_settings).items():
            setattr(self.settings, name, value)
