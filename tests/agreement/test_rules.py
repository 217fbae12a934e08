"""Rules the provider and the emulator each need, and may not share code for (the product never
imports the emulator): proven to agree, so neither can drift."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dataddo_emulator import cron
from dataddo_emulator import redaction as emulator_redaction
from pulumi_dataddo import redaction
from pulumi_dataddo.fields import schedule

# Cron-like text: digits, the grammar's marks, and a few characters it must refuse.
CRON_TEXT = st.text(alphabet="0123456789*/-, \n+x٣", max_size=12)
KEY_WORDS = st.sampled_from(
    ["api", "Key", "secret", "Password", "pwd", "token", "Static", "auth", "Authorization", "id",
     "private", "cookie", "name", "label", "credentials", "signature", "pass", "phrase", "-", "_",
     "sig", "sas", "jwt", "pin", "or", "o", "Url", "type", "Version", "ID", "X", "7"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(sorted(schedule.RANGES)), CRON_TEXT)
@example("minute", "*/15")
@example("hour", "00")
@example("day_of_week", "7")
@example("minute", "5/15")
@example("hour", "1-5/2,7")
def test_the_cron_grammars_agree(field: str, value: str) -> None:
    assert schedule.RANGES == cron.RANGES
    assert schedule.valid_cron_field(field, value) == cron.valid_cron_field(field, value)


@settings(max_examples=2000, deadline=None)
@given(st.lists(KEY_WORDS, min_size=1, max_size=4).map("".join) | st.text(max_size=16))
@example("staticKeyValue")
@example("x-api-key")
@example("basic_auth")
@example("signature_version")
def test_the_secret_key_rules_agree(key: str) -> None:
    assert redaction.is_secret_key(key) == emulator_redaction.is_secret_key(key)
