"""The journal's redaction: which keys and which parts of strings it hides."""

from __future__ import annotations

import pytest

from dataddo_emulator.redaction import is_secret_key


@pytest.mark.parametrize(
    ("key", "secret"),
    [
        ("sig", True),
        ("basic_auth", True),
        ("X-Auth", True),
        ("jwt", True),
        ("pin", True),
        ("author", False),
        ("oAuthId", False),
        ("signature_version", False),
        ("tokenUrl", False),
        ("auth_type", False),
    ],
)
def test_short_and_descriptive_key_names(key: str, secret: bool) -> None:
    assert is_secret_key(key) is secret
