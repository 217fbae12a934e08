"""Redaction: one place masks every secret the process has seen."""

from __future__ import annotations

import pytest

from pulumi_dataddo import secrets


@pytest.mark.parametrize(
    ("key", "secret"),
    [
        ("staticKey", True),
        ("clientSecret", True),
        ("password", True),
        ("refresh_token", True),
        ("apiKey", True),
        ("privateKey", True),
        ("clientId", False),
        ("label", False),
        ("keyword", False),
    ],
)
def test_secret_keys(key: str, secret: bool) -> None:
    assert secrets.is_secret_key(key) is secret


def test_redact_masks_remembered_values_longest_first() -> None:
    secrets.remember("abcd-token", "abcd-token-extended", None, 7, "abc")
    text = "sent abcd-token-extended and abcd-token, kept abc"
    assert secrets.redact(text) == "sent *** and ***, kept abc"


def test_secret_fields_of_other_configs() -> None:
    config = {"password": "db-pass-123", "host": "db.example.com", 7: "x"}
    assert secrets.has_secret_fields(config)
    assert not secrets.has_secret_fields({"host": "h"})
    assert not secrets.has_secret_fields("password")
    secrets.remember_secret_fields(config)
    assert secrets.redact("db-pass-123 at db.example.com") == "*** at db.example.com"


def test_redact_extra_values_and_service_config() -> None:
    secrets.remember_config({"staticKey": "refresh-xyz", "port": 3306})
    assert secrets.redact("refresh-xyz and one-off-value", ["one-off-value"]) == "*** and ***"
