"""The schema comes from the field specs, and the committed plugin directory is current:
regenerate both with `python -m pulumi_dataddo.native.plugin plugin --virtualenv ../.venv`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pulumi_dataddo import settings
from pulumi_dataddo.fields.source import SOURCE
from pulumi_dataddo.logic.registry import logics
from pulumi_dataddo.native import plugin, schema

REPO = Path(__file__).resolve().parents[3]
PLUGIN = REPO / "plugin"
REGENERATE = "python -m pulumi_dataddo.native.plugin plugin --virtualenv ../.venv"


@pytest.fixture(scope="module")
def generated() -> dict[str, Any]:
    return schema.generate()


def test_the_committed_plugin_directory_is_current() -> None:
    for name, text in plugin.files("../.venv").items():
        assert (PLUGIN / name).read_text("utf-8") == text, f"plugin/{name} is stale: {REGENERATE}"


def test_every_resource_kind_is_a_resource(generated: dict[str, Any]) -> None:
    tokens = {f"dataddo:index:{kind.spec.name}" for kind in logics()}
    assert set(generated["resources"]) == tokens
    assert {"dataddo:index:Service", "dataddo:index:Source", "dataddo:index:Flow"} <= tokens


def test_properties_follow_the_fields(generated: dict[str, Any]) -> None:
    service = generated["resources"]["dataddo:index:Service"]
    assert service["inputProperties"]["config"]["secret"] is True
    assert service["requiredInputs"] == ["service", "config"]
    assert "secret" not in service["properties"]["label"]
    # An import reads no config back: it is no output every state has.
    assert "config" not in service["required"]
    assert service["properties"]["serviceId"]["type"] == "integer"
    assert "serviceId" not in service["inputProperties"]

    source = generated["resources"]["dataddo:index:Source"]
    assert source["requiredInputs"] == ["connectorId", "label"]
    assert source["inputProperties"]["templateId"]["default"] == "index"
    assert source["inputProperties"]["schedule"] == {
        "$ref": "#/types/dataddo:index:Schedule",
        "description": source["inputProperties"]["schedule"]["description"],
    }
    replacing = {
        name for name, p in source["inputProperties"].items() if p.get("willReplaceOnChanges")
    }
    assert replacing == {f.camel for f in SOURCE.inputs if f.replaces}
    assert {"connectorId", "oauthId", "templateId", "config", "strategy"} <= replacing
    assert all(p["description"] for p in source["properties"].values())


def test_object_types_and_functions(generated: dict[str, Any]) -> None:
    schedule = generated["types"]["dataddo:index:Schedule"]
    assert set(schedule["properties"]) == {
        "syncFrequency",
        "timezone",
        "minute",
        "hour",
        "dayOfMonth",
        "month",
        "dayOfWeek",
    }
    functions = generated["functions"]
    assert {"getConnectors", "getOrganizations", "getAccounts"} <= {
        token.rsplit(":", 1)[1] for token in functions
    }
    accounts = functions["dataddo:index:getAccounts"]
    assert accounts["inputs"]["required"] == ["oauthId", "organizationId"]
    assert accounts["inputs"]["properties"]["connectorId"]["default"] == "snapchat"
    assert accounts["outputs"]["properties"]["items"]["items"] == {
        "$ref": "#/types/dataddo:index:LabelValue"
    }


def test_configuration_is_every_setting_with_its_environment_variable(
    generated: dict[str, Any],
) -> None:
    variables = generated["config"]["variables"]
    assert list(variables) == [
        "baseUrl",
        "email",
        "password",
        "accessToken",
        "timeout",
        "parallelism",
    ]
    assert len(variables) == len(settings.SOURCES)
    assert {name for name, v in variables.items() if v.get("secret")} == {
        "password",
        "accessToken",
    }
    for (_, _, variable), value in zip(settings.SOURCES, variables.values(), strict=True):
        assert variable in value["description"]
    assert generated["provider"]["inputProperties"] == variables
    # Programs that `pulumi import` generates import the thin SDK: `pulumi_dataddo.native`.
    assert generated["language"]["python"]["packageName"] == "pulumi_dataddo.native"
    json.dumps(generated)  # plain JSON all through
