"""Test hooks under /_emulator (no auth): reset, journal, objects, faults, settings, status."""

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from dataddo_emulator.errors import ApiError
from dataddo_emulator.faults import ANY_ROUTE, FaultConfig
from dataddo_emulator.routekeys import RouteTable
from dataddo_emulator.routes import destinations, flows, services, sources
from dataddo_emulator.routes.deps import API_PREFIX, Emu

router = APIRouter(prefix="/_emulator", tags=["emulator"])

Seconds = Annotated[float | None, Field(None, ge=0, le=10**9)]


class SettingsChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token_ttl: Seconds
    refresh_ttl: Seconds
    live_after: Seconds


class ForcedStatus(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["live", "broken", "retrying", "running", "inactive"] | None = Field(
        description="null returns to the timed status"
    )
    description: str = ""


def _no_content() -> Response:
    return Response(status_code=204)


@router.post("/reset", status_code=204)
def reset(emu: Emu) -> Response:
    """Delete every object, token, journal entry and fault; settings back to their start."""
    emu.reset()
    return _no_content()


@router.get("/requests")
async def requests(emu: Emu, since: Annotated[int, Query(ge=0)] = 0) -> list[dict[str, Any]]:
    """The journal entries after `since` (a `seq`), oldest first."""
    return emu.journal.since(since)


@router.get("/in-flight")
async def in_flight(emu: Emu) -> dict[str, int]:
    """How many API requests are being served (delayed ones included): 0 once every request
    a killed or timed-out client sent has been carried out."""
    return {"requests": emu.in_flight}


@router.delete("/requests", status_code=204)
async def clear_requests(emu: Emu) -> Response:
    emu.journal.clear()
    return _no_content()


@router.get("/objects")
def objects(emu: Emu) -> dict[str, list[dict[str, Any]]]:
    """Every customer's services, sources, destinations and flows (secrets left out)."""
    with emu.store.transaction() as db:
        return {
            "services": services.items(db),
            "sources": sources.everyone(db),
            "destinations": destinations.destinations_of(db),
            "flows": flows.flows_of(db),
        }


@router.get("/faults")
async def faults(emu: Emu) -> dict[str, Any]:
    """The rules, the seed, and how many requests each rule has hit."""
    return emu.faults.state()


@router.put("/faults")
async def set_faults(config: FaultConfig, request: Request, emu: Emu) -> dict[str, Any]:
    """Replace the rules (and restart the seeded RNG)."""
    known = RouteTable(request.app.openapi()["paths"], API_PREFIX).keys
    unknown = [r.route for r in config.rules if r.route != ANY_ROUTE and r.route not in known]
    if unknown:
        reasons = [
            f"unknown route {route!r}; e.g. 'POST {API_PREFIX}/flows' or '*'" for route in unknown
        ]
        raise ApiError(400, "; ".join(reasons), {"rules.route": reasons})
    emu.faults.configure(config)
    return emu.faults.state()


@router.delete("/faults", status_code=204)
async def clear_faults(emu: Emu) -> Response:
    emu.faults.configure(FaultConfig())
    return _no_content()


@router.get("/settings")
async def settings(emu: Emu) -> dict[str, float]:
    return asdict(emu.settings)


@router.put("/settings")
async def change_settings(change: SettingsChange, emu: Emu) -> dict[str, float]:
    """Change the given settings (seconds), effective at once."""
    for name, value in change.model_dump(exclude_none=True).items():
        setattr(emu.settings, name, value)
    return asdict(emu.settings)


@router.put("/sources/{id}/status")
def force_status(id: str, body: ForcedStatus, emu: Emu) -> dict[str, Any]:
    """Force a source's status (any customer's); `status: null` returns to the timed one."""
    forced = None if body.status is None else body.model_dump()
    emu.run(sources.force_status, id, forced)
    return emu.run(sources.current_status, None, id, emu.settings.live_after)
