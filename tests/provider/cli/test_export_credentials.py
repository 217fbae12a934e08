"""What an exported program reads from stack config: a service type's form fields for its
credentials, config values holding a credential, and secret form fields the API hides."""

from __future__ import annotations

import json

from pulumi_dataddo.cli.export import credentials
from pulumi_dataddo.cli.export.credentials import Hidden
from pulumi_dataddo.logic import catalog
from tests.seed import SNAPCHAT_FIELDS


def test_a_service_types_form_and_its_example() -> None:
    form = catalog.service_form("snapchat_static")
    assert form == {
        "staticKey": "string",
        "clientId": "string",
        "clientSecret": "string",
        "redirectUri": "string",
    }
    assert catalog.service_form("no_such_type") is None
    mysql = json.loads(credentials.example(catalog.service_form("mysql") or {}))
    assert (mysql["host"], mysql["port"], mysql["useSSH"], mysql["sshConfig"]) == (
        "…",
        0,
        False,
        {},
    )


def test_values_holding_credentials_are_set_apart() -> None:
    config = {
        **SNAPCHAT_FIELDS,
        "apiKey": "k-123456",
        "url": "https://user:pw-123456@example.com/data",
        "headers": [{"name": "Authorization", "value": "Bearer abc123"}],
        "plain": "https://example.com/data",
        "emptyToken": "",
    }
    apart = credentials.apart(config)
    assert apart["apiKey"] == Hidden("apiKey", True, "it holds a credential")
    assert apart["url"] == Hidden("url", True, "it holds a credential")
    assert apart["headers"] == Hidden("headers", False, "it holds a credential")
    assert {k: apart[k] for k in (*SNAPCHAT_FIELDS, "plain", "emptyToken")} == {
        **SNAPCHAT_FIELDS,
        "plain": "https://example.com/data",
        "emptyToken": "",
    }


def test_secret_fields_the_api_hides() -> None:
    # amazon_ads_data_extractor's form requires `token`, which the metadata leaves out.
    required, optional = credentials.left_out("amazon_ads_data_extractor", {"flow": "x"})
    assert required == [Hidden("token", True, "the API hides it")]
    assert optional == []
    assert credentials.left_out("amazon_ads_data_extractor", {"token": "t"}) == ([], [])
    assert credentials.left_out("snapchat", SNAPCHAT_FIELDS) == ([], [])
    assert credentials.left_out("no_such_connector", {}) == ([], [])
