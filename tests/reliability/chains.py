"""The stack every reliability scenario deploys: N independent Service -> Source -> Flow chains,
labelled `<prefix> service|source|flow <i>`, so that an object's label says which chain and
stack it belongs to and duplicates can be counted."""

from __future__ import annotations

from pathlib import Path

from dataddo_emulator.testing import RunningEmulator
from harness.engine import Project
from tests.reliability import providers

CHAINS = 20
KINDS = ("service", "source", "flow")
# Secret values the program handles; tests search every output for them (see audit.py).
STATIC_KEY = "static-key-rel-4Hq9Xw"
CLIENT_SECRET = "client-secret-rel-7Lp2Kd"
ROTATED_SECRET = "client-secret-rotated-3Jd8Ws"  # what a credential rotation sets

PROGRAM = """
import pulumi
import pulumi_dataddo as dataddo

cfg = pulumi.Config()
prefix = cfg.require("prefix")
flow_suffix = cfg.get("flowSuffix") or ""  # a label change, for update scenarios
for i in range(int(cfg.require("chains"))):
    auth = dataddo.Service(
        f"service-{i}",
        service="snapchat_static",
        config={"staticKey": cfg.require_secret("staticKey"), "clientId": f"client-{i}",
                "clientSecret": cfg.require_secret("clientSecret")},
        label=f"{prefix} service {i}",
    )
    source = dataddo.Source(
        f"source-{i}",
        connector_id="snapchat",
        oauth_id=auth.id,
        label=f"{prefix} source {i}",
        config={"organizationId": "org-1", "accountId": f"acct-{i}", "breakdown": "campaign",
                "metrics": ["spend"], "labels": ["stats_id"],
                "action_report_time": "conversion", "swipe_up_attribution_window": "28_DAY",
                "view_attribution_window": "1_DAY", "dateRange": "{{30d1}}"},
        schedule=dataddo.Schedule(sync_frequency="day", hour="3", minute="25", timezone="UTC"),
        strategy="incremental",
    )
    dataddo.Flow(f"flow-{i}", sources=[source.id], app="google_data_studio",
                 label=f"{prefix} flow {i}{flow_suffix}")
"""


def chains_project(
    root: Path,
    emulator: RunningEmulator,
    *,
    email: str,
    password: str,
    chains: int = CHAINS,
    prefix: str = "rel",
    log_file: Path | None = None,
    extra_config: dict[str, str] | None = None,
    provider: str = providers.DYNAMIC,
) -> Project:
    """A project of `chains` chains pointed at `emulator`, on `provider`; the provider logs to
    `log_file`."""
    env = {"PULUMI_DATADDO_LOG_FILE": str(log_file)} if log_file else {}
    project = providers.project(root, PROGRAM, provider, env=env, name=prefix)
    project.set_config(
        {
            "dataddo:baseUrl": emulator.url,
            "dataddo:email": email,
            "prefix": prefix,
            "chains": str(chains),
            **(extra_config or {}),
        }
    )
    project.set_config(
        {"dataddo:password": password, "staticKey": STATIC_KEY, "clientSecret": CLIENT_SECRET},
        secret=True,
    )
    return project


def expected_labels(prefix: str, chains: int = CHAINS) -> dict[str, set[str]]:
    """The label of every object the stack declares, by kind."""
    return {kind: {f"{prefix} {kind} {i}" for i in range(chains)} for kind in KINDS}
