"""Programs and checks more than one end-to-end module runs: the seed stack's config and what
its first `up` must send, the chain program whose every value comes from stack config, and the
convergence check of an example."""

from __future__ import annotations

from dataddo_emulator.testing import RunningEmulator
from harness.engine import Project
from tests.e2e.api import Journal
from tests.seed import seed_create_source_body

ORGANIZATION = "org-7f3a"
ACCOUNT = "acct-91c2"
SECRETS = {
    "snapchatRefreshToken": "refresh-tok-e2e-3Vq7",
    "snapchatClientSecret": "client-secret-e2e-8Wm1",
}


# Every value a test changes comes from stack config, so the program never changes.
CHAIN = """
import pulumi
import pulumi_dataddo as dataddo

cfg = pulumi.Config()
auth = dataddo.Service(
    "auth",
    service=cfg.get("serviceType") or "snapchat_static",
    config={"staticKey": cfg.require_secret("refreshToken"), "clientId": "client-1",
            "clientSecret": cfg.require_secret("clientSecret")},
    label=cfg.get("serviceLabel") or "Snapchat",
    adopt_id=cfg.get("adoptService"),
)
source = dataddo.Source(
    "source",
    connector_id="snapchat",
    oauth_id=auth.id,
    label=cfg.get("sourceLabel") or "Insights",
    config={"organizationId": "org-1", "accountId": "acct-1",
            "breakdown": cfg.get("breakdown") or "campaign", "metrics": ["spend"],
            "labels": ["stats_id"], "action_report_time": "conversion",
            "swipe_up_attribution_window": "28_DAY", "view_attribution_window": "1_DAY",
            "dateRange": "{{30d1}}"},
    schedule=dataddo.Schedule(sync_frequency="day", hour=cfg.get("hour") or "3", minute="25",
                              timezone="UTC"),
    strategy="incremental",
    adopt_id=cfg.get("adoptSource"),
)
flow = dataddo.Flow(
    "flow",
    sources=[source.id],
    app=cfg.get("app") or "google_data_studio",
    label=cfg.get("flowLabel") or "Flow",
    adopt_id=cfg.get("adoptFlow"),
)
pulumi.export("service", auth.id)
pulumi.export("service_id", auth.service_id)
pulumi.export("source", source.id)
pulumi.export("flow", flow.id)
pulumi.export("api", flow.api_id)
"""


def converges_and_destroys(project: Project, emulator: RunningEmulator) -> None:
    journal = Journal(emulator)
    unchanged, _ = project.preview()
    assert set(unchanged.change_summary) == {"same"}
    assert journal.entries() == []
    project.destroy()


def assert_created_like_the_seed(
    emulator: RunningEmulator, journal: Journal, outputs: dict[str, object]
) -> None:
    """One call per object (and a listing of each kind before the process's first create of it,
    so that a create whose answer is lost never takes an object that existed before), in
    dependency order, with the seed's bodies; outputs fed inputs."""
    assert journal.served() == [
        "GET /services",
        "POST /services",
        "GET /sources",
        "POST /connectors/{id}/create-source",
        "GET /sources/{id}/extraction/schedule",
        "GET /flows",
        "POST /flows",
    ]
    objects = emulator.objects()
    service_id = objects["services"][0]["id"]
    (source,) = objects["sources"]
    (flow,) = objects["flows"]
    assert journal.bodies("POST /connectors/{id}/create-source") == [
        seed_create_source_body(service_id, ORGANIZATION, ACCOUNT, quoted=True)
    ]
    assert journal.bodies("POST /flows") == [
        {"sources": [source["id"]], "app": "google_data_studio", "label": "GDS Flow"}
    ]
    assert outputs["service_id"] == service_id
    assert outputs["source_id"] == source["id"]
    assert outputs["flow_id"] == flow["id"]
    assert outputs["flow_api_id"] == flow["api"]["id"]
