"""GENERATED from the field specs (`pulumi_dataddo/fields/<resource>.py`) by
`python -m pulumi_dataddo.fields.sdk` (`make generate`): do not edit.

The typed signatures of the resource classes, one per resource: its outputs as `pulumi.Output`
annotations, its docstring and its typed keyword-only `__init__`, which hands the arguments to
`_declare`. The dynamic classes (`pulumi_dataddo.Service`, ...) and the native ones
(`pulumi_dataddo.native.Service`, ...) derive from these, and each of their bases implements
`_declare` once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pulumi

from pulumi_dataddo.arguments import Declaring
from pulumi_dataddo.dynamic.schedule import ScheduleInput


class Service(Declaring):
    """An authorizer: a third-party service's credentials stored in Dataddo, used by Sources and
    Destinations through its id.

    Changed in place: `config`, `label`. A change replaces the service: `service`. Used only when it
    is created: `adopt_id`. Stored as a secret: `config`.

    Args:
        resource_name: The resource's name, unique in the stack.
        service: The service type, e.g. `snapchat_static`, `mysql`, `pgsql` (the spec's `POST
            /services/{serviceName}` forms). Required.
        config: The credentials and settings of the service type's form, sent verbatim. Always
            secret; the API never returns them, so they are never compared with it: a change here
            rotates the credentials. Required.
        label: The name shown in Dataddo (sent inside the config, where the spec's forms carry it).
            Managed only when set.
        adopt_id: Take over an existing service by its id instead of creating one: its type is
            verified, then the declared config and label are written to it.
        opts: The resource options.

    Outputs (besides the arguments):
        service_id: The service's id as an integer (the resource id is its text).
    """

    service: pulumi.Output[str]
    config: pulumi.Output[dict[str, Any]]
    label: pulumi.Output[str | None]
    adopt_id: pulumi.Output[str | None]
    service_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        service: pulumi.Input[str],
        config: pulumi.Input[Mapping[str, pulumi.Input[Any]]],
        label: pulumi.Input[str] | None = None,
        adopt_id: pulumi.Input[str | int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._declare(
            resource_name,
            opts,
            service=service,
            config=config,
            label=label,
            adopt_id=adopt_id,
        )


class Source(Declaring):
    """A connector pulling data into Dataddo with a Service's credentials, created from the
    connector's create-source form.

    Changed in place: `label`, `schedule`. A change replaces the source: `connector_id`, `oauth_id`,
    `template_id`, `config`, `strategy`, `allow_empty`. Used only when it is created:
    `wait_until_live`, `adopt_id`. Stored as a secret: `config` when it holds a credential.

    Args:
        resource_name: The resource's name, unique in the stack.
        connector_id: The connector, e.g. `snapchat`, `google_analytics4`, `mysql`
            (`get_connectors()` lists them). One the published catalog does not know is a preview
            warning: the API decides. Required.
        label: The source's name in Dataddo. Required.
        oauth_id: The id of the Service whose credentials the source uses (`service.id`).
        template_id: The connector's template. Default `index`.
        config: The connector's form fields, sent verbatim with the names the form uses (checked
            offline against the connector's published form). Stored as a secret when it holds a
            credential (a credential-like key at any depth, an Authorization header pair, a URL with
            a password or an api_key-like parameter); wrap other secret values in
            `pulumi.Output.secret`.
        schedule: When the source extracts data. Managed only when set, and only the fields set.
        strategy: The storage strategy (the form's `storageStrategy`), e.g. `incremental`, `clean`.
        allow_empty: Whether an extraction that returns no rows succeeds (the form's `allowEmpty`);
            omitted: the connector form's default.
        wait_until_live: Seconds to wait after creating for the first extraction to be live; a
            source that breaks or is not live in time fails the create and is deleted again.
        adopt_id: Take over an existing source by its id instead of creating one: its connector,
            Service and creation parameters are verified, then the declared label and schedule are
            written to it.
        opts: The resource options.
    """

    connector_id: pulumi.Output[str]
    label: pulumi.Output[str]
    oauth_id: pulumi.Output[str | None]
    template_id: pulumi.Output[str]
    config: pulumi.Output[dict[str, Any] | None]
    schedule: pulumi.Output[dict[str, str] | None]
    strategy: pulumi.Output[str | None]
    allow_empty: pulumi.Output[bool | None]
    wait_until_live: pulumi.Output[float | None]
    adopt_id: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: pulumi.Input[str],
        label: pulumi.Input[str],
        oauth_id: pulumi.Input[str | int] | None = None,
        template_id: pulumi.Input[str] | None = None,
        config: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None,
        schedule: ScheduleInput | None = None,
        strategy: pulumi.Input[str] | None = None,
        allow_empty: pulumi.Input[bool] | None = None,
        wait_until_live: pulumi.Input[float] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._declare(
            resource_name,
            opts,
            connector_id=connector_id,
            label=label,
            oauth_id=oauth_id,
            template_id=template_id,
            config=config,
            schedule=schedule,
            strategy=strategy,
            allow_empty=allow_empty,
            wait_until_live=wait_until_live,
            adopt_id=adopt_id,
        )


class Destination(Declaring):
    """Where flows write data: a warehouse, database, object storage or business app, created from
    the destination type's storage form.

    Changed in place: `label`, `oauth_id`, `config`. A change replaces the destination:
    `destination_type`. Used only when it is created: `adopt_id`. Stored as a secret: `config` when
    it holds a credential.

    Args:
        resource_name: The resource's name, unique in the stack.
        destination_type: The destination type, e.g. `pgsql`, `google_big_query`, `snowflake`, `s3`
            (the spec's `POST /destinations/{type}` forms; `get_destination_types()` lists them).
            One the published catalog does not know is a preview warning: the API decides. Required.
        label: The destination's name in Dataddo. Required.
        oauth_id: The id of the Service holding the database or cloud credentials (`service.id`),
            sent as the form's `o_auth_id`.
        config: The type's storage form fields (e.g. `path`, `projectId`, `datasetId`, `bucket`),
            sent verbatim. Stored as a secret when it holds a credential.
        adopt_id: Take over an existing destination by its id instead of creating one: the declared
            label, Service and config are written to it.
        opts: The resource options.

    Outputs (besides the arguments):
        status: Whether the destination works, as Dataddo last found it.
        status_detail: Dataddo's detail about the status.
    """

    destination_type: pulumi.Output[str]
    label: pulumi.Output[str]
    oauth_id: pulumi.Output[str | None]
    config: pulumi.Output[dict[str, Any] | None]
    adopt_id: pulumi.Output[str | None]
    status: pulumi.Output[bool | None]
    status_detail: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        destination_type: pulumi.Input[str],
        label: pulumi.Input[str],
        oauth_id: pulumi.Input[str | int] | None = None,
        config: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._declare(
            resource_name,
            opts,
            destination_type=destination_type,
            label=label,
            oauth_id=oauth_id,
            config=config,
            adopt_id=adopt_id,
        )


class Flow(Declaring):
    """Sources wired to a dashboard app (which reads them through an API endpoint) or into a
    Destination.

    Changed in place: `sources`, `write_mode`, `unique_columns`, `label`. A change replaces the
    flow: `app`, `destination_id`. Used only when it is created: `adopt_id`.

    Args:
        resource_name: The resource's name, unique in the stack.
        sources: The ids of the sources the flow reads (their order does not matter). Required.
        app: The dashboard app that reads the flow, e.g. `google_data_studio`, `power_bi`,
            `tableau`; one the published catalog does not know is a preview warning.
        destination_id: The id of the Destination the flow writes into (`destination.id`).
        write_mode: How the flow writes into its destination: `insert`, `insert_ignore`,
            `truncate_insert` or `upsert` (which needs `unique_columns`). Managed only when set.
        unique_columns: The columns that identify a row, for `upsert`. Managed only when set.
        label: The flow's name in Dataddo. Managed only when set.
        adopt_id: Take over an existing flow by its id instead of creating one: its app is verified,
            then the declared label and sources are written to it.
        opts: The resource options.

    Outputs (besides the arguments):
        api_id: The id of the flow's API endpoint, which the dashboard app reads.
    """

    sources: pulumi.Output[list[str]]
    app: pulumi.Output[str | None]
    destination_id: pulumi.Output[str | None]
    write_mode: pulumi.Output[str | None]
    unique_columns: pulumi.Output[list[str] | None]
    label: pulumi.Output[str | None]
    adopt_id: pulumi.Output[str | None]
    api_id: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        sources: pulumi.Input[Sequence[pulumi.Input[str]]],
        app: pulumi.Input[str] | None = None,
        destination_id: pulumi.Input[str] | None = None,
        write_mode: pulumi.Input[str] | None = None,
        unique_columns: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None,
        label: pulumi.Input[str] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._declare(
            resource_name,
            opts,
            sources=sources,
            app=app,
            destination_id=destination_id,
            write_mode=write_mode,
            unique_columns=unique_columns,
            label=label,
            adopt_id=adopt_id,
        )
