"""What a review masks: plan secrets, named fields, credential-like keys, URL userinfo."""

from __future__ import annotations

import pytest

from pulumi_dataddo.cli.review.masking import (
    PLAN_SECRET,
    PLAN_UNKNOWN,
    Marker,
    is_credential_key,
    mask_fields,
    scrub,
)


@pytest.mark.parametrize(
    "key",
    ["password", "clientSecret", "apiKey", "staticKey", "access_token", "privateKeyId",
     "Authorization", "db_passwd", "credentials", "session_cookie"],
)  # fmt: skip
def test_credential_keys(key: str) -> None:
    assert is_credential_key(key)


@pytest.mark.parametrize("key", ["label", "oauth_id", "breakdown", "host", "clientId", "app"])
def test_other_keys(key: str) -> None:
    assert not is_credential_key(key)


def test_named_fields_are_masked_whole_whatever_the_plan_shows() -> None:
    config = {"clientId": "client-1", "staticKey": "rt-plain"}
    assert mask_fields({"config": config, "label": "x"}, ["config"]) == {
        "config": Marker.SECRET,
        "label": "x",
    }


def test_plan_secrets_and_unknowns_at_any_depth() -> None:
    values = {"a": PLAN_SECRET, "b": [PLAN_UNKNOWN, {"c": PLAN_SECRET}], "d": 3}
    assert mask_fields(values) == {
        "a": Marker.SECRET,
        "b": [Marker.UNKNOWN, {"c": Marker.SECRET}],
        "d": 3,
    }


def test_credential_keys_are_masked_at_any_depth_and_internal_fields_left_out() -> None:
    values = {
        "__provider": "gASV",
        "config": {"host": "db", "password": "pw-1234", "nested": {"apiKey": ["k"]}},
    }
    assert mask_fields(values) == {
        "config": {"host": "db", "password": Marker.SECRET, "nested": {"apiKey": Marker.SECRET}}
    }


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("mysql://admin:pw-1234@db.example.com/x", "mysql://[secret]@db.example.com/x"),
        ("see https://u:p@ss@h.io/p?x=a@b now", "see https://[secret]@h.io/p?x=a@b now"),
        ("https://h.io/p?mail=a@b.io", "https://h.io/p?mail=a@b.io"),
        ("no url here", "no url here"),
    ],
)
def test_url_userinfo_is_masked(text: str, shown: str) -> None:
    assert scrub(text) == shown
    assert mask_fields({"url": [text]}) == {"url": [shown]}
