"""SQLite persistence: one connection guarded by a lock, WAL, every change committed at once.

Objects are JSON documents keyed by id and customer; the columns beside them are only what is
queried (owner, the service a source or destination uses, the sources and the destination of a
flow).
"""

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from dataddo_emulator.errors import in_use, not_found
from dataddo_emulator.ids import is_object_id, service_id

FIRST_SERVICE_ID = 1000
# DECIDED: a database of another version of this schema is emptied when opened.
SCHEMA_VERSION = 3

# An access token keeps its row until its refresh token expires (`keep_until`): a refresh
# takes the access token issued with it, even an expired one.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY, kind TEXT NOT NULL, customer_id TEXT NOT NULL,
    expires_at REAL NOT NULL, refresh TEXT, keep_until REAL NOT NULL);
CREATE TABLE IF NOT EXISTS services (
    id INTEGER PRIMARY KEY AUTOINCREMENT, customer_id TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS services_customer ON services (customer_id);
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL,
    service_id INTEGER REFERENCES services (id), doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sources_customer ON sources (customer_id);
CREATE INDEX IF NOT EXISTS sources_service ON sources (service_id);
CREATE TABLE IF NOT EXISTS destinations (
    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL,
    service_id INTEGER REFERENCES services (id), doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS destinations_customer ON destinations (customer_id);
CREATE INDEX IF NOT EXISTS destinations_service ON destinations (service_id);
CREATE TABLE IF NOT EXISTS flows (
    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL,
    destination_id TEXT REFERENCES destinations (id), doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS flows_customer ON flows (customer_id);
CREATE INDEX IF NOT EXISTS flows_destination ON flows (destination_id);
CREATE TABLE IF NOT EXISTS flow_sources (
    flow_id TEXT NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES sources (id),
    PRIMARY KEY (flow_id, source_id));
CREATE INDEX IF NOT EXISTS flow_sources_source ON flow_sources (source_id);
"""

_TABLES = (
    "flow_sources",
    "flows",
    "destinations",
    "sources",
    "services",
    "tokens",
)  # children first


class Store:
    """The database. Use `transaction()` for every read and write."""

    def __init__(self, path: str) -> None:
        # One connection shared by the server's worker threads; the lock serialises its use.
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        # WAL + synchronous=NORMAL: a commit survives the process being killed (what tests
        # do), though not a power cut, at a fraction of the cost of an fsync per request.
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        if self._conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            for table in _TABLES:
                self._conn.execute(f"DROP TABLE IF EXISTS {table}")  # constant names
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._conn.executescript(_SCHEMA)
        with self.transaction() as db:
            db.execute(
                "INSERT INTO sqlite_sequence (name, seq) SELECT 'services', ? "
                "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'services')",
                (FIRST_SERVICE_ID - 1,),
            )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The connection inside a transaction, committed on exit (rolled back on error)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def reset(self) -> None:
        """Delete every object and token; service ids start again from 1000."""
        with self.transaction() as db:
            for table in _TABLES:
                db.execute(f"DELETE FROM {table}")  # table names are constants
            db.execute(
                "UPDATE sqlite_sequence SET seq = ? WHERE name = 'services'",
                (FIRST_SERVICE_ID - 1,),
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def dump(doc: dict[str, Any]) -> str:
    return json.dumps(doc, separators=(",", ":"))


def load(text: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(text)
    return doc


def owned(db: sqlite3.Connection, table: str, raw_id: object, customer: str | None) -> sqlite3.Row:
    """The row of the object `raw_id` names exactly, if `customer` owns it (any owner when
    None); else 404, as for another customer's object, so that existence is not revealed."""
    row = find(db, table, raw_id, customer)
    if row is None:
        raise not_found(table.removesuffix("s"), raw_id)
    return row


def find(
    db: sqlite3.Connection, table: str, raw_id: object, customer: str | None
) -> sqlite3.Row | None:
    """The row of the object `raw_id` names exactly, if `customer` owns it (any owner when
    None); else None."""
    key = _key(table, raw_id)
    if key is None:
        return None
    sql = f"SELECT * FROM {table} WHERE id = ?"  # table names are constants
    params: tuple[object, ...] = (key,)
    if customer is not None:
        sql += " AND customer_id = ?"
        params += (customer,)
    row: sqlite3.Row | None = db.execute(sql, params).fetchone()
    return row


def delete_unused(
    db: sqlite3.Connection, table: str, raw_id: object, customer: str, users: Mapping[str, str]
) -> None:
    """Delete the customer's object `raw_id` names (else 404) unless something uses it (409
    naming them): `users` maps each kind of user to the SQL of their ids (the object's id its
    one parameter)."""
    row = owned(db, table, raw_id, customer)
    using = {
        kind: [str(r[0]) for r in db.execute(sql, (row["id"],))] for kind, sql in users.items()
    }
    if any(using.values()):
        raise in_use(table.removesuffix("s"), row["id"], {k: v for k, v in using.items() if v})
    db.execute(f"DELETE FROM {table} WHERE id = ?", (row["id"],))  # table names are constants


def _key(table: str, raw_id: object) -> object | None:
    """The id `raw_id` names exactly in `table`; None when it cannot name one."""
    if table == "services":
        return service_id(raw_id)
    return raw_id if isinstance(raw_id, str) and is_object_id(raw_id) else None


def rows(db: sqlite3.Connection, table: str, customer: str | None = None) -> list[sqlite3.Row]:
    """The rows of a customer's objects (everyone's when None), oldest first."""
    if customer is None:
        return db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    return db.execute(
        f"SELECT * FROM {table} WHERE customer_id = ? ORDER BY rowid",
        (customer,),
    ).fetchall()
