"""The stacks the scenarios deploy. A chain is a program whose every value comes from stack
config, and what it declares (`declare`: the config, from the scenario's label prefix and the
connector fields). A new chain (e.g. a destination's) is one more `Chain` and its variables."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from tests.acceptance.variables import POSTGRES, SNAPCHAT, Variable
from tests.seed import SNAPCHAT_FIELDS

Inputs = Mapping[str, str]  # stack config key -> value, from the chain's variables


@dataclass(frozen=True)
class Chain:
    """A program, the variables it needs, and its stack config (`secret`: the secret keys)."""

    name: str
    program: str
    variables: tuple[Variable, ...]
    declare: Callable[[str, Inputs], dict[str, Any]]
    secret: frozenset[str] = frozenset()


KINDS = ("service", "source", "flow")

SNAPCHAT_PROGRAM = """
import pulumi
import pulumi_dataddo as dataddo

cfg = pulumi.Config()
labels = cfg.require_object("labels")
adopt = cfg.get_object("adopt") or {}
service = dataddo.Service(
    "service",
    service="snapchat_static",
    config=cfg.require_secret_object("credentials"),
    label=labels["service"],
    adopt_id=adopt.get("service"),
)
source = dataddo.Source(
    "source",
    connector_id="snapchat",
    oauth_id=service.id,
    label=labels["source"],
    config=cfg.require_object("fields"),
    schedule=cfg.require_object("schedule"),
    strategy="incremental",
    adopt_id=adopt.get("source"),
)
flow = dataddo.Flow(
    "flow",
    sources=[source.id],
    app=cfg.require("app"),
    label=labels["flow"],
    adopt_id=adopt.get("flow"),
)
pulumi.export("api_id", flow.api_id)
"""


def snapchat_credentials(inputs: Inputs) -> dict[str, str]:
    """The service's config (the `snapchat_static` type's credentials)."""
    return {
        "staticKey": inputs["snapchatRefreshToken"],
        "clientId": inputs["snapchatClientId"],
        "clientSecret": inputs["snapchatClientSecret"],
    }


def snapchat_fields(inputs: Inputs) -> dict[str, Any]:
    """The source's connector fields: the suites' Snapchat configuration, with the account's
    organization and ad account."""
    return {
        **SNAPCHAT_FIELDS,
        "organizationId": inputs["snapchatOrganizationId"],
        "accountId": inputs["snapchatAccountId"],
    }


def labels(prefix: str, suffix: str = "") -> dict[str, str]:
    """Each kind's label: the prefix, the kind, and `suffix`."""
    return {kind: f"{prefix}{kind}{suffix}" for kind in KINDS}


def _snapchat(prefix: str, inputs: Inputs) -> dict[str, Any]:
    return {
        "labels": labels(prefix),
        "credentials": snapchat_credentials(inputs),
        "fields": snapchat_fields(inputs),
        "schedule": {"sync_frequency": "day", "hour": "3", "minute": "25", "timezone": "UTC"},
        "app": "google_data_studio",
    }


# The docs' end-to-end example (the seed): a Snapchat service, a source and a flow.
SEED = Chain("seed", SNAPCHAT_PROGRAM, SNAPCHAT, _snapchat, frozenset({"credentials"}))

WAREHOUSE_PROGRAM = """
import pulumi
import pulumi_dataddo as dataddo

cfg = pulumi.Config()
labels = cfg.require_object("labels")
service = dataddo.Service("service", service="snapchat_static", label=labels["service"],
                          config=cfg.require_secret_object("credentials"))
source = dataddo.Source("source", connector_id="snapchat", oauth_id=service.id,
                        label=labels["source"], config=cfg.require_object("fields"),
                        strategy="incremental")
login = dataddo.Service("login", service="pgsql", label=labels["login"],
                        config={"password": cfg.require_secret("dbPassword"), "useSSH": False})
destination = dataddo.Destination("destination", destination_type="pgsql", oauth_id=login.id,
                                  label=labels["destination"])
dataddo.Flow("flow", sources=[source.id], destination_id=destination.id, label=labels["flow"],
             write_mode=cfg.require("writeMode"), unique_columns=["stats_id"])
"""
WAREHOUSE_KINDS = {"service": "service", "source": "source", "login": "service",
                   "destination": "destination", "flow": "flow"}  # fmt: skip


def warehouse_labels(prefix: str, suffix: str = "") -> dict[str, str]:
    """Each resource's label: the prefix, its name, and `suffix`."""
    return {name: f"{prefix}{name}{suffix}" for name in WAREHOUSE_KINDS}


def _warehouse(prefix: str, inputs: Inputs) -> dict[str, Any]:
    return {
        "labels": warehouse_labels(prefix),
        "credentials": snapchat_credentials(inputs),
        "fields": snapchat_fields(inputs),
        "dbPassword": inputs["dbPassword"],
        "writeMode": "upsert",
    }


# The seed's source written into a PostgreSQL destination, whose login is a pgsql service.
WAREHOUSE = Chain(
    "warehouse",
    WAREHOUSE_PROGRAM,
    (*SNAPCHAT, *POSTGRES),
    _warehouse,
    frozenset({"credentials", "dbPassword"}),
)

# Every chain, for the runner's list of variables.
CHAINS = (SEED, WAREHOUSE)
