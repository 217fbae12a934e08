"""Sources: created from a connector's form, 24-hex ids, a schedule, a status turning live.

Answers are the spec's: `Source` (create, list, update), `SourceDTO` (detail: no schedule,
service or status; those have their own paths), `Schedule`, `ActionCurrentState`.
"""

import sqlite3
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from dataddo_emulator import forms
from dataddo_emulator.catalog import TEMPLATE, Connector
from dataddo_emulator.ids import object_id
from dataddo_emulator.redaction import without_secrets
from dataddo_emulator.routes import services
from dataddo_emulator.routes.deps import API_PREFIX, Customer, Emu, Labelled
from dataddo_emulator.schedule import with_changes
from dataddo_emulator.store import delete_unused, dump, load, owned, rows

router = APIRouter(prefix=API_PREFIX, tags=["sources"])


class UpdateSource(Labelled):
    """The basic information (NOTES: label, description)."""

    description: str | None = None


class UpdateSchedule(BaseModel):
    """The spec's `UpdateScheduleRequest`, its mixed casing as written."""

    model_config = ConfigDict(extra="forbid")

    sync_frequency: str | None = None
    timezone: str | None = None
    minute: str | None = None
    hour: str | None = None
    day_of_month: str | None = Field(None, alias="dayOfMonth")
    month: str | None = None
    day_of_week: str | None = Field(None, alias="dayOfWeek")


@router.get("/sources")
def listing(emu: Emu, customer: Customer) -> list[dict[str, Any]]:
    return emu.run(_listing, customer)


@router.get("/sources/{id}")
def detail(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    """A `SourceDTO`."""
    return _detail(emu.run(owned, "sources", id, customer))


@router.put("/sources/{id}")
def update(id: str, body: UpdateSource, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Change the label and the description; answer the `Source`."""
    changes = {"label": body.given_label(), "description": body.description}
    return emu.run(_update, customer, id, {k: v for k, v in changes.items() if v is not None})


@router.delete("/sources/{id}", status_code=204)
def delete(id: str, emu: Emu, customer: Customer) -> Response:
    """Delete a source; 409 while a flow uses it."""
    emu.run(_delete, customer, id)
    return Response(status_code=204)


@router.get("/sources/{id}/metadata")
def metadata(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    """The create-source request as it was sent (NOTES: "the parameters used at creation");
    DECIDED: secret-like keys and whatever else the journal hides left out."""
    found: dict[str, Any] = without_secrets(emu.run(_doc, id, customer)["metadata"])
    return found


@router.get("/sources/{id}/extraction/schedule")
def schedule(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    found: dict[str, Any] = emu.run(_doc, id, customer)["schedule"]
    return found


@router.put("/sources/{id}/extraction/schedule")
def set_schedule(id: str, body: UpdateSchedule, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Change the fields given (null clears a cron field); answer the whole `Schedule`."""
    return emu.run(_set_schedule, customer, id, body.model_dump(exclude_unset=True))


@router.get("/sources/{id}/status")
def status(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    """`running` at first, `live` once the source is `live_after` seconds old."""
    return emu.run(current_status, customer, id, emu.settings.live_after)


def create(
    db: sqlite3.Connection, customer: str, connector: Connector, body: Mapping[str, Any]
) -> dict[str, Any]:
    """Create the source a create-source body describes; answer the `Source`."""
    form = forms.read(connector, body)
    service_id = form.service_id
    if service_id is not None:
        service_id = services.fitting(db, customer, service_id, connector)
    source_id, now = object_id(), time.time()
    doc = {
        "connector_id": connector.id,
        "service_id": service_id,
        "label": form.label,
        "description": "",
        "created": now,
        "updated": now,
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


def everyone(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every customer's sources, as `SourceDTO`s."""
    return [_detail(row) for row in rows(db, "sources")]


def current_status(
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


def _listing(db: sqlite3.Connection, customer: str) -> list[dict[str, Any]]:
    return [
        _source(row["id"], row["customer_id"], load(row["doc"]))
        for row in rows(db, "sources", customer)
    ]


def _update(
    db: sqlite3.Connection, customer: str, source_id: str, changes: Mapping[str, str]
) -> dict[str, Any]:
    doc = {**_doc(db, source_id, customer), **changes, "updated": time.time()}
    _save(db, source_id, doc)
    return _source(source_id, customer, doc)


def _delete(db: sqlite3.Connection, customer: str, source_id: str) -> None:
    users = {"flow": "SELECT flow_id FROM flow_sources WHERE source_id = ?"}
    delete_unused(db, "sources", source_id, customer, users)


def _set_schedule(
    db: sqlite3.Connection, customer: str, source_id: str, changes: Mapping[str, Any]
) -> dict[str, Any]:
    doc = _doc(db, source_id, customer)
    doc["schedule"] = with_changes(doc["schedule"], changes)
    _save(db, source_id, doc)
    found: dict[str, Any] = doc["schedule"]
    return found


def _doc(db: sqlite3.Connection, source_id: str, customer: str | None) -> dict[str, Any]:
    return load(owned(db, "sources", source_id, customer)["doc"])


def _save(db: sqlite3.Connection, source_id: str, doc: Mapping[str, Any]) -> None:
    db.execute("UPDATE sources SET doc = ? WHERE id = ?", (dump(dict(doc)), source_id))


def _source(source_id: str, customer: str, doc: Mapping[str, Any]) -> dict[str, Any]:
    """A `Source`; `created` in Unix seconds (DECIDED)."""
    return {
        "id": source_id,
        "label": doc["label"],
        "description": doc["description"],
        "type": doc["connector_id"],
        "customer_id": customer,
        "created": int(doc["created"]),
    }


def _detail(row: sqlite3.Row) -> dict[str, Any]:
    """A `SourceDTO`. DECIDED: the storage is the source's own, has no columns yet (nothing is
    extracted) and runs on the engine "emulator"."""
    doc = load(row["doc"])
    source = _source(row["id"], row["customer_id"], doc)
    return {
        **source,
        "template_id": TEMPLATE,
        "connector_id": doc["connector_id"],
        "source": source,
        "storage": {"id": row["id"], "updatedAt": _iso(doc["updated"]), "columns": []},
        "engine": {"name": "emulator", "region": "local"},
        "column": [],
    }


def _iso(timestamp: float) -> str:
    return (
        datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    )
