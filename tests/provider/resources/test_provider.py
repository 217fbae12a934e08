"""The Pulumi adapter: engine values in, dynamic results out, errors redacted, tiny pickles."""

from __future__ import annotations

from typing import Any

import dill  # type: ignore[import-untyped]
import pulumi.dynamic as dyn
import pytest
from pulumi.output import Unknown
from pulumi.runtime import rpc

from pulumi_dataddo import redaction, settings
from pulumi_dataddo.dynamic.flow import FlowProvider
from pulumi_dataddo.dynamic.provider import plain
from pulumi_dataddo.dynamic.service import ServiceProvider
from pulumi_dataddo.dynamic.source import SourceProvider
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.operations import reported

PROVIDER = {"__provider": "serialized"}


def unknown() -> Any:
    """A value the engine does not know yet, as the SDK hands it to providers in previews."""
    return Unknown()  # type: ignore[no-untyped-call]


def test_plain_maps_unknowns_and_secrets_and_drops_internal_keys() -> None:
    value = {
        "__provider": "x",
        "a": unknown(),
        "b": [unknown(), 1.0],
        "c": rpc.wrap_rpc_secret({"k": "v"}),
    }
    assert plain(value) == {"a": UNKNOWN, "b": [UNKNOWN, 1.0], "c": {"k": "v"}}


def test_check_reports_failures_with_their_property(seed_source_inputs: dict[str, Any]) -> None:
    news = {**PROVIDER, **seed_source_inputs, "schedule": {"hour": "25"}, "oauth_id": unknown()}
    result = SourceProvider().check({}, news)
    assert [(f.property, f.reason) for f in result.failures] == [
        (
            "",
            "schedule.hour: must be a cron identifier of 0-23 as a string (`*`, `*/15`, `1-5`, "
            '`1,3`), got "25"',
        )
    ]
    assert result.inputs["oauth_id"] == UNKNOWN  # serializes as the engine's unknown


def test_check_answers_even_for_absurd_inputs() -> None:
    result = FlowProvider().check({}, {**PROVIDER, "sources": {"not": "a list"}, "app": object()})
    assert {f.reason.split(":")[0] for f in result.failures} == {"sources", "app"}


def test_diff_returns_changes_and_replaces(seed_flow_inputs: dict[str, Any]) -> None:
    olds = {**PROVIDER, **seed_flow_inputs, "api_id": "x"}
    same = FlowProvider().diff("f", olds, {**PROVIDER, **seed_flow_inputs})
    assert (same.changes, same.replaces) == (False, [])
    news = {**PROVIDER, **seed_flow_inputs, "app": unknown(), "label": "New"}
    result = FlowProvider().diff("f", olds, news)
    # Changes found: "unknown" so that the engine lists the changed inputs; replaces are ours.
    assert (result.changes, result.replaces, result.delete_before_replace) == (None, ["app"], False)


def test_providers_pickle_by_reference_without_state() -> None:
    for provider in (ServiceProvider(), SourceProvider(), FlowProvider()):
        blob = dill.dumps(provider, recurse=True)
        assert len(blob) < 120
        assert b"pulumi_dataddo.dynamic." in blob
        assert vars(provider) == {}
        assert provider.serialize_as_secret_always is False


def test_configure_keeps_settings_off_the_instance(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATADDO_ACCESS_TOKEN", raising=False)
    provider = ServiceProvider()
    config = dyn.Config(
        {"dataddo:accessToken": "configured-token", "dataddo:baseUrl": "http://127.0.0.1:1/v1"},
        "project",
    )
    provider.configure(dyn.ConfigureRequest(config))
    try:
        assert vars(provider) == {}
        assert settings.current().access_token == "configured-token"
        assert b"configured-token" not in dill.dumps(provider, recurse=True)
    finally:
        settings.configure_stack(lambda _: None)


def test_errors_leave_redacted_without_a_chain() -> None:
    redaction.remember("leaky-secret-value")
    with pytest.raises(DataddoError) as raised, reported("service", "creating", "1000"):
        raise KeyError("leaky-secret-value")
    assert str(raised.value) == "creating service 1000: KeyError: '***'"
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__ or raised.value.__context__ is None


def test_missing_credentials_fail_create_clearly(
    monkeypatch: pytest.MonkeyPatch, seed_flow_inputs: dict[str, Any]
) -> None:
    for variable in ("DATADDO_EMAIL", "DATADDO_PASSWORD", "DATADDO_ACCESS_TOKEN"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("DATADDO_BASE_URL", "http://127.0.0.1:9/customer-api/v1")
    with pytest.raises(DataddoError, match="creating flow: no Dataddo credentials"):
        FlowProvider().create({**PROVIDER, **seed_flow_inputs})
