"""Destinations: where flows write; made from a destination type's storage form, 24-hex ids.

`POST /destinations/{type}` takes the type's `*StorageRequest` (`label`, `o_auth_id` naming a
service of the customer, the type's fields) and answers its typed `*Destination`. `GET
/destinations` and `GET|PUT /destinations/{id}` are untyped in the spec: they answer the
`Destination` (NOTES); DECIDED: `PUT` takes the create's parameters.
`POST /destinations/{type}/actions/writeModes` lists the modes a flow can write with.
"""

import re
import sqlite3
import time
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Response
from pydantic import BaseModel, ConfigDict, Field

from dataddo_emulator import forms
from dataddo_emulator.catalog import Destination, catalog
from dataddo_emulator.errors import not_found
from dataddo_emulator.ids import object_id
from dataddo_emulator.routes import services
from dataddo_emulator.routes.deps import API_PREFIX, Customer, Emu
from dataddo_emulator.store import delete_unused, dump, find, load, owned, rows

router = APIRouter(prefix=API_PREFIX, tags=["destinations"])

# The docs' write modes (docs.dataddo.com/docs/write-modes), by value; DECIDED: their labels.
WRITE_MODES = {
    "insert": "Insert",
    "insert_ignore": "Insert ignore",
    "truncate_insert": "Truncate insert",
    "upsert": "Upsert",
}
# The types the docs give fewer modes.
_FEWER_MODES = {"google_sheets": ("truncate_insert", "insert")}

TypeInPath = Annotated[str, Path(alias="type", description="the destination type, e.g. pgsql")]
StorageBody = Annotated[dict[str, Any], Body(examples=[{"label": "Warehouse", "o_auth_id": 1000}])]


class WriteModesQuery(BaseModel):
    """The optional body of `writeModes`; DECIDED: unknown fields are a 400."""

    model_config = ConfigDict(extra="forbid")

    writeMode: str | None = Field(None, examples=["insert"])  # noqa: N815 (the spec's name)


def write_modes(destination_type: str) -> tuple[str, ...]:
    """The modes a flow can write into a destination of the type with."""
    return _FEWER_MODES.get(destination_type, tuple(WRITE_MODES))


@router.post("/destinations/{type}")
def create(
    destination_type: TypeInPath, body: StorageBody, emu: Emu, customer: Customer
) -> dict[str, Any]:
    """Create a destination from the type's storage form; answer its typed `*Destination`."""
    return emu.run(_create, customer, _type(destination_type), body)


@router.post("/destinations/{type}/actions/writeModes")
async def modes(
    destination_type: TypeInPath,
    _: Customer,
    _query: Annotated[WriteModesQuery | None, Body()] = None,
) -> list[dict[str, str]]:
    """The type's write modes: `[{label, value}]`."""
    return [{"label": WRITE_MODES[m], "value": m} for m in write_modes(_type(destination_type).id)]


@router.get("/destinations")
def listing(emu: Emu, customer: Customer) -> list[dict[str, Any]]:
    return emu.run(destinations_of, customer)


@router.get("/destinations/{id}")
def detail(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    return _from_row(emu.run(owned, "destinations", id, customer))


@router.put("/destinations/{id}")
def update(id: str, body: StorageBody, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Change the fields given, checked against the type's storage form (the type is the
    stored one)."""
    return emu.run(_update, customer, id, body)


@router.delete("/destinations/{id}", status_code=204)
def delete(id: str, emu: Emu, customer: Customer) -> Response:
    """Delete a destination; 409 while a flow writes into it."""
    users = {"flow": "SELECT id FROM flows WHERE destination_id = ?"}
    emu.run(delete_unused, "destinations", id, customer, users)
    return Response(status_code=204)


def destinations_of(db: sqlite3.Connection, customer: str | None = None) -> list[dict[str, Any]]:
    """A customer's destinations (everyone's when None), as `Destination`s."""
    return [_from_row(row) for row in rows(db, "destinations", customer)]


def destination_type(db: sqlite3.Connection, customer: str, destination_id: str) -> str | None:
    """The type of the customer's destination `destination_id`; None when it has none such."""
    row = find(db, "destinations", destination_id, customer)
    return None if row is None else str(load(row["doc"])["type"])


def _type(name: str) -> Destination:
    found = catalog().destinations.get(name)
    if found is None:
        raise not_found("destination type", name)
    return found


def _create(
    db: sqlite3.Connection, customer: str, destination: Destination, body: Mapping[str, Any]
) -> dict[str, Any]:
    form = forms.read_destination(destination, body)
    service_id = _service(db, customer, destination, form)
    destination_id, now = object_id(), int(time.time())
    doc = {
        "type": destination.id,
        "label": form.label or destination.label,  # DECIDED: else the type's name
        "fields": dict(body),
        "created": now,
        "updated": now,
    }
    db.execute(
        "INSERT INTO destinations (id, customer_id, service_id, doc) VALUES (?, ?, ?, ?)",
        (destination_id, customer, service_id, dump(doc)),
    )
    return {**_destination(destination_id, customer, doc), **_own_fields(destination, body)}


def _update(
    db: sqlite3.Connection, customer: str, raw_id: str, body: Mapping[str, Any]
) -> dict[str, Any]:
    row = owned(db, "destinations", raw_id, customer)
    doc = load(row["doc"])
    destination = catalog().destinations[doc["type"]]
    form = forms.read_destination(destination, body)
    service_id = _service(db, customer, destination, form)
    if service_id is not None:
        db.execute("UPDATE destinations SET service_id = ? WHERE id = ?", (service_id, row["id"]))
    doc["label"] = form.label or doc["label"]
    doc["fields"] = {**doc["fields"], **body}
    doc["updated"] = int(time.time())
    db.execute("UPDATE destinations SET doc = ? WHERE id = ?", (dump(doc), row["id"]))
    return _destination(row["id"], customer, doc)


def _service(
    db: sqlite3.Connection, customer: str, destination: Destination, form: forms.DestinationForm
) -> int | None:
    """The service the form names, if one of the customer's fitting the type (else 400)."""
    if form.service_id is None:
        return None
    return services.fitting(db, customer, form.service_id, destination)


def _from_row(row: sqlite3.Row) -> dict[str, Any]:
    return _destination(row["id"], row["customer_id"], load(row["doc"]))


def _destination(destination_id: str, customer: str, doc: Mapping[str, Any]) -> dict[str, Any]:
    """A `Destination`. DECIDED: times in Unix seconds; never used (`lastUse` null), no
    description (the form has none), working (`status` true, `statusDetail` empty)."""
    return {
        "id": destination_id,
        "customer_id": customer,
        "created_at": doc["created"],
        "updated_at": doc["updated"],
        "lastUse": None,
        "label": doc["label"],
        "description": "",
        "status": True,
        "statusDetail": "",
    }


def _own_fields(destination: Destination, given: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the typed answer adds to `Destination`, from the body: under their own name
    or, DECIDED, in camelCase (`project_id` from `projectId`); left out when not given or not
    of the answer's type."""
    found = {}
    for name, declared in destination.answer.items():
        for key in (name, re.sub(r"_([a-z0-9])", lambda m: m[1].upper(), name)):
            if key in given and forms.typed(declared, given[key]):
                found[name] = given[key]
                break
    return found
