"""The seed's Snapchat source written into a PostgreSQL database instead of a dashboard.

A `pgsql` Service holds the database login, a Destination names it, and a Flow writes the
source's rows into it. The write mode and the destination's label change in place; `upsert`
needs the columns that identify a row (`unique_columns`).
"""

import pulumi

import pulumi_dataddo as dataddo

cfg = pulumi.Config()

auth = dataddo.Service(
    "snapchat-auth",
    service="snapchat_static",
    config={
        "staticKey": cfg.require_secret("snapchatRefreshToken"),
        "clientId": cfg.require("snapchatClientId"),
        "clientSecret": cfg.require_secret("snapchatClientSecret"),
    },
    label="Snapchat",
)

source = dataddo.Source(
    "snapchat-insights",
    connector_id="snapchat",
    template_id="index",
    oauth_id=auth.id,
    label="Snapchat Insights",
    config={
        "organizationId": cfg.require("snapchatOrganizationId"),
        "accountId": cfg.require("snapchatAccountId"),
        "breakdown": "campaign",
        "metrics": ["spend", "impressions"],
        "labels": ["stats_id", "stats_type", "stats_start_time", "stats_end_time"],
        "action_report_time": "conversion",
        "swipe_up_attribution_window": "28_DAY",
        "view_attribution_window": "1_DAY",
        "dateRange": "{{30d1}}",
    },
    schedule=dataddo.Schedule(
        sync_frequency="day",
        day_of_week="2",
        day_of_month="1",
        hour="3",
        minute="25",
        timezone="UTC",
    ),
    strategy="incremental",
)

# The fields of the spec's PgsqlDtoAuthorizer: the password, and an SSH tunnel (not used here).
database = dataddo.Service(
    "warehouse-db",
    service="pgsql",
    config={"password": cfg.require_secret("dbPassword"), "useSSH": False},
    label="Warehouse database",
)

# The spec's PgSQLStorageRequest has no field of its own (`config`): the login is the Service's.
warehouse = dataddo.Destination(
    "warehouse",
    destination_type="pgsql",
    oauth_id=database.id,
    label=cfg.get("warehouseLabel") or "Marketing warehouse",
)

flow = dataddo.Flow(
    "snapchat-to-warehouse",
    sources=[source.id],
    destination_id=warehouse.id,
    write_mode=cfg.get("writeMode") or "upsert",
    unique_columns=["stats_id", "stats_start_time"],
    label="Snapchat into the warehouse",
)

pulumi.export("source_id", source.id)
pulumi.export("destination_id", warehouse.id)
pulumi.export("flow_id", flow.id)
