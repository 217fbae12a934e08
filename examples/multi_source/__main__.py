"""Several sources in one flow: two Snapchat ad accounts and a MySQL query, read by Power BI.

Each Snapchat account is its own Source under one authorizer; the MySQL source runs a query
with a database login. All three feed one Flow; adding an account to `snapchatAccounts` adds a
Source and updates the Flow in place.
"""

import pulumi

import pulumi_dataddo as dataddo

cfg = pulumi.Config()

snapchat = dataddo.Service(
    "snapchat",
    service="snapchat_static",
    config={
        "staticKey": cfg.require_secret("snapchatRefreshToken"),
        "clientId": cfg.require("snapchatClientId"),
        "clientSecret": cfg.require_secret("snapchatClientSecret"),
    },
    label="Snapchat (marketing)",
)

daily = dataddo.Schedule(sync_frequency="day", hour="4", minute="0", timezone="Europe/Prague")

accounts = cfg.require_object("snapchatAccounts")
snapchat_sources = [
    dataddo.Source(
        f"snapchat-{account}",
        connector_id="snapchat",
        oauth_id=snapchat.id,
        label=f"Snapchat spend, account {account}",
        config={
            "organizationId": cfg.require("snapchatOrganizationId"),
            "accountId": account,
            "breakdown": "campaign",
            "metrics": ["spend", "impressions", "swipes"],
            "labels": ["stats_id", "stats_start_time", "stats_end_time"],
            "action_report_time": "conversion",
            "swipe_up_attribution_window": "28_DAY",
            "view_attribution_window": "1_DAY",
            "dateRange": "{{7d1}}",
        },
        schedule=daily,
        strategy="incremental",
    )
    for account in accounts
]

warehouse = dataddo.Service(
    "orders-db",
    service="mysql",
    config={
        "host": cfg.require("mysqlHost"),
        "port": "3306",
        "user": "dataddo_reader",
        "password": cfg.require_secret("mysqlPassword"),
        "database": "shop",
    },
    label="Shop database (read-only)",
)

orders = dataddo.Source(
    "orders",
    connector_id="mysql",
    oauth_id=warehouse.id,
    label="Orders per campaign",
    config={"statement": "SELECT campaign_id, SUM(total) AS revenue FROM orders GROUP BY 1"},
    schedule=daily,
)

flow = dataddo.Flow(
    "marketing-flow",
    sources=[*(s.id for s in snapchat_sources), orders.id],
    app="power_bi",
    label="Marketing spend vs revenue",
)

pulumi.export("flow_api_id", flow.api_id)
pulumi.export("source_ids", [s.id for s in [*snapchat_sources, orders]])
