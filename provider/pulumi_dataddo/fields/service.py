"""The Service's fields: stored credentials of a third-party service; integer ids."""

from __future__ import annotations

from pulumi_dataddo.fields import types
from pulumi_dataddo.fields.base import ALWAYS, Field, ResourceSpec

SERVICE = ResourceSpec(
    name="Service",
    kind="service",
    description=(
        "An authorizer: a third-party service's credentials stored in Dataddo, used by Sources "
        "and Destinations through its id."
    ),
    fields=(
        Field(
            "service",
            types.SERVICE_TYPE,
            "The service type, e.g. `snapchat_static`, `mysql`, `pgsql` (the spec's "
            "`POST /services/{serviceName}` forms).",
            required=True,
            replaces=True,
        ),
        Field(
            "config",
            types.OBJECT,
            "The credentials and settings of the service type's form, sent verbatim. Always "
            "secret; the API never returns them, so they are never compared with it: a change "
            "here rotates the credentials.",
            required=True,
            secret=ALWAYS,
        ),
        Field(
            "label",
            types.STRING,
            "The name shown in Dataddo (sent inside the config, where the spec's forms carry "
            "it). Managed only when set.",
            managed_when_set=True,
        ),
        Field(
            "adopt_id",
            types.SERVICE_ID,
            "Take over an existing service by its id instead of creating one: its type is "
            "verified, then the declared config and label are written to it.",
            compared=False,
        ),
        Field(
            "service_id",
            types.OUTPUT_INTEGER,
            "The service's id as an integer (the resource id is its text).",
            required=True,
            output=True,
            stable=True,
        ),
    ),
)
