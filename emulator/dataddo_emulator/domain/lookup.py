"""Finding one object of a customer, or answering 404 (also for another customer's object)."""

import sqlite3

from dataddo_emulator.errors import not_found
from dataddo_emulator.store import find


def owned(
    db: sqlite3.Connection, table: str, object_id: object, customer: str | None
) -> sqlite3.Row:
    """The row of `object_id` in `table` ("services", "sources", "flows"); else 404."""
    row = find(db, table, object_id, customer)
    if row is None:
        raise not_found(table.removesuffix("s"), object_id)
    return row
