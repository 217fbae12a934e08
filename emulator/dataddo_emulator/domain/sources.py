"""Sources: created from a connector form, 24-hex ids, status turning live after a delay."""

import sqlite3
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from dataddo_emulator import forms
from dataddo_emulator.domain import connectors, services
from dataddo_emulator.domain.lookup import owned
from dataddo_emulator.errors import ApiError
from dataddo_emulator.ids import object_id
from dataddo_emulator.schedule import with_changes
from dataddo_emulator.store import dump, load, rows


def create(
    db: sqlite3.Connection, customer: str, connector_id: str, body: Mapping[str, Any]
) -> dict[str, Any]:
    """Create the source described by a create-source payload; answer the `Source`."""
    target = connectors.connector(connector_id)
    form = forms.read(target, body)
    service_id = None
    if form.service_ref is not None:
        service_id = services.fitting(db, customer, form.service_ref, target, forms.SERVICE_FIELD)
    source_id = object_id()
    doc = {
        "connector_id": target.id,
        "template_id": form.template_id,
        "service_id": service_id,
        "label": form.label,
        "description": form.description,
        "created": time.time(),
        "action_id": object_id(),
        "metadata": dict(body),
        "schedule": form.schedule,
        "forced": None,
    }
    db.execute(
        "INSERT INTO sources (id, customer_id, service_id, doc) VALUES (?, ?, ?, ?)",
        (source_id, customer, service_id, dump(doc)),
    )
    return _source(source_id, customer, doc)


def listing(db: sqlite3.Connection, customer: str) -> list[dict[str, Any]]:
    return [
        _source(row["id"], row["customer_id"], load(row["doc"]))
        for row in rows(db, "sources", customer)
    ]


def detail(db: sqlite3.Connection, customer: str, source_id: str) -> dict[str, Any]:
    return _detail(owned(db, "sources", source_id, customer))


def everyone(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return [_detail(row) for row in rows(db, "sources")]


def update(
    db: sqlite3.Connection, customer: str, source_id: str, changes: Mapping[str, str]
) -> dict[str, Any]:
    """Change the basic information (label, description)."""
    doc = {**_doc(db, source_id, customer), **changes}
    _save(db, source_id, doc)
    return _source(source_id, customer, doc)


def delete(db: sqlite3.Connection, customer: str, source_id: str) -> None:
    owned(db, "sources", source_id, customer)
    flows = [
        r["flow_id"]
        for r in db.execute("SELECT flow_id FROM flow_sources WHERE source_id = ?", (source_id,))
    ]
    if flows:
        raise ApiError(
            409,
            f"source {source_id} is used by flows {', '.join(flows)}",
            {"id": [f"used by flow {flow_id}" for flow_id in flows]},
        )
    db.execute("DELETE FROM sources WHERE id = ?", (source_id,))


def metadata(db: sqlite3.Connection, customer: str, source_id: str) -> dict[str, Any]:
    """Exactly the parameters of the create-source request."""
    result: dict[str, Any] = _doc(db, source_id, customer)["metadata"]
    return result


def schedule(db: sqlite3.Connection, customer: str, source_id: str) -> dict[str, Any]:
    result: dict[str, Any] = _doc(db, source_id, customer)["schedule"]
    return result


def set_schedule(
    db: sqlite3.Connection, customer: str, source_id: str, changes: Mapping[str, Any]
) -> dict[str, Any]:
    doc = _doc(db, source_id, customer)
    doc["schedule"] = with_changes(doc["schedule"], changes)
    _save(db, source_id, doc)
    result: dict[str, Any] = doc["schedule"]
    return result


def status(
    db: sqlite3.Connection, customer: str | None, source_id: str, live_after: float
) -> dict[str, Any]:
    """The `ActionCurrentState`: running until `live_after` seconds old, then live; a status
    forced through the test hook wins."""
    doc = _doc(db, source_id, customer)
    finished = doc["created"] + live_after
    live = time.time() >= finished
    forced = doc["forced"] or {}
    return {
        "actionId": doc["action_id"],
        "status": forced.get("status") or ("live" if live else "running"),
        "lastRunStarted": _iso(doc["created"]),
        "lastRunFinished": _iso(finished) if live else None,
        "description": forced.get("description")
        or ("Extraction finished" if live else "Extraction running"),
    }


def force_status(db: sqlite3.Connection, source_id: str, forced: Mapping[str, str] | None) -> None:
    """Force a status (any customer's source); None returns to the timed one."""
    doc = _doc(db, source_id, None)
    doc["forced"] = dict(forced) if forced else None
    _save(db, source_id, doc)


def _doc(db: sqlite3.Connection, source_id: str, customer: str | None) -> dict[str, Any]:
    return load(owned(db, "sources", source_id, customer)["doc"])


def _save(db: sqlite3.Connection, source_id: str, doc: Mapping[str, Any]) -> None:
    db.execute("UPDATE sources SET doc = ? WHERE id = ?", (dump(dict(doc)), source_id))


def _source(source_id: str, customer: str, doc: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": source_id,
        "label": doc["label"],
        "description": doc["description"],
        "type": doc["connector_id"],
        "customer_id": customer,
        "created": int(doc["created"]),
    }


def _detail(row: sqlite3.Row) -> dict[str, Any]:
    doc = load(row["doc"])
    source = _source(row["id"], row["customer_id"], doc)
    return {
        **source,
        "template_id": doc["template_id"],
        "connector_id": doc["connector_id"],
        "o_auth_id": doc["service_id"],
        "schedule": doc["schedule"],
        "source": source,
    }


def _iso(timestamp: float) -> str:
    return (
        datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    )
