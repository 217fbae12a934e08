"""Services (authorizers): stored credentials with integer ids; secrets never leave."""

import sqlite3
import time
from collections.abc import Mapping
from typing import Any

from dataddo_emulator.catalog import SERVICE_TYPES, Connector, service_kind
from dataddo_emulator.domain.lookup import owned
from dataddo_emulator.errors import ApiError, bad_request, not_found
from dataddo_emulator.redaction import without_secrets
from dataddo_emulator.store import dump, find, load, rows

_MAX_ID = 2**63 - 1  # SQLite's integer range


def parse_id(raw: object) -> int | None:
    """A service id given as an integer or a numeric string; None when it cannot be one."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str) and raw.strip().isdecimal():
        raw = int(raw)
    return raw if isinstance(raw, int) and 0 < raw <= _MAX_ID else None


def create(
    db: sqlite3.Connection,
    customer: str,
    service: str,
    config: Mapping[str, Any],
    label: str | None,
) -> int:
    """Store a service; its id."""
    if service not in SERVICE_TYPES:
        raise bad_request("serviceName", f"unknown service type {service!r}")
    if (
        label is None
    ):  # DECIDED: the label inside the config (the typed DTOs have one), else the type
        inner = config.get("label")
        label = inner if isinstance(inner, str) and inner else service
    now = int(time.time())
    doc = {"service": service, "label": label, "config": dict(config), "updated": now}
    cursor = db.execute(
        "INSERT INTO services (customer_id, doc) VALUES (?, ?)", (customer, dump(doc))
    )
    return int(cursor.lastrowid or 0)


def listing(db: sqlite3.Connection, customer: str) -> list[dict[str, Any]]:
    return [_item(row) for row in rows(db, "services", customer)]


def detail(db: sqlite3.Connection, customer: str, raw_id: str) -> dict[str, Any]:
    return _detail(_owned(db, customer, raw_id))


def everyone(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return [_detail(row) for row in rows(db, "services")]


def update(
    db: sqlite3.Connection,
    customer: str,
    raw_id: str,
    label: str | None,
    config: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """Change the label and merge a config over the stored one (credential rotation)."""
    row = _owned(db, customer, raw_id)
    doc = load(row["doc"])
    if label is not None:
        doc["label"] = label
    if config is not None:
        doc["config"] = {**doc["config"], **config}
    doc["updated"] = int(time.time())
    db.execute("UPDATE services SET doc = ? WHERE id = ?", (dump(doc), row["id"]))
    return detail(db, customer, raw_id)


def delete(db: sqlite3.Connection, customer: str, raw_id: str) -> None:
    row = _owned(db, customer, raw_id)
    users = [
        r["id"] for r in db.execute("SELECT id FROM sources WHERE service_id = ?", (row["id"],))
    ]
    if users:
        raise ApiError(
            409,
            f"service {row['id']} is used by sources {', '.join(users)}",
            {"id": [f"used by source {source_id}" for source_id in users]},
        )
    db.execute("DELETE FROM services WHERE id = ?", (row["id"],))


def debug(db: sqlite3.Connection, customer: str, raw_id: str) -> dict[str, Any]:
    _owned(db, customer, raw_id)
    return {"status": "ok", "message": "The service is operable", "logs": []}


def fitting(
    db: sqlite3.Connection, customer: str, raw_id: object, connector: Connector, field: str
) -> int:
    """The id of this customer's service `raw_id` if it can authorize `connector`; else 400."""
    row = _lookup(db, customer, raw_id)
    if row is None:
        raise bad_request(field, f"unknown service {raw_id!r}")
    service = load(row["doc"])["service"]
    if service not in connector.services:
        raise bad_request(
            field,
            f"service {row['id']} ({service}) cannot authorize connector {connector.id}; "
            f"use one of {', '.join(connector.services)}",
        )
    return int(row["id"])


def authorizations(
    db: sqlite3.Connection, customer: str, connector: Connector
) -> list[dict[str, Any]]:
    """This customer's services that can authorize `connector`, as options."""
    options = []
    for row in rows(db, "services", customer):
        doc = load(row["doc"])
        if doc["service"] in connector.services:
            options.append(
                {
                    "label": doc["label"],
                    "value": str(row["id"]),
                    "id": row["id"],
                    "service": doc["service"],
                }
            )
    return options


def _owned(db: sqlite3.Connection, customer: str, raw_id: str) -> sqlite3.Row:
    service_id = parse_id(raw_id)
    if service_id is None:
        raise not_found("service", raw_id)
    return owned(db, "services", service_id, customer)


def _lookup(db: sqlite3.Connection, customer: str, raw_id: object) -> sqlite3.Row | None:
    service_id = parse_id(raw_id)
    return None if service_id is None else find(db, "services", service_id, customer)


def _item(row: sqlite3.Row, doc: Mapping[str, Any] | None = None) -> dict[str, Any]:
    doc = doc or load(row["doc"])
    return {
        "id": row["id"],
        "service": doc["service"],
        "label": doc["label"],
        "last_action": doc["updated"],
        "status": True,
        "status_detail": "OK",
        "customer_id": row["customer_id"],
        "service_type": service_kind(doc["service"]),
    }


def _detail(row: sqlite3.Row) -> dict[str, Any]:
    doc = load(row["doc"])
    return {**_item(row, doc), "config": without_secrets(doc["config"])}
