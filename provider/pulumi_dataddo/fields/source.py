"""The Source's fields: a connector pulling data with a Service's credentials; 24-hex ids."""

from __future__ import annotations

from pulumi_dataddo.fields import types
from pulumi_dataddo.fields.base import WITH_CREDENTIALS, Field, FormName, ResourceSpec

DEFAULT_TEMPLATE = "index"

SOURCE = ResourceSpec(
    name="Source",
    kind="source",
    description=(
        "A connector pulling data into Dataddo with a Service's credentials, created from the "
        "connector's create-source form."
    ),
    fields=(
        Field(
            "connector_id",
            types.CONNECTOR,
            "The connector, e.g. `snapchat`, `google_analytics4`, `mysql` (`get_connectors()` "
            "lists them). One the published catalog does not know is a preview warning: the API "
            "decides.",
            required=True,
            replaces=True,
            form=FormName("connectorId", "connector_id"),
        ),
        Field(
            "label",
            types.STRING,
            "The source's name in Dataddo.",
            required=True,
            form=FormName("label", "label"),
        ),
        Field(
            "oauth_id",
            types.SERVICE_ID,
            "The id of the Service whose credentials the source uses (`service.id`).",
            replaces=True,
            form=FormName("oAuthId", "o_auth_id"),
        ),
        Field(
            "template_id",
            types.TEMPLATE,
            "The connector's template.",
            default=DEFAULT_TEMPLATE,
            replaces=True,
            form=FormName("templateId", "template_id"),
        ),
        Field(
            "config",
            types.OBJECT,
            "The connector's form fields, sent verbatim with the names the form uses (checked "
            "offline against the connector's published form). Stored as a secret when it holds "
            "a credential (a credential-like key at any depth, an Authorization header pair, a "
            "URL with a password or an api_key-like parameter); wrap other secret values in "
            "`pulumi.Output.secret`.",
            replaces=True,
            secret=WITH_CREDENTIALS,
        ),
        Field(
            "schedule",
            types.SCHEDULE,
            "When the source extracts data. Managed only when set, and only the fields set.",
            managed_when_set=True,
        ),
        Field(
            "strategy",
            types.STRATEGY,
            "The storage strategy (the form's `storageStrategy`), e.g. `incremental`, `clean`.",
            replaces=True,
            form=FormName("strategy", "storage_strategy"),
        ),
        Field(
            "allow_empty",
            types.BOOLEAN,
            "Whether an extraction that returns no rows succeeds (the form's `allowEmpty`); "
            "omitted: the connector form's default.",
            replaces=True,
            form=FormName("allowEmpty", "allow_empty"),
        ),
        Field(
            "wait_until_live",
            types.SECONDS,
            "Seconds to wait after creating for the first extraction to be live; a source that "
            "breaks or is not live in time fails the create and is deleted again.",
            compared=False,
        ),
        Field(
            "adopt_id",
            types.OBJECT_ID_TEXT,
            "Take over an existing source by its id instead of creating one: its connector, "
            "Service and creation parameters are verified, then the declared label and "
            "schedule are written to it.",
            compared=False,
        ),
    ),
)
