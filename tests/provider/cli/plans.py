"""Plans shaped as `pulumi preview --json` writes them (checked against engine v3.274.1)."""

from __future__ import annotations

from typing import Any

DYNAMIC = "pulumi-python:dynamic/dataddo"
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # the engine's unknown value
FLOW_ID = "6b10fda5a64840b6776ca739"
SOURCE_ID = "6b10fda55c5f8a5ec75eabc1"
API_ID = "6b10fda5c68ce89acc05746b"


def urn(type_token: str, name: str) -> str:
    return f"urn:pulumi:test::e2e::{type_token}::{name}"


def state(
    type_token: str,
    name: str,
    inputs: dict[str, Any],
    outputs: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "urn": urn(type_token, name),
        "custom": True,
        "type": type_token,
        "inputs": {"__provider": "gASVOwAAAAAAAACM", **inputs},
        "outputs": outputs or {},
        **extra,
    }


def step(
    op: str,
    type_token: str,
    name: str,
    *,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    found: dict[str, Any] = {"op": op, "urn": urn(type_token, name), "detailedDiff": None}
    if old is not None:
        found["oldState"] = old
    if new is not None:
        found["newState"] = new
    return {**found, **extra}


def plan(*steps: dict[str, Any], **extra: Any) -> dict[str, Any]:
    root = step("same", "pulumi:pulumi:Stack", "e2e-test")
    return {"config": {"dataddo:password": "[secret]"}, "steps": [root, *steps], **extra}


FLOW_NOW = {"app": "google_data_studio", "label": "Flow", "sources": [SOURCE_ID]}


def flow_replace() -> dict[str, Any]:
    """The real step of a Flow whose `app` changes, its source being replaced as well."""
    token = f"{DYNAMIC}:Flow"
    return step(
        "replace",
        token,
        "flow",
        old=state(token, "flow", FLOW_NOW, {**FLOW_NOW, "api_id": API_ID}, id=FLOW_ID),
        new=state(token, "flow", {**FLOW_NOW, "app": "power_bi", "sources": [UNKNOWN]}),
        diffReasons=["app", "sources"],
        replaceReasons=["app"],
        detailedDiff={
            "app": {"kind": "update", "inputDiff": True},
            "sources[0]": {"kind": "update", "inputDiff": True},
        },
    )


def service_update(config_old: Any = "[secret]", config_new: Any = "[secret]") -> dict[str, Any]:
    """The real step of a Service whose label changes and whose credentials rotate."""
    token = f"{DYNAMIC}:Service"
    now = {"service": "snapchat_static", "label": "Snapchat"}
    return step(
        "update",
        token,
        "auth",
        old=state(
            token,
            "auth",
            {**now, "config": config_old},
            {**now, "config": config_old, "service_id": 1000},
            id="1000",
            additionalSecretOutputs=["config"],
        ),
        new=state(token, "auth", {**now, "label": "Snapchat v2", "config": config_new}),
        diffReasons=["config", "label"],
        detailedDiff={
            "config.staticKey": {"kind": "update", "inputDiff": True},
            "label": {"kind": "update", "inputDiff": True},
        },
    )
