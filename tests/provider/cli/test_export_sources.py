"""A source's creation parameters as `Source` arguments: the fields the Source's own arguments
set go to them (in either casing), what the provider adds itself goes, secrets are set apart."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo.cli.export.sources import InexpressibleError, SecretField, arguments
from pulumi_dataddo.fields.schedule import FIELDS as SCHEDULE_FIELDS
from tests.provider.cli.exports import SEED_SCHEDULE, hand_metadata, source
from tests.seed import SNAPCHAT_FIELDS


def test_the_seeds_source_gives_back_the_seed_programs_arguments(
    seed_create_source: dict[str, Any], seed_source_inputs: dict[str, Any]
) -> None:
    """The seed program's create body as metadata: gone are connectorId, templateId, oAuthId,
    label, strategy, the schedule fields, and the UI fields the provider adds with these very
    values (dateRangePreview, search, request, type)."""
    found = arguments(source(seed_create_source, label="Snapchat Insights", schedule=SEED_SCHEDULE))
    expected = seed_source_inputs
    assert (found.connector_id, found.label, found.strategy) == (
        expected["connector_id"],
        expected["label"],
        expected["strategy"],
    )
    assert found.oauth_id == expected["oauth_id"]
    assert found.template_id is None  # the default, `index`
    assert found.config == expected["config"]
    assert found.schedule == {**expected["schedule"], "month": "*"}  # the API shows every field
    assert list(found.schedule) == list(SCHEDULE_FIELDS)  # the create body's order


def test_ui_fields_with_other_values_than_the_providers_stay() -> None:
    metadata = {**hand_metadata(), "search": "spend", "type": "snapchat", "request": None}
    assert arguments(source(metadata)).config == {**SNAPCHAT_FIELDS, "search": "spend"}


@pytest.mark.parametrize(
    ("extra", "strategy"),
    [({"strategy": "clean"}, "clean"), ({"storageStrategy": "upsert"}, "upsert"), ({}, None)],
)
def test_a_camel_case_form_gives_the_strategy_by_either_name(
    extra: dict[str, str], strategy: str | None
) -> None:
    metadata = {k: v for k, v in hand_metadata().items() if k != "strategy"} | extra
    found = arguments(source(metadata))
    assert found.strategy == strategy
    assert found.config == SNAPCHAT_FIELDS


def test_a_snake_case_form_uses_its_own_names() -> None:
    metadata = {
        "connector_id": "mysql",
        "template_id": "custom",
        "o_auth_id": 1002,
        "label": "Orders",
        "statement": "SELECT 1",
        "storage_strategy": "upsert",
        "sync_frequency": "hour",  # not an argument of a snake_case form: sent as is
    }
    found = arguments(source(metadata, label="Orders", connector_id=None, template_id=None))
    assert (found.connector_id, found.oauth_id, found.template_id) == ("mysql", "1002", "custom")
    assert found.strategy == "upsert"
    assert found.config == {"statement": "SELECT 1", "sync_frequency": "hour"}


def test_values_holding_credentials_are_set_apart() -> None:
    metadata = {
        **hand_metadata(),
        "apiKey": "k-123456",
        "url": "https://user:pw-123456@example.com/data",
        "headers": [{"name": "Authorization", "value": "Bearer abc123"}],
        "plain": "https://example.com/data",
    }
    config = arguments(source(metadata)).config
    assert config["apiKey"] == SecretField("apiKey", True, "it holds a credential")
    assert config["url"] == SecretField("url", True, "it holds a credential")
    assert config["headers"] == SecretField("headers", False, "it holds a credential")
    assert config["plain"] == "https://example.com/data"


def test_secret_fields_the_api_hides_are_read_from_stack_config() -> None:
    # amazon_ads_data_extractor's form requires `token`, which the metadata leaves out.
    metadata: dict[str, Any] = {"connectorId": "amazon_ads_data_extractor", "flow": "x"}
    found = arguments(source(metadata, connector_id="amazon_ads_data_extractor"))
    assert found.config == {"flow": "x", "token": SecretField("token", True, "the API hides it")}
    assert found.unknown_secrets == ()


@pytest.mark.parametrize(
    ("connector_id", "label", "why"),
    [(None, "x", "names its connector"), ("snapchat", None, "has no label")],
)
def test_a_source_without_connector_or_label_cannot_be_declared(
    connector_id: str | None, label: str | None, why: str
) -> None:
    metadata: dict[str, Any] = {"oAuthId": "1"}
    with pytest.raises(InexpressibleError, match=why):
        arguments(source(metadata, connector_id=connector_id, label=label))
