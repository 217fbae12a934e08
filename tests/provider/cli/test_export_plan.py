"""What an exported program declares: every object by a name from its label, with its settings
and `adopt_id`, references as resource outputs, secrets from stack config, the rest skipped."""

from __future__ import annotations

from pulumi_dataddo.cli.export.plan import Secret, Skipped, plan
from pulumi_dataddo.cli.export.pycode import Call, Code
from pulumi_dataddo.cli.export.reader import Snapshot
from pulumi_dataddo.http.responses import FlowInfo, ServiceInfo
from tests.provider.cli.exports import HAND_SOURCE, SEED_SOURCE, account, hand_metadata, source


def test_every_object_is_declared_in_id_order_with_references_as_outputs() -> None:
    export = plan(account())
    assert [(r.kind, r.name, r.id) for r in export.resources] == [
        ("Service", "snapchat", "1000"),
        ("Service", "made_by_hand", "1001"),
        ("Source", "snapchat_insights", SEED_SOURCE),
        ("Source", "hand_source", HAND_SOURCE),
        ("Flow", "hand_flow", "6b1108d935966d9ca98a9563"),
        ("Flow", "gds_flow", "6b1108d9cdb4eff327677b44"),
    ]
    calls = {r.name: dict(r.call.kwargs) for r in export.resources}
    assert calls["made_by_hand"] == {
        "service": "snapchat_static",
        "label": "Made by hand",
        "config": Call("cfg.require_secret_object", ("madeByHandConfig",)),
        "adopt_id": 1001,
    }
    assert calls["hand_source"]["oauth_id"] == Code("made_by_hand.id")
    assert calls["hand_source"]["schedule"] == Call(
        "dataddo.Schedule", kwargs=(("sync_frequency", "day"), ("timezone", "UTC"))
    )
    assert calls["gds_flow"]["sources"] == [Code("snapchat_insights.id")]
    assert [s.key for s in export.secrets] == ["snapchatConfig", "madeByHandConfig"]
    assert export.counts() == "2 services, 2 sources, 2 flows"


def test_what_a_program_cannot_declare_is_skipped_with_why() -> None:
    unlabelled = {k: v for k, v in hand_metadata(oauth_id="7").items() if k != "label"}
    snapshot = Snapshot(
        services=(ServiceInfo(7, None, "Untyped"),),
        sources=(source(unlabelled, label=None),),
        flows=(FlowInfo("f" * 24, "Empty", []),),
    )
    export = plan(snapshot)
    assert export.resources == ()
    assert export.skipped == (
        Skipped("Service", "7", "Untyped", "GET /services does not show its type"),
        Skipped("Source", HAND_SOURCE, None, "it has no label, which a Source requires"),
        Skipped("Flow", "f" * 24, "Empty", "it reads no source; a Flow needs one at least"),
    )
    assert "writes to destination" in plan(account()).skipped[0].why


def test_an_object_not_declared_is_referred_to_by_its_id() -> None:
    snapshot = Snapshot((), (source(hand_metadata(oauth_id="1234")),), ())
    export = plan(snapshot)
    assert dict(export.resources[0].call.kwargs)["oauth_id"] == "1234"
    assert export.notes == (
        "`hand_source` uses service 1234, which is not declared here: its id is written as is.",
    )


def test_a_config_value_holding_a_credential_comes_from_stack_config() -> None:
    metadata = {**hand_metadata(), "apiKey": "k-123456", "headers": [{"name": "Authorization"}]}
    export = plan(Snapshot((), (source(metadata),), ()))
    config = dict(export.resources[0].call.kwargs)["config"]
    assert config["apiKey"] == Call("cfg.require_secret", ("handSourceApiKey",))
    assert config["headers"] == [{"name": "Authorization"}]  # no value: nothing secret
    assert export.secrets == (
        Secret(
            "handSourceApiKey",
            "config field `apiKey` of `hand_source`: it holds a credential",
            "…",
        ),
    )
