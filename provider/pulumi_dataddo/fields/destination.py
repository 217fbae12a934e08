"""The Destination's fields: a warehouse, database, storage or business app flows write into."""

from __future__ import annotations

from pulumi_dataddo.fields import types
from pulumi_dataddo.fields.base import WITH_CREDENTIALS, Field, ResourceSpec

DESTINATION = ResourceSpec(
    name="Destination",
    kind="destination",
    description=(
        "Where flows write data: a warehouse, database, object storage or business app, created "
        "from the destination type's storage form."
    ),
    fields=(
        Field(
            "destination_type",
            types.DESTINATION_TYPE,
            "The destination type, e.g. `pgsql`, `google_big_query`, `snowflake`, `s3` (the "
            "spec's `POST /destinations/{type}` forms; `get_destination_types()` lists them). "
            "One the published catalog does not know is a preview warning: the API decides.",
            required=True,
            replaces=True,
        ),
        Field("label", types.STRING, "The destination's name in Dataddo.", required=True),
        Field(
            "oauth_id",
            types.SERVICE_ID,
            "The id of the Service holding the database or cloud credentials (`service.id`), "
            "sent as the form's `o_auth_id`.",
        ),
        Field(
            "config",
            types.OBJECT,
            "The type's storage form fields (e.g. `path`, `projectId`, `datasetId`, `bucket`), "
            "sent verbatim. Stored as a secret when it holds a credential.",
            secret=WITH_CREDENTIALS,
        ),
        Field(
            "adopt_id",
            types.OBJECT_ID_TEXT,
            "Take over an existing destination by its id instead of creating one: the declared "
            "label, Service and config are written to it.",
            compared=False,
        ),
        Field(
            "status",
            types.OUTPUT_BOOLEAN,
            "Whether the destination works, as Dataddo last found it.",
            output=True,
        ),
        Field(
            "status_detail",
            types.OUTPUT_TEXT,
            "Dataddo's detail about the status.",
            output=True,
        ),
    ),
)
