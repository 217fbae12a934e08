"""Plain values: unknowns anywhere, whole numbers, id text, and safe renderings."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.fields.values import (
    UNKNOWN,
    integer_text,
    is_unknown,
    kind,
    show,
    whole_numbers,
)


def test_unknowns_are_found_anywhere() -> None:
    assert is_unknown({"a": [1, {"b": UNKNOWN}]})
    assert not is_unknown({"a": [1, {"b": "known"}]})


def test_whole_numbers() -> None:
    assert whole_numbers({"a": [1.0, 1.5, "2"]}) == {"a": [1, 1.5, "2"]}
    assert isinstance(whole_numbers(3.0), int)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3, "3"),
        (3.0, "3"),
        ("03", "3"),
        (" 7 ", "7"),
        (True, None),
        (3.5, None),
        ("²", None),
        ("-1", None),
        ("", None),
        (float("inf"), None),
        (None, None),
    ],
)
def test_integer_text(value: Any, text: str | None) -> None:
    assert integer_text(value) == text


def test_show_and_kind_never_fail() -> None:
    assert show({(1, 2): 3}) == "{(1, 2): 3}"
    assert show("x" * 100).endswith("...")
    circular: list[Any] = []
    circular.append(circular)
    assert show(circular) == "[[...]]"
    assert [kind(v) for v in (True, "s", {}, [], 1.5, None, object())] == [
        "a boolean",
        "a string",
        "an object",
        "a list",
        "a number",
        "null",
        "object",
    ]
