"""Names in an exported program: readable, deterministic, unique, valid Python and Pulumi."""

from __future__ import annotations

import keyword

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pulumi_dataddo.cli.export.naming import LONGEST, Names, camel, slug


@pytest.mark.parametrize(
    ("label", "kind", "name"),
    [
        ("Snapchat Insights", "source", "snapchat_insights"),
        ("GDS Flow", "flow", "gds_flow"),
        ("SnapchatInsights v2", "source", "snapchat_insights_v2"),
        ("Přehled: účty (CZ)", "source", "prehled_ucty_cz"),
        ("  --  ", "service", "service"),
        (None, "flow", "flow"),
        ("日本語", "source", "source"),
        ("2024 report", "source", "source_2024_report"),
        ("class", "flow", "flow_class"),
        ("Pulumi", "service", "service_pulumi"),
        ("cfg", "service", "service_cfg"),
        ("x" * 60, "source", "x" * LONGEST),
    ],
)
def test_slug(label: str | None, kind: str, name: str) -> None:
    assert slug(label, kind) == name


def test_names_are_unique_within_and_across_kinds() -> None:
    names = Names()
    given_names = [
        names.resource("Snapchat", "service"),
        names.resource("Snapchat", "service"),
        names.resource("Snapchat", "source"),
        names.resource("Snapchat", "source"),
        names.resource("Snapchat 2", "service"),
    ]
    assert given_names == [
        "snapchat",
        "snapchat_2",
        "snapchat_source",
        "snapchat_source_2",
        "snapchat_2_2",
    ]


def test_config_keys_are_camel_case_and_unique() -> None:
    names = Names()
    assert names.config_key("snapchat_insights", "config") == "snapchatInsightsConfig"
    assert names.config_key("hand_source", "clientSecret") == "handSourceClientSecret"
    assert names.config_key("x_2", "config") == "x2Config"
    assert names.config_key("x2", "config") == "x2Config2"
    assert camel("a", "api-key") == "aApiKey"


@given(st.lists(st.tuples(st.text(), st.sampled_from(["service", "source", "flow"])), max_size=30))
def test_any_labels_give_distinct_identifiers(labels: list[tuple[str, str]]) -> None:
    names = Names()
    given_names = [names.resource(label, kind) for label, kind in labels]
    assert len(set(given_names)) == len(given_names)
    for name in given_names:
        assert name.isascii()
        assert name.isidentifier()
        assert not keyword.iskeyword(name)
