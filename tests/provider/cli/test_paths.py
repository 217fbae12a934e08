"""Property paths of `detailedDiff`: parsed, looked up, and written for nested values."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.cli.review import paths
from pulumi_dataddo.cli.review.masking import Marker


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("label", ("label",)),
        ("schedule.hour", ("schedule", "hour")),
        ("sources[0]", ("sources", 0)),
        ('config["a.b"].c', ("config", "a.b", "c")),
        ('config["say \\"hi\\""]', ("config", 'say "hi"')),
        ("broken[", ("broken[",)),
    ],
)
def test_parse(path: str, parts: tuple[str | int, ...]) -> None:
    assert paths.parse(path) == parts


VALUES: dict[str, Any] = {"sources": ["a"], "config": Marker.SECRET, "schedule": {"hour": "3"}}


@pytest.mark.parametrize(
    ("path", "found"),
    [
        (("schedule", "hour"), "3"),
        (("sources", 0), "a"),
        (("sources", 1), Marker.ABSENT),
        (("schedule", "minute"), Marker.ABSENT),
        (("schedule", 0), Marker.ABSENT),
        (("config", "staticKey"), Marker.SECRET),  # below a secret: the secret
    ],
)
def test_lookup(path: tuple[str | int, ...], found: Any) -> None:
    assert paths.lookup(VALUES, path) == found


def test_covers() -> None:
    assert paths.covers("config", "config")
    assert paths.covers("config", "config.breakdown")
    assert paths.covers("sources", "sources[0]")
    assert not paths.covers("config", "configs")


def test_leaves_are_written_back_as_paths() -> None:
    values = {"label": "x", "config": {"a.b": 1, "c": {"d": [2]}}, "empty": {}, "o.k": 0}
    assert list(paths.leaves(values)) == [
        ('config["a.b"]', 1),
        ("config.c.d", [2]),
        ("empty", {}),
        ("label", "x"),
        ('["o.k"]', 0),
    ]
    assert [paths.parse(p) for p, _ in paths.leaves(values)][:2] == [
        ("config", "a.b"),
        ("config", "c", "d"),
    ]
