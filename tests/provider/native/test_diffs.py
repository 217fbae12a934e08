"""The engine's diff answer from a logic plan: every change detailed, replacing ones as
replacements, values that appear or disappear as additions and deletions."""

from __future__ import annotations

from typing import Any

from pulumi.provider.experimental.provider import PropertyDiffKind

from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.logic import flow, service, source
from pulumi_dataddo.native import diffs

SOURCE_OUTS: dict[str, Any] = {
    "connector_id": "snapchat",
    "label": "Insights",
    "oauth_id": "1000",
    "template_id": "index",
    "config": {"breakdown": "campaign"},
    "schedule": {"hour": "3"},
    "strategy": "incremental",
}


def kinds(olds: dict[str, Any], news: dict[str, Any], logic: Any = source.LOGIC) -> Any:
    answer = diffs.response(logic.spec, logic.diff(olds, news), olds, news)
    return answer, {name: d.kind for name, d in answer.detailed_diff.items()}


def test_in_place_and_replacing_changes_per_field() -> None:
    news = {**SOURCE_OUTS, "label": "v2", "config": {"breakdown": "ad"}}
    answer, detail = kinds(SOURCE_OUTS, news)
    assert detail == {"label": PropertyDiffKind.UPDATE, "config": PropertyDiffKind.UPDATE_REPLACE}
    assert (answer.changes, answer.replaces, answer.diffs) == (
        True,
        ["config"],
        ["label", "config"],
    )
    assert all(d.input_diff for d in answer.detailed_diff.values())


def test_values_that_appear_or_disappear() -> None:
    added = {**SOURCE_OUTS, "oauth_id": None}
    _, detail = kinds(added, SOURCE_OUTS)
    assert detail == {"oauthId": PropertyDiffKind.ADD_REPLACE}
    _, detail = kinds(SOURCE_OUTS, {**SOURCE_OUTS, "strategy": None})
    assert detail == {"strategy": PropertyDiffKind.DELETE_REPLACE}
    # A Service imported without its config: declaring it adds it in place.
    imported = {"service": "snapchat_static", "label": "S", "service_id": 1000}
    answer, detail = kinds(imported, {**imported, "config": {"k": "v"}}, service.LOGIC)
    assert detail == {"config": PropertyDiffKind.ADD}
    assert answer.stables == ["serviceId"]


def test_an_unknown_new_value_is_an_update_and_no_change_is_none() -> None:
    outs = {"sources": ["a" * 24], "app": "power_bi", "label": "F", "api_id": "b" * 24}
    answer, detail = kinds(outs, {**outs, "sources": [UNKNOWN]}, flow.LOGIC)
    assert detail == {"sources": PropertyDiffKind.UPDATE}
    assert answer.stables == ["apiId"]
    answer, detail = kinds(outs, outs, flow.LOGIC)
    assert (answer.changes, detail, answer.replaces) == (False, {}, [])
