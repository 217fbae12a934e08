"""The docs' end-to-end example: authorize Snapchat, create a source, attach it to a flow.

Organization and account ids come from stack config; `dataddo.get_organizations(auth.id)` and
`dataddo.get_accounts(auth.id, org)` list the real ones (docs/resources.md).
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

flow = dataddo.Flow("gds-flow", sources=[source.id], app="google_data_studio", label="GDS Flow")

pulumi.export("service_id", auth.service_id)
pulumi.export("source_id", source.id)
pulumi.export("flow_id", flow.id)
pulumi.export("flow_api_id", flow.api_id)
