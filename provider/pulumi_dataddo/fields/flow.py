"""The Flow's fields: sources wired to a dashboard app (an API endpoint) or a destination."""

from __future__ import annotations

from pulumi_dataddo.fields import types
from pulumi_dataddo.fields.base import Field, ResourceSpec

FLOW = ResourceSpec(
    name="Flow",
    kind="flow",
    description=(
        "Sources wired to a dashboard app (which reads them through an API endpoint) or into a "
        "Destination."
    ),
    fields=(
        Field(
            "sources",
            types.ID_SET,
            "The ids of the sources the flow reads (their order does not matter).",
            required=True,
        ),
        Field(
            "app",
            types.APP,
            "The dashboard app that reads the flow, e.g. `google_data_studio`, `power_bi`, "
            "`tableau`; one the published catalog does not know is a preview warning.",
            replaces=True,
        ),
        Field(
            "destination_id",
            types.OBJECT_ID_TEXT,
            "The id of the Destination the flow writes into (`destination.id`).",
            replaces=True,
        ),
        Field(
            "write_mode",
            types.WRITE_MODE,
            "How the flow writes into its destination: `insert`, `insert_ignore`, "
            "`truncate_insert` or `upsert` (which needs `unique_columns`). Managed only when set.",
            managed_when_set=True,
        ),
        Field(
            "unique_columns",
            types.STRINGS,
            "The columns that identify a row, for `upsert`. Managed only when set.",
            managed_when_set=True,
        ),
        Field(
            "label",
            types.STRING,
            "The flow's name in Dataddo. Managed only when set.",
            managed_when_set=True,
        ),
        Field(
            "adopt_id",
            types.OBJECT_ID_TEXT,
            "Take over an existing flow by its id instead of creating one: its app is "
            "verified, then the declared label and sources are written to it.",
            compared=False,
        ),
        Field(
            "api_id",
            types.OUTPUT_TEXT,
            "The id of the flow's API endpoint, which the dashboard app reads.",
            output=True,
            stable=True,
        ),
    ),
)
