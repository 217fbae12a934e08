"""A label that shows nothing is refused by the provider's check and by the emulator alike."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dataddo_emulator import errors
from pulumi_dataddo.fields import values

# White space, invisible format characters (zero-width space and joiner, direction marks, BOM)
# and a few visible ones.
TEXT = st.text(
    alphabet=" \t\n\u00a0\u200b\u200d\u200e\u2060\ufeff\u034f\ufe0f\u3164\u2800a.٣é",
    max_size=6,
)


@settings(max_examples=1000, deadline=None)
@given(TEXT)
@example("\u200b")
@example(" \ufeff ")
@example("a\u200b")
def test_the_blank_rules_agree(text: str) -> None:
    assert values.is_blank(text) == errors.is_blank(text)


def test_invisible_text_is_blank_and_visible_text_is_not() -> None:
    assert values.is_blank("\u200b \u200e\ufeff")
    assert values.is_blank("\u3164\u2800\u115f\u1160")  # drawn blank
    assert values.is_blank("\u034f\ufe0f")  # marks with nothing to mark
    assert not values.is_blank("\u200bx")
    assert not values.is_blank("e\u0301")  # a letter with its accent
