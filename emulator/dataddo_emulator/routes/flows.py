"""Flows: create in the seed's and the spec's shape, read, update, delete, list by source."""

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field

from dataddo_emulator.domain import flows
from dataddo_emulator.errors import bad_request
from dataddo_emulator.routes.collection import add_collection_routes
from dataddo_emulator.routes.deps import API_PREFIX, Customer, Emu

router = APIRouter(prefix=API_PREFIX, tags=["flows"])
add_collection_routes(router, "flows", flows, "Delete a flow.")


class FlowSource(BaseModel):
    source_id: str


class FlowBody(BaseModel):
    """`sources: [id]` (the seed) or `source: [{source_id}]` (the spec), `app`, `label`."""

    model_config = ConfigDict(extra="forbid")

    sources: list[str] | None = None
    source: list[FlowSource] | None = None
    app: str | None = None
    label: str | None = Field(None, min_length=1)

    def source_ids(self) -> tuple[Sequence[str], str] | None:
        """The source ids and the field they came in; None when neither field is given."""
        if self.sources is not None and self.source is not None:
            raise bad_request("sources", "give sources or source, not both")
        if self.source is not None:
            return [item.source_id for item in self.source], "source"
        return None if self.sources is None else (self.sources, "sources")


@router.post("/flows")
def create(body: FlowBody, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Create a flow; with an `app` it gets an `api` object `{app, id}`."""
    given = body.source_ids()
    if given is None:
        raise bad_request("sources", "required")
    source_ids, field = given
    return emu.run(
        flows.create, customer, source_ids=source_ids, field=field, app=body.app, label=body.label
    )


@router.get("/flows/by-source/{sourceId}")
def by_source(
    source_id: Annotated[str, Path(alias="sourceId")], emu: Emu, customer: Customer
) -> list[dict[str, Any]]:
    """The flows that use a source."""
    return emu.run(flows.by_source, customer, source_id)


@router.put("/flows/{id}")
def update(id: str, body: FlowBody, emu: Emu, customer: Customer) -> dict[str, Any]:
    """Change the label and sources; the app cannot change (400)."""
    return emu.run(
        flows.update, customer, id, label=body.label, sources=body.source_ids(), app=body.app
    )
