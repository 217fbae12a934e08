"""Connectors: the catalog, templates, actions, and creating a source from a connector form."""

from typing import Annotated, Any

from fastapi import APIRouter, Body

from dataddo_emulator.domain import connectors, sources
from dataddo_emulator.routes.deps import API_PREFIX, Customer, Emu

router = APIRouter(prefix=API_PREFIX, tags=["connectors"])


@router.get("/connectors")
async def listing(_: Customer) -> list[dict[str, Any]]:
    return connectors.listing()


@router.get("/connectors/{id}/actions/authorization")
def authorizations(id: str, emu: Emu, customer: Customer) -> list[dict[str, Any]]:
    """This customer's services that can authorize the connector: `[{label, value, ...}]`."""
    return emu.run(connectors.authorizations, customer, id)


@router.post("/connectors/{id}/actions/{action}")
def action(
    id: str,
    action: str,
    body: Annotated[dict[str, Any], Body(examples=[{"oAuthId": 1000}])],
    emu: Emu,
    customer: Customer,
) -> list[dict[str, str]]:
    """Options for a form field, e.g. Snapchat `organization` (`{oAuthId}`) and `account`
    (`{oAuthId, organizationId}`)."""
    return emu.run(connectors.run_action, customer, id, action, body)


@router.get("/connectors/{id}/templates")
async def templates(id: str, _: Customer) -> dict[str, Any]:
    return connectors.templates(id)


@router.post("/connectors/{id}/create-source")
def create_source(id: str, body: dict[str, Any], emu: Emu, customer: Customer) -> dict[str, Any]:
    """Create a source from the connector's form; answer the `Source`."""
    return emu.run(sources.create, customer, id, body)
