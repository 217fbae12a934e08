"""An account as `pulumi-dataddo export` reads it, for its tests: the seed's chain (the docs'
end-to-end example) and the chain `tests/e2e/api.py` makes by hand, with fixed ids."""

from __future__ import annotations

from typing import Any

from pulumi_dataddo.cli.export.project import Target
from pulumi_dataddo.cli.export.reader import Snapshot, SourceRecord
from pulumi_dataddo.http.responses import FlowInfo, ServiceInfo, SourceInfo
from tests.seed import SNAPCHAT_FIELDS, seed_create_source_body

# Where the account is, and the project written for it.
TARGET = Target(
    "https://headless.dataddo.com/customer-api/v1", "api@example.com", "dataddo-account", "prod"
)
SEED_SOURCE = "6b1108d98a03e845509a1d7f"
HAND_SOURCE = "6b1108d9c2e8f145bf3dfd66"
SEED_SCHEDULE = {
    "sync_frequency": "day",
    "timezone": "UTC",
    "minute": "25",
    "hour": "3",
    "day_of_month": "1",
    "month": "*",
    "day_of_week": "2",
}


def source(
    metadata: dict[str, Any],
    *,
    id_: str = HAND_SOURCE,
    label: str | None = "Hand source",
    connector_id: str | None = "snapchat",
    template_id: str | None = "index",
    schedule: dict[str, str] | None = None,
) -> SourceRecord:
    """A source whose `SourceDTO` shows `label`, `connector_id` and `template_id`."""
    info = SourceInfo(id_, label, connector_id=connector_id, template_id=template_id)
    return SourceRecord(info, metadata, schedule or {})


def hand_metadata(oauth_id: str = "1001") -> dict[str, Any]:
    """The creation parameters of `OutOfBand.create_chain`'s source."""
    return {
        "connectorId": "snapchat",
        "templateId": "index",
        "oAuthId": oauth_id,
        "label": "Hand source",
        "strategy": "incremental",
        **SNAPCHAT_FIELDS,
    }


def account() -> Snapshot:
    """The seed's service, source and flow, the hand-made ones, and a flow into a destination."""
    seed_metadata = seed_create_source_body(1000, "org-7f3a", "acct-91c2", quoted=True)
    return Snapshot(
        services=(
            ServiceInfo(1001, "snapchat_static", "Made by hand"),
            ServiceInfo(1000, "snapchat_static", "Snapchat"),
        ),
        sources=(
            source(hand_metadata(), schedule={"sync_frequency": "day", "timezone": "UTC"}),
            source(
                seed_metadata, id_=SEED_SOURCE, label="Snapchat Insights", schedule=SEED_SCHEDULE
            ),
        ),
        flows=(
            FlowInfo("6b1108d9cdb4eff327677b44", "GDS Flow", [SEED_SOURCE], "google_data_studio"),
            FlowInfo("6b1108d935966d9ca98a9563", "Hand flow", [HAND_SOURCE], "google_data_studio"),
            FlowInfo(
                "6b1108da0e5f1c2b3a4d5e6f",
                "To the warehouse",
                [HAND_SOURCE],
                destination_id="6b1108da9f8e7d6c5b4a3f2e",
                write_mode="append",
            ),
        ),
    )
