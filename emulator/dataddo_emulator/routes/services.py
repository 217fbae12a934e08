"""Services (authorizers): stored credentials with integer ids; their config never leaves.

Created with `POST /services` (`{serviceName, config}` or the deprecated `{service, data}`) or
the typed `POST /services/{serviceName}` (`{service, data}`). A service's label is the
config's `label`; DECIDED: else its type. DECIDED: `GET` and `PUT /services/{id}`, untyped in
the spec, answer `{"id"}` only: clients read label and type from the list.
"""

import sqlite3
import time
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from dataddo_emulator.catalog import Connector, Form, catalog
from dataddo_emulator.errors import bad_request, check_label, not_found
from dataddo_emulator.routes.deps import API_PREFIX, Customer, Emu, Labelled
from dataddo_emulator.store import delete_unused, dump, find, load, owned, rows

router = APIRouter(prefix=API_PREFIX, tags=["services"])


class CreateService(BaseModel):
    """The spec's `CreateServiceRequest`."""

    model_config = ConfigDict(extra="forbid")

    serviceName: str | None = None  # noqa: N815 (the spec's name)
    config: dict[str, Any] | None = None
    service: str | None = Field(None, deprecated=True)
    data: dict[str, Any] | None = Field(None, deprecated=True)


class TypedService(BaseModel):
    """The body of the typed paths: the type (optional, the path's) and its `*DtoAuthorizer`."""

    model_config = ConfigDict(extra="forbid")

    service: str | None = None
    data: dict[str, Any]


class UpdateService(Labelled):
    config: dict[str, Any] | None = Field(None, description="merged over the stored config")


@router.post("/services")
def create(body: CreateService, emu: Emu, customer: Customer) -> dict[str, int]:
    """Create a service; answer `{"id": 1000}` (the seed's shape)."""
    name = _one_of("serviceName", body.serviceName, "service", body.service)
    config = _one_of("config", body.config, "data", body.data)
    return {"id": emu.run(_create, customer, name, config)["id"]}


@router.post("/services/{service_name}")
def create_typed(
    service_name: str, body: TypedService, emu: Emu, customer: Customer
) -> dict[str, Any]:
    """Create a service of the type in the path; answer its `*UserAuth` (without config)."""
    if not catalog().services.get(service_name, {}).get("typed"):
        raise not_found("typed service path", service_name)
    if body.service not in (None, service_name):
        raise bad_request("service", f"must be {service_name!r}, the type in the path")
    service = emu.run(_create, customer, service_name, body.data)
    now = service["created_at"]
    return {**service, "updated_at": now, "status": True, "status_detail": "OK"}


@router.get("/services")
def listing(emu: Emu, customer: Customer) -> list[dict[str, Any]]:
    """Every service of the customer as a `ServiceListResponse`."""
    return emu.run(items, customer)


@router.get("/services/{id}")
def detail(id: str, emu: Emu, customer: Customer) -> dict[str, int]:
    return {"id": emu.run(owned, "services", id, customer)["id"]}


@router.put("/services/{id}")
def update(id: str, body: UpdateService, emu: Emu, customer: Customer) -> dict[str, int]:
    """Change the label (`label`, else the config's: DECIDED) and merge a config over the
    stored one (credential rotation)."""
    return {"id": emu.run(_update, customer, id, body)}


@router.delete("/services/{id}", status_code=204)
def delete(id: str, emu: Emu, customer: Customer) -> Response:
    """Delete a service; 409 while a source or a destination uses it."""
    emu.run(_delete, customer, id)
    return Response(status_code=204)


@router.get("/services/{id}/debug")
def debug(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    """An `AuthorizerDebugResponse` (DECIDED: every service is operable)."""
    emu.run(owned, "services", id, customer)
    return {"status": "ok", "message": "The service is operable", "logs": []}


def items(db: sqlite3.Connection, customer: str | None = None) -> list[dict[str, Any]]:
    """A customer's services (everyone's when None) as `ServiceListResponse`s."""
    return [_item(row) for row in rows(db, "services", customer)]


def fitting(db: sqlite3.Connection, customer: str, service_id: int, form: Form) -> int:
    """`service_id` if it is this customer's service and fits `form`; else 400."""
    field = form.names.service
    found = find(db, "services", service_id, customer)
    if found is None:
        raise bad_request(field, f"unknown service {service_id}")
    service = load(found["doc"])["service"]
    if service not in form.services:
        raise bad_request(
            field,
            f"service {service_id} ({service}) cannot authorize {form.kind} {form.id}; "
            f"use one of {', '.join(sorted(form.services))}",
        )
    return service_id


def authorizations(
    db: sqlite3.Connection, customer: str, connector: Connector
) -> list[dict[str, Any]]:
    """The customer's services that can authorize `connector` (`ActionAuthorizationResponse`;
    DECIDED: without `email`, the authorized account's, which the emulator does not know)."""
    found = (_item(row) for row in rows(db, "services", customer))
    return [
        {"id": s["id"], "service": s["service"]}
        for s in found
        if s["service"] in connector.services
    ]


def _one_of(current: str, current_value: Any, deprecated: str, deprecated_value: Any) -> Any:
    """The value given under the current name or its deprecated one, not both, not neither."""
    if current_value is not None and deprecated_value is not None:
        raise bad_request(current, f"give {current} or the deprecated {deprecated}, not both")
    if current_value is None and deprecated_value is None:
        raise bad_request(current, "required")
    return deprecated_value if current_value is None else current_value


def _split_label(config: Mapping[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """(the config's label, checked, or None; the config without it)."""
    rest = {key: value for key, value in config.items() if key != "label"}
    return (check_label(config["label"]) if "label" in config else None), rest


def _create(
    db: sqlite3.Connection, customer: str, service: str, config: Mapping[str, Any]
) -> dict[str, Any]:
    """Store a service; its id, owner, label, type and creation time."""
    label, rest = _split_label(config)
    if service not in catalog().services:
        raise bad_request("serviceName", f"unknown service type {service!r}")
    now = int(time.time())
    doc = {"service": service, "label": label or service, "config": rest, "updated": now}
    cursor = db.execute(
        "INSERT INTO services (customer_id, doc) VALUES (?, ?)", (customer, dump(doc))
    )
    return {
        "id": int(cursor.lastrowid or 0),
        "customer_id": customer,
        "label": doc["label"],
        "service_type": catalog().service_type(service),
        "created_at": now,
    }


def _update(db: sqlite3.Connection, customer: str, raw_id: str, body: UpdateService) -> int:
    row = owned(db, "services", raw_id, customer)
    doc = load(row["doc"])
    label, config = _split_label(body.config or {})
    doc["label"] = body.given_label() or label or doc["label"]
    doc["config"] = {**doc["config"], **config}
    doc["updated"] = int(time.time())
    db.execute("UPDATE services SET doc = ? WHERE id = ?", (dump(doc), row["id"]))
    return int(row["id"])


def _delete(db: sqlite3.Connection, customer: str, raw_id: str) -> None:
    users = {
        "source": "SELECT id FROM sources WHERE service_id = ?",
        "destination": "SELECT id FROM destinations WHERE service_id = ?",
    }
    delete_unused(db, "services", raw_id, customer, users)


def _item(row: sqlite3.Row) -> dict[str, Any]:
    """A `ServiceListResponse`; `last_action` is the last change (DECIDED: Unix seconds)."""
    doc = load(row["doc"])
    return {
        "id": row["id"],
        "service": doc["service"],
        "label": doc["label"],
        "last_action": doc["updated"],
        "status": True,
        "status_detail": "OK",
        "customer_id": row["customer_id"],
        "service_type": catalog().service_type(doc["service"]),
    }
