"""What an exported program declares: every object by a name from its label, with the
arguments import reads and `adopt_id`, references as resource outputs, secrets from stack
config, and what cannot be declared skipped with why."""

from __future__ import annotations

from pulumi_dataddo.cli.export.plan import Secret, Skipped, plan
from pulumi_dataddo.cli.export.pycode import Call, Code
from tests.provider.cli.exports import (
    HAND_SOURCE,
    SEED_SOURCE,
    WAREHOUSE,
    account,
    flow,
    service,
    source,
)


def test_every_object_is_declared_with_references_as_outputs() -> None:
    export = plan(account())
    assert [(r.kind, r.name, r.id) for r in export.resources] == [
        ("Service", "snapchat", "1000"),
        ("Service", "made_by_hand", "1001"),
        ("Source", "snapchat_insights", SEED_SOURCE),
        ("Source", "hand_source", HAND_SOURCE),
        ("Flow", "hand_flow", "6b1108d935966d9ca98a9563"),
        ("Flow", "gds_flow", "6b1108d9cdb4eff327677b44"),
        ("Flow", "to_the_warehouse", "6b1108da0e5f1c2b3a4d5e6f"),
    ]
    calls = {r.name: r.call for r in export.resources}
    assert calls["made_by_hand"] == Call(
        "dataddo.Service",
        ("made_by_hand",),
        (
            ("service", "snapchat_static"),
            ("config", Call("cfg.require_secret_object", ("madeByHandConfig",))),
            ("label", "Made by hand"),
            ("adopt_id", "1001"),
        ),
    )
    hand_source = dict(calls["hand_source"].kwargs)
    assert hand_source["oauth_id"] == Code("made_by_hand.id")
    assert "template_id" not in hand_source  # `index`, the default
    assert hand_source["schedule"] == Call(
        "dataddo.Schedule", kwargs=(("sync_frequency", "day"), ("timezone", "UTC"))
    )
    assert dict(calls["to_the_warehouse"].kwargs) == {
        "sources": [Code("snapchat_insights.id"), Code("hand_source.id")],
        "destination_id": WAREHOUSE,  # not declared: its id as is
        "write_mode": "upsert",
        "unique_columns": ["stats_id"],
        "label": "To the warehouse",
        "adopt_id": "6b1108da0e5f1c2b3a4d5e6f",
    }
    assert [s.key for s in export.secrets] == ["snapchatConfig", "madeByHandConfig"]
    assert export.notes == (
        f"`to_the_warehouse` uses destination {WAREHOUSE}, which is not declared here: its id "
        "is written as is.",
    )
    assert export.counts() == "2 services, 2 sources, 0 destinations, 3 flows"


def test_what_the_api_does_not_show_and_a_resource_requires_is_skipped() -> None:
    export = plan([service(7, "Untyped", None), source(label=None), flow("f" * 24, "Empty", [])])
    assert export.resources == ()
    assert export.secrets == ()
    assert export.skipped == (
        Skipped("Service", "7", "Untyped", "the API shows no service, which a Service requires"),
        Skipped("Source", HAND_SOURCE, None, "the API shows no label, which a Source requires"),
        Skipped("Flow", "f" * 24, "Empty", "the API shows no sources, which a Flow requires"),
    )
    assert plan(account()).skipped == (
        Skipped(
            "Destination",
            WAREHOUSE,
            "Warehouse",
            "the API shows no destination_type, which a Destination requires",
        ),
    )


def test_config_values_holding_credentials_and_hidden_form_fields_come_from_stack_config() -> None:
    config = {"apiKey": "k-123456", "headers": [{"name": "Authorization"}], "flow": "x"}
    found = source(config, connector_id="amazon_ads_data_extractor", oauth_id=None)
    export = plan([found])
    declared = dict(export.resources[0].call.kwargs)
    assert "oauth_id" not in declared
    assert declared["config"] == {
        "apiKey": Call("cfg.require_secret", ("handSourceApiKey",)),
        "headers": [{"name": "Authorization"}],  # no value: nothing secret
        "flow": "x",
        "token": Call("cfg.require_secret", ("handSourceToken",)),
    }
    assert export.secrets == (
        Secret(
            "handSourceApiKey", "config field `apiKey` of `hand_source`: it holds a credential", "…"
        ),
        Secret("handSourceToken", "config field `token` of `hand_source`: the API hides it", "…"),
    )
