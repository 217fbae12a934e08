"""Values between the engine's PropertyValues and logic, and failures as one line."""

from __future__ import annotations

import pytest
from pulumi.provider.experimental.property_value import PropertyValue

from pulumi_dataddo import redaction
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.fields.service import SERVICE
from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.native.server import one_line
from pulumi_dataddo.native.values import plain, secret_keys, wire_map, wire_value


def test_plain_values_and_back() -> None:
    nested = PropertyValue({"a": PropertyValue([PropertyValue(1.0), PropertyValue.computed()])})
    assert plain(nested) == {"a": [1.0, UNKNOWN]}
    assert wire_value({"n": 3, "b": True, "l": [None]}) == PropertyValue(
        {
            "n": PropertyValue(3.0),
            "b": PropertyValue(True),
            "l": PropertyValue([PropertyValue(None)]),
        }
    )
    hidden = {"config": PropertyValue({"k": PropertyValue("v", is_secret=True)}), "x": nested}
    assert secret_keys(hidden) == {"config"}


def test_wire_map_leaves_none_out_and_marks_what_the_fields_keep_secret() -> None:
    wire = wire_map(
        SERVICE, {"service": "s", "config": {"k": "v"}, "service_id": 7, "label": None}, set()
    )
    assert set(wire) == {"service", "config", "serviceId"}
    assert wire["config"].is_secret
    assert wire["serviceId"] == PropertyValue(7.0)
    assert wire_map(SERVICE, {"label": "L"}, {"label"})["label"].is_secret


def _sdk_server_failure() -> None:
    """What the SDK's server raises for a failed call: the message and a stack, raised while
    handling the original error."""
    try:
        raise DataddoError("creating service: 400 bad pw-secret-99")
    except DataddoError as exc:
        raise RuntimeError(f"{exc}:\n  File 'x.py', line 1")  # noqa: B904 -- as the SDK does


def test_one_line_finds_the_dataddo_error_under_the_sdk_wrapper() -> None:
    redaction.remember("pw-secret-99")
    with pytest.raises(RuntimeError) as raised:
        _sdk_server_failure()
    assert one_line(raised.value) == "creating service: 400 bad ***"
    assert one_line(KeyError("k")) == "KeyError: 'k'"
