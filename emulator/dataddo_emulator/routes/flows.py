"""Flows: sources sent to an app, which attaches an `api` object (the data endpoint), and/or
written into a destination, which attaches a `write_action`.

`POST /flows` takes the seed's `{"sources": [id], "app", "label"}` or the spec's shape
`{"source": [{"source_id"}], ...}`, and DECIDED `destinationId`; every answer is the spec's
`Flow`. `PUT /flows/{id}/write/settings` sets how a flow writes (`write_mode`, `unique_columns`).
"""

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, ConfigDict

from dataddo_emulator.catalog import catalog
from dataddo_emulator.errors import ApiError, bad_request
from dataddo_emulator.ids import object_id
from dataddo_emulator.routes import destinations
from dataddo_emulator.routes.deps import API_PREFIX, Customer, Emu, Labelled
from dataddo_emulator.store import delete_unused, dump, load, owned, rows

router = APIRouter(prefix=API_PREFIX, tags=["flows"])

# DECIDED: the label of a flow created without one.
DEFAULT_LABEL = "Flow"
# DECIDED: how a new flow writes into its destination.
DEFAULT_WRITE_MODE = "insert"
# The docs: an upsert needs unique columns.
UPSERT = "upsert"


class FlowSource(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source_id: str


class UpdateFlow(Labelled):
    """`sources: [id]` (the seed's shape) or `source: [{source_id}]` (the spec's), `label`."""

    sources: list[str] | None = None
    source: list[FlowSource] | None = None

    def source_ids(self) -> tuple[Sequence[str], str] | None:
        """The source ids and the field they came in; None when neither field is given."""
        if self.sources is not None and self.source is not None:
            raise bad_request("sources", "give sources or source, not both")
        if self.source is not None:
            return [item.source_id for item in self.source], "source"
        return None if self.sources is None else (self.sources, "sources")


class CreateFlow(UpdateFlow):
    app: str | None = None
    # DECIDED: the name (the spec leaves the body untyped; its destination actions say so)
    destinationId: str | None = None  # noqa: N815


class WriteSettings(BaseModel):
    """The spec's `WriteActionSettingsRequest`."""

    model_config = ConfigDict(extra="forbid")

    write_mode: str | None = None
    unique_columns: list[str] | None = None


@router.post("/flows")
def create(body: CreateFlow, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Create a flow; with an `app` it gets an `api` object, with a destination a
    `write_action` (`insert`, no unique columns)."""
    label = body.given_label() or DEFAULT_LABEL
    given = body.source_ids()
    if given is None:
        raise bad_request("sources", "required")
    if body.app is not None and body.app not in catalog().apps:
        apps = ", ".join(catalog().apps)
        raise bad_request("app", f"unknown app {body.app!r}; one of {apps}")
    destination_id = body.destinationId
    return emu.run(
        _create, customer, given, app=body.app, label=label, destination_id=destination_id
    )


@router.get("/flows")
def listing(emu: Emu, customer: Customer) -> list[dict[str, Any]]:
    return emu.run(flows_of, customer)


@router.get("/flows/by-source/{sourceId}")
def by_source(
    source_id: Annotated[str, Path(alias="sourceId")], emu: Emu, customer: Customer
) -> list[dict[str, Any]]:
    """The flows that use a source."""
    return emu.run(_by_source, customer, source_id)


@router.get("/flows/{id}")
def detail(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    return _from_row(emu.run(owned, "flows", id, customer))


@router.put("/flows/{id}")
def update(id: str, body: UpdateFlow, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Change the label and the sources."""
    return emu.run(_update, customer, id, body.given_label(), body.source_ids())


@router.put("/flows/{id}/write/settings")
def write_settings(id: str, body: WriteSettings, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Change the write mode and the unique columns given; DECIDED: answers `{}` (untyped in
    the spec), the flow's `write_action` shows them."""
    emu.run(_write_settings, customer, id, body.model_dump(exclude_none=True))
    return {}


@router.delete("/flows/{id}", status_code=204)
def delete(id: str, emu: Emu, customer: Customer) -> Response:
    emu.run(delete_unused, "flows", id, customer, {})
    return Response(status_code=204)


def flows_of(db: sqlite3.Connection, customer: str | None = None) -> list[dict[str, Any]]:
    """A customer's flows (everyone's when None)."""
    return [_from_row(row) for row in rows(db, "flows", customer)]


def _create(
    db: sqlite3.Connection,
    customer: str,
    given: tuple[Sequence[str], str],
    *,
    app: str | None,
    label: str,
    destination_id: str | None,
) -> dict[str, Any]:
    source_ids, field = given
    _check_sources(db, customer, source_ids, field)
    write = None
    if destination_id is not None:
        if destinations.destination_type(db, customer, destination_id) is None:
            raise bad_request("destinationId", f"unknown destination {destination_id}")
        write = {
            "id": object_id(),
            "destination_id": destination_id,
            "write_mode": DEFAULT_WRITE_MODE,
            "unique_columns": [],
        }
    flow_id = object_id()
    doc = {
        "label": label,
        "sources": list(source_ids),
        "app": app,
        "api_id": object_id() if app else None,
        "write": write,
        "created": int(time.time()),
    }
    db.execute(
        "INSERT INTO flows (id, customer_id, destination_id, doc) VALUES (?, ?, ?, ?)",
        (flow_id, customer, destination_id, dump(doc)),
    )
    _link(db, flow_id, source_ids)
    return _flow(flow_id, customer, doc)


def _update(
    db: sqlite3.Connection,
    customer: str,
    flow_id: str,
    label: str | None,
    given: tuple[Sequence[str], str] | None,
) -> dict[str, Any]:
    row = owned(db, "flows", flow_id, customer)
    doc = load(row["doc"])
    if label is not None:
        doc["label"] = label
    if given is not None:
        source_ids, field = given
        _check_sources(db, customer, source_ids, field)
        doc["sources"] = list(source_ids)
        db.execute("DELETE FROM flow_sources WHERE flow_id = ?", (row["id"],))
        _link(db, row["id"], source_ids)
    db.execute("UPDATE flows SET doc = ? WHERE id = ?", (dump(doc), row["id"]))
    return _flow(row["id"], customer, doc)


def _write_settings(
    db: sqlite3.Connection, customer: str, flow_id: str, changes: Mapping[str, Any]
) -> None:
    row = owned(db, "flows", flow_id, customer)
    doc = load(row["doc"])
    if doc["write"] is None:
        raise bad_request("id", f"flow {flow_id} writes into no destination")
    kind = destinations.destination_type(db, customer, doc["write"]["destination_id"])
    modes = destinations.write_modes(str(kind))
    settings = {**doc["write"], **changes}
    if settings["write_mode"] not in modes:
        mode, known = settings["write_mode"], ", ".join(modes)
        raise bad_request("write_mode", f"unknown write mode {mode!r} for {kind}; one of {known}")
    if settings["write_mode"] == UPSERT and not settings["unique_columns"]:
        raise bad_request("unique_columns", "upsert needs the columns that identify a row")
    doc["write"] = settings
    db.execute("UPDATE flows SET doc = ? WHERE id = ?", (dump(doc), row["id"]))


def _by_source(db: sqlite3.Connection, customer: str, source_id: str) -> list[dict[str, Any]]:
    row = owned(db, "sources", source_id, customer)
    found = db.execute(
        "SELECT flows.* FROM flows JOIN flow_sources ON flow_sources.flow_id = flows.id "
        "WHERE flow_sources.source_id = ? AND flows.customer_id = ? ORDER BY flows.rowid",
        (row["id"], customer),
    ).fetchall()
    return [_from_row(flow) for flow in found]


def _check_sources(
    db: sqlite3.Connection, customer: str, source_ids: Sequence[str], field: str
) -> None:
    """400 naming every source that is unknown to this customer or given twice."""
    if not source_ids:
        raise bad_request(field, "at least one source is required")
    given = Counter(source_ids)
    known = {
        row["id"]
        for row in db.execute(
            "SELECT id FROM sources WHERE customer_id = ? "
            "AND id IN (SELECT value FROM json_each(?))",  # one parameter for any number of ids
            (customer, json.dumps(list(given))),
        )
    }
    unknown = [s for s in given if s not in known]
    reasons = [f"unknown source {s}" for s in unknown]
    reasons += [f"source {s} given twice" for s, count in given.items() if count > 1]
    if reasons:
        message = f"unknown sources: {', '.join(unknown)}" if unknown else "; ".join(reasons)
        raise ApiError(400, message, {field: reasons})


def _link(db: sqlite3.Connection, flow_id: str, source_ids: Sequence[str]) -> None:
    db.executemany(
        "INSERT INTO flow_sources (flow_id, source_id) VALUES (?, ?)",
        [(flow_id, source_id) for source_id in source_ids],
    )


def _from_row(row: sqlite3.Row) -> dict[str, Any]:
    return _flow(row["id"], row["customer_id"], load(row["doc"]))


def _flow(flow_id: str, customer: str, doc: Mapping[str, Any]) -> dict[str, Any]:
    """A `Flow` (without the deprecated `user_id`)."""
    api = None
    if doc["app"]:
        api = {"id": doc["api_id"], "customer_id": customer, "app": doc["app"], "last": None}
    return {
        "id": flow_id,
        "label": doc["label"],
        "customer_id": customer,
        "source": [{"source_id": source_id} for source_id in doc["sources"]],
        "tag": [],
        "operation": [],
        "rules": [],
        "api": api,
        "write_action": _write_action(customer, doc),
    }


def _write_action(customer: str, doc: Mapping[str, Any]) -> dict[str, Any] | None:
    """A `WriteAction`: the destination written into and how."""
    write = doc["write"]
    if write is None:
        return None
    return {
        "id": write["id"],
        "customer_id": customer,
        "object_id": write["destination_id"],
        "object_type": "destination",
        "type": "write",
        "write_mode": write["write_mode"],
        "unique_columns": write["unique_columns"],
    }
