"""Python written as `ruff format` writes it: literals, and where long lines split."""

from __future__ import annotations

import ast
import subprocess
import sys
from keyword import iskeyword
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pulumi_dataddo.cli.export.pycode import Call, Code, flat, statement, string

RUFF = Path(sys.executable).with_name("ruff")


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("plain", '"plain"'),
        ('say "hi"', "'say \"hi\"'"),
        ('it\'s "x"', "'it\\'s \"x\"'"),
        ("a\\b\n\t", '"a\\\\b\\n\\t"'),
        ("\x00é\u2028😀", '"\\x00é\\u2028😀"'),
    ],
)
def test_string_literals(text: str, literal: str) -> None:
    assert string(text) == literal
    assert ast.literal_eval(literal) == text
    assert _formatted(f"x = {literal}\n") == f"x = {literal}\n"


def test_flat_values() -> None:
    value = {"a": [1, 2.5, True, None], "b": Code("auth.id"), "c": Call("f", ("x",), (("k", {}),))}
    assert flat(value) == '{"a": [1, 2.5, True, None], "b": auth.id, "c": f("x", k={})}'


def test_a_long_statement_splits_at_its_outermost_bracket_first() -> None:
    call = Call(
        "dataddo.Flow",
        ("gds_flow",),
        (("sources", [Code("snapchat_insights.id")]), ("app", "google_data_studio")),
    )
    assert statement("gds_flow", call) == (
        "gds_flow = dataddo.Flow(\n"
        '    "gds_flow", sources=[snapchat_insights.id], app="google_data_studio"\n'
        ")\n"
    )
    longer = Call(call.function, call.args, (*call.kwargs, ("label", "GDS Flow")))
    assert statement("gds_flow", longer) == (
        "gds_flow = dataddo.Flow(\n"
        '    "gds_flow",\n'
        "    sources=[snapchat_insights.id],\n"
        '    app="google_data_studio",\n'
        '    label="GDS Flow",\n'
        ")\n"
    )


def _formatted(source: str) -> str:
    done = subprocess.run(
        [str(RUFF), "format", "--isolated", "-"],
        input=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"{done.stderr}\n{source}"
    return done.stdout


# Letters, digits, punctuation, symbols and spaces of any script, and control characters.
TEXT = st.text(st.characters(categories=("L", "M", "N", "P", "S", "Zs", "Cc")))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(TEXT, inner, max_size=6),
    max_leaves=30,
)


KEYWORD = st.from_regex(r"[a-z_]{1,12}", fullmatch=True).filter(lambda k: not iskeyword(k))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(KEYWORD, JSON), max_size=8))
def test_ruff_format_leaves_any_statement_as_it_is(kwargs: list[tuple[str, Any]]) -> None:
    source = statement("thing", Call("dataddo.Source", ("thing",), tuple(kwargs)))
    assert _formatted(source) == source
