"""Sources: read, update the basic information and the schedule, delete, status."""

from typing import Any

from fastapi import APIRouter
from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from dataddo_emulator.domain import sources
from dataddo_emulator.routes.collection import add_collection_routes
from dataddo_emulator.routes.deps import API_PREFIX, Customer, Emu

router = APIRouter(prefix=API_PREFIX, tags=["sources"])
add_collection_routes(router, "sources", sources, "Delete a source; 409 while a flow uses it.")


class UpdateSource(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str | None = Field(None, min_length=1)
    description: str | None = None


class UpdateSchedule(BaseModel):
    """The spec's `UpdateScheduleRequest` (mixed casing as written; snake_case also taken)."""

    model_config = ConfigDict(extra="forbid")

    sync_frequency: str | None = None
    timezone: str | None = None
    minute: str | None = None
    hour: str | None = None
    day_of_month: str | None = Field(
        None, validation_alias=AliasChoices("dayOfMonth", "day_of_month")
    )
    month: str | None = None
    day_of_week: str | None = Field(None, validation_alias=AliasChoices("dayOfWeek", "day_of_week"))


@router.put("/sources/{id}")
def update(id: str, body: UpdateSource, emu: Emu, customer: Customer) -> dict[str, Any]:
    changes = body.model_dump(exclude_none=True)
    return emu.run(sources.update, customer, id, changes)


@router.get("/sources/{id}/metadata")
def metadata(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Exactly the parameters of the create-source request."""
    return emu.run(sources.metadata, customer, id)


@router.get("/sources/{id}/extraction/schedule")
def schedule(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    return emu.run(sources.schedule, customer, id)


@router.put("/sources/{id}/extraction/schedule")
def set_schedule(id: str, body: UpdateSchedule, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Change the fields given (null clears a cron field); answer the whole `Schedule`."""
    changes = body.model_dump(exclude_unset=True)
    return emu.run(sources.set_schedule, customer, id, changes)


@router.get("/sources/{id}/status")
def status(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    """`running` at first, `live` once the source is `live_after` seconds old."""
    return emu.run(sources.status, customer, id, emu.settings.live_after)
