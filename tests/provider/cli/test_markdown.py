"""The comment: summary, costs of replacements and deletes, tables, and no secret in it."""

from __future__ import annotations

from typing import Any

from pulumi_dataddo.cli.review.kinds import KINDS, RETAINED
from pulumi_dataddo.cli.review.markdown import render
from pulumi_dataddo.cli.review.plan import parse
from tests.provider.cli.plans import (
    API_ID,
    DYNAMIC,
    FLOW_ID,
    FLOW_NOW,
    flow_replace,
    plan,
    service_update,
    state,
    step,
)


def review(*steps: dict[str, Any], **extra: Any) -> str:
    return render(parse(plan(*steps, **extra)))


def flow_delete(**extra: Any) -> dict[str, Any]:
    token = f"{DYNAMIC}:Flow"
    old = state(token, "gone", FLOW_NOW, {**FLOW_NOW, "api_id": API_ID}, id=FLOW_ID, **extra)
    return step("delete", token, "gone", old=old)


def test_summary_and_order_most_consequential_first() -> None:
    text = review(
        service_update(),
        flow_replace(),
        flow_delete(),
        step("create", "acme:stack:Group", "group"),
    )
    assert text.startswith("## Pulumi preview: `e2e` / `test`\n\n")
    assert (
        "**Dataddo:** 1 to delete, 1 to replace, 1 to update · **other resources:** 1 to create"
        in text
    )
    assert "This plan **deletes 1** and **replaces 1** Dataddo resources" in text
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings == [
        "### `-` delete Flow `gone`",
        "### `+-` replace Flow `flow`",
        "### `~` update Service `auth`",
        "### Other resources",
    ]
    assert "- `+` create `acme:stack:Group` `group`" in text


def test_a_replacement_says_what_forces_it_and_what_it_costs() -> None:
    text = review(flow_replace())
    assert "**Replacement forced by:** `app`" in text
    assert "> " + KINDS["Flow"].costs["replace"] in text
    assert (
        f"> Now: id `{FLOW_ID}`, label `Flow`, app `google_data_studio`, api_id `{API_ID}`" in text
    )
    assert "| `app` **(forces replacement)** | `google_data_studio` | `power_bi` |" in text
    assert "| `sources[0]` | `6b10fda55c5f8a5ec75eabc1` | _(known after apply)_ |" in text


def test_a_retained_delete_costs_nothing_but_says_so() -> None:
    text = review(flow_delete(retainOnDelete=True))
    assert RETAINED["delete"] in text
    assert KINDS["Flow"].costs["delete"] not in text
    assert review(flow_delete()).count(KINDS["Flow"].costs["delete"]) == 1


def test_no_secret_value_appears() -> None:
    plain = {"staticKey": "rt-plain-4242", "clientId": "client-4242"}
    token = f"{DYNAMIC}:Source"
    config = {"password": "pw-4242", "url": "mysql://admin:pw-4343@db/x", "host": "db"}
    source = step("create", token, "db", new=state(token, "db", {"config": config}))
    text = review(service_update(plain, {**plain, "staticKey": "rt-new-4242"}), source)
    assert "4242" not in text
    assert "pw-4343" not in text
    assert "| `config.url` | `mysql://[secret]@db/x` |" in text
    assert "| `config.host` | `db` |" in text
    assert "| `config.staticKey` | _[secret]_ | _[secret]_ |" in text


def test_values_are_shown_exactly_and_kept_short() -> None:
    token = "dataddo:index:Flow"
    inputs = {
        "empty": "",
        "padded": " x ",
        "number": 3,
        "pipe": "a|b",
        "tick": "a`b",
        "long": "y" * 200,
        "list": ["a", None],
    }
    text = review(step("create", token, "odd`name", new=state(token, "n", inputs)))
    assert "### `+` create Flow ``odd`name``" in text
    assert '| `empty` | `""` |' in text
    assert '| `padded` | `" x "` |' in text
    assert "| `number` | `3` |" in text
    assert r"| `pipe` | `a\|b` |" in text
    assert "| `tick` | ``a`b`` |" in text
    assert f"| `long` | `{'y' * 119}…` |" in text
    assert '| `list` | `["a", null]` |' in text


def test_an_unknown_dataddo_kind_is_shown_without_costs() -> None:
    token = f"{DYNAMIC}:Warehouse"
    old = state(token, "w", {"label": "W"}, id="9")
    text = review(step("delete", token, "w", old=old))
    assert "### `-` delete Warehouse `w`" in text
    assert "> Now: id `9`, label `W`" in text


def test_a_failed_preview_is_flagged_and_no_changes_said_plainly() -> None:
    diagnostics = [{"message": "error: boom\n", "severity": "error"}]
    text = review(diagnostics=diagnostics)
    assert "**Dataddo:** no changes" in text
    assert "> **The preview failed: this plan is incomplete.**\n> - boom" in text
    assert "[!CAUTION]" not in review()
