"""A Source's creation parameters (`/metadata`): what an import shows of them, and how they prove
which request made a source, whether the API shows a credential, leaves it out or hides part."""

from __future__ import annotations

from typing import Any

from pulumi_dataddo import redaction
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.http.responses import SourceInfo
from pulumi_dataddo.logic import connector_form, payloads, source
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.settings import Settings

INPUTS = {
    "connector_id": "json",
    "label": "Orders",
    "oauth_id": "12",
    "config": {
        "table": "orders",
        "url": "https://user:pw-5551234@api.example.com/x",
        "headers": [{"Name": "Authorization", "Value": "Bearer tok-5551234"}],
        "options": ["--api-key", "ak-5551234"],
    },
}
NAMES = connector_form.names("json")
SENT = payloads.create_source(NAMES, INPUTS)


class MetadataApi(DataddoClient):
    """An API that shows `metadata` as a source's creation parameters."""

    def __init__(self, metadata: dict[str, Any]) -> None:
        super().__init__(Settings(base_url="http://127.0.0.1:9/v1", access_token="t"))
        self.metadata = metadata

    def get_source(self, source_id: str) -> SourceInfo:
        return SourceInfo(source_id, "Orders", "json", "index")

    def source_metadata(self, source_id: str) -> dict[str, Any]:
        return self.metadata

    def get_schedule(self, source_id: str) -> dict[str, str]:
        return {}


def test_an_import_masks_the_credentials_the_metadata_shows() -> None:
    imported = source.LOGIC.read_new(Account(MetadataApi(SENT)), "0123456789abcdef01234567")
    assert imported.inputs["config"] == {
        "table": "orders",
        "url": "https://user:***@api.example.com/x",
        "headers": [{"Name": "Authorization", "Value": "***"}],
        "options": ["--api-key", "***"],
    }
    assert imported.inputs["oauth_id"] == "12"
    # Shown once, they are known: no later message carries them.
    assert redaction.redact("pw-5551234 tok-5551234 ak-5551234") == "*** *** ***"


def test_fields_holding_a_credential_prove_nothing_either_way() -> None:
    """The API may leave a credential out or hide part of it: only the other fields compare."""
    hidden = {**SENT, "url": "https://user:***@api.example.com/x", "options": ["--api-key"]}
    del hidden["headers"]
    assert source.made_by(hidden, SENT, NAMES)
    assert source.made_by(SENT, SENT, NAMES)
    assert not source.made_by({**hidden, "table": "customers"}, SENT, NAMES)
