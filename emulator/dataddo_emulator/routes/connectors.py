"""Connectors: the catalog, templates, actions, and creating a source from a connector's form.

Action options are fakes derived from the service id and the other body fields, so they are
the same on every call and every run, and differ between services (DECIDED).
"""

import hashlib
import sqlite3
import uuid
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Body

from dataddo_emulator.catalog import TEMPLATE, Connector, catalog
from dataddo_emulator.errors import bad_request, not_found
from dataddo_emulator.ids import service_id
from dataddo_emulator.routes import services, sources
from dataddo_emulator.routes.deps import API_PREFIX, Customer, Emu

router = APIRouter(prefix=API_PREFIX, tags=["connectors"])

OPTIONS_PER_ACTION = 3


@router.get("/connectors")
async def listing(_: Customer) -> list[dict[str, Any]]:
    """Every connector as a `ConnectorListResponse`; `services` are the fitting types."""
    return [
        {"id": c.id, "label": c.label, "services": sorted(c.services), "priority": priority}
        for priority, c in enumerate(catalog().connectors.values())
    ]


@router.get("/connectors/{id}/actions/authorization")
def authorizations(id: str, emu: Emu, customer: Customer) -> list[dict[str, Any]]:
    """This customer's services that can authorize the connector: `[{id, service}]`."""
    return emu.run(services.authorizations, customer, _connector(id))


@router.post("/connectors/{id}/actions/{action}")
def action(
    id: str,
    action: str,
    body: Annotated[dict[str, Any], Body(examples=[{"oAuthId": "1000"}])],
    emu: Emu,
    customer: Customer,
) -> list[dict[str, str]]:
    """Options for a form field: `[{label, value}]`, e.g. Snapchat `organization` (body
    `{oAuthId}`) and `account` (`{oAuthId, organizationId}`)."""
    return emu.run(_run_action, customer, _connector(id), action, body)


@router.get("/connectors/{id}/templates")
async def templates(id: str, _: Customer) -> dict[str, Any]:
    """A `ConnectorTemplateResponse`: the one template, `index`."""
    connector = _connector(id)
    template = {"name": f"{connector.label} ({TEMPLATE})", "templateId": TEMPLATE}
    return {"connectorId": connector.id, "sourceName": connector.label, "templates": [template]}


@router.post("/connectors/{id}/create-source")
def create_source(id: str, body: dict[str, Any], emu: Emu, customer: Customer) -> dict[str, Any]:
    """Create a source from the connector's form; answer the `Source`."""
    return emu.run(sources.create, customer, _connector(id), body)


def _connector(connector_id: str) -> Connector:
    found = catalog().connectors.get(connector_id)
    if found is None:
        raise not_found("connector", connector_id)
    return found


def _run_action(
    db: sqlite3.Connection,
    customer: str,
    connector: Connector,
    name: str,
    body: Mapping[str, Any],
) -> list[dict[str, str]]:
    """The options an action lists; DECIDED: every field its body declares is required."""
    fields = connector.actions.get(name)
    if fields is None:
        raise not_found("action", f"{connector.id}/{name}")
    for field in fields:
        value = body.get(field)
        if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
            raise bad_request(field, "required (a string or an integer)")
    service = service_id(body["oAuthId"])
    if service is None:
        raise bad_request("oAuthId", "must be a service id (a string of digits or an integer)")
    services.fitting(db, customer, service, connector)
    seed = "/".join([connector.id, name, *(str(body[f]) for f in fields)])
    return [_option(name, seed, n) for n in range(1, OPTIONS_PER_ACTION + 1)]


def _option(action: str, seed: str, n: int) -> dict[str, str]:
    """Option `n` of an action; `seed` names the connector, action, service and parents."""
    digest = hashlib.sha256(f"{seed}/{n}".encode()).digest()
    return {"label": f"{action} {n}", "value": str(uuid.UUID(bytes=digest[:16]))}
