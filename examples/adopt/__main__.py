"""Take over objects created outside Pulumi (in the web app or by a script).

`pulumi import` cannot work for dynamic resources, so each resource names the existing object's
id in `adopt_id`: the first `pulumi up` verifies that the object exists in this account and is of
the declared kind, then writes the declared label, schedule and credentials to it. Nothing is
created. Secrets cannot be read back from the API, so the declared credentials replace the
stored ones. After adoption, `adopt_id` can stay (it changes nothing later) or be removed.
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
    adopt_id=cfg.require("serviceId"),
)

source = dataddo.Source(
    "snapchat-insights",
    connector_id="snapchat",
    oauth_id=auth.id,
    label="Snapchat Insights",
    config=cfg.require_object("sourceConfig"),
    schedule=dataddo.Schedule(sync_frequency="day", hour="3", minute="25", timezone="UTC"),
    strategy="incremental",
    adopt_id=cfg.require("sourceId"),
)

flow = dataddo.Flow(
    "gds-flow",
    sources=[source.id],
    app="google_data_studio",
    label="GDS Flow",
    adopt_id=cfg.require("flowId"),
)

pulumi.export("flow_api_id", flow.api_id)
