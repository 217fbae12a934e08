"""An account as `pulumi-dataddo export` finds it (each object's arguments as import reads
them), for its tests: the seed's chain (the docs' end-to-end example), the chain
`tests/e2e/api.py` makes by hand, and a destination with a flow into it; fixed ids."""

from __future__ import annotations

from typing import Any

from pulumi_dataddo.cli.export.project import Target
from pulumi_dataddo.cli.export.reader import Found
from pulumi_dataddo.fields.destination import DESTINATION
from pulumi_dataddo.fields.flow import FLOW
from pulumi_dataddo.fields.service import SERVICE
from pulumi_dataddo.fields.source import SOURCE
from pulumi_dataddo.logic import connector_form, payloads
from tests.seed import SNAPCHAT_FIELDS, seed_create_source_body

# Where the account is, and the project written for it.
TARGET = Target(
    "https://headless.dataddo.com/customer-api/v1", "api@example.com", "dataddo-account", "prod"
)
SEED_SOURCE = "6b1108d98a03e845509a1d7f"
HAND_SOURCE = "6b1108d9c2e8f145bf3dfd66"
WAREHOUSE = "6b1108da9f8e7d6c5b4a3f2e"
SEED_SCHEDULE = {
    "sync_frequency": "day",
    "timezone": "UTC",
    "minute": "25",
    "hour": "3",
    "day_of_month": "1",
    "month": "*",
    "day_of_week": "2",
}


def service(id_: int, label: str | None, service_type: str | None = "snapchat_static") -> Found:
    """A service as import reads it: its type and label, never its config."""
    return Found(SERVICE, str(id_), {"service": service_type, "config": None, "label": label})


def source(
    config: dict[str, Any] | None = None,
    *,
    id_: str = HAND_SOURCE,
    label: str | None = "Hand source",
    connector_id: str | None = "snapchat",
    oauth_id: str | None = "1001",
    schedule: dict[str, str] | None = None,
) -> Found:
    """A source as import reads it (template `index`, strategy `incremental`)."""
    inputs = {
        "connector_id": connector_id,
        "label": label,
        "oauth_id": oauth_id,
        "template_id": "index",
        "config": SNAPCHAT_FIELDS if config is None else config,
        "schedule": schedule,
        "strategy": "incremental",
    }
    return Found(SOURCE, id_, inputs)


def seed_source() -> Found:
    """The seed's source: its create body read backwards, as import reads its metadata."""
    body = seed_create_source_body(1000, "org-7f3a", "acct-91c2", quoted=True)
    read = payloads.source_arguments(connector_form.names("snapchat"), "snapchat", body)
    return source(
        read["config"],
        id_=SEED_SOURCE,
        label="Snapchat Insights",
        oauth_id=read["oauth_id"],
        schedule=SEED_SCHEDULE,
    )


def flow(id_: str, label: str, sources: list[str], **more: Any) -> Found:
    """A flow as import reads it."""
    return Found(FLOW, id_, {"sources": sources, "label": label, **more})


def account() -> tuple[Found, ...]:
    """The seed's chain, the hand-made one, a destination (whose type the API does not show)
    and a flow into it, in the order the reader gives them."""
    return (
        service(1000, "Snapchat"),
        service(1001, "Made by hand"),
        seed_source(),
        source(schedule={"sync_frequency": "day", "timezone": "UTC"}),
        Found(DESTINATION, WAREHOUSE, {"destination_type": None, "label": "Warehouse"}),
        flow("6b1108d935966d9ca98a9563", "Hand flow", [HAND_SOURCE], app="google_data_studio"),
        flow("6b1108d9cdb4eff327677b44", "GDS Flow", [SEED_SOURCE], app="google_data_studio"),
        flow(
            "6b1108da0e5f1c2b3a4d5e6f",
            "To the warehouse",
            [SEED_SOURCE, HAND_SOURCE],
            destination_id=WAREHOUSE,
            write_mode="upsert",
            unique_columns=["stats_id"],
        ),
    )
