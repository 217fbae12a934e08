"""The acceptance suite's run labels and the sweeper's ages."""

from __future__ import annotations

import pytest

from pulumi_dataddo.cli.sweep import ages
from pulumi_dataddo.cli.sweep.labels import BASE, run_prefix, run_started

STARTED = 1_750_000_000.0  # 2025-06-15T15:06:40Z


def test_a_run_prefix_carries_its_start_time_and_a_random_tag() -> None:
    prefix = run_prefix(STARTED)
    assert prefix.startswith(f"{BASE}20250615T150640Z-")
    assert len(prefix) == len(BASE) + len("20250615T150640Z-3f9a")
    assert run_prefix(STARTED) != prefix
    assert run_started(prefix) == STARTED
    assert run_started(f"{prefix} create source v2") == STARTED


@pytest.mark.parametrize(
    "label",
    [
        None,
        "",
        "Production flow",
        f"copy of {BASE}20250615T150640Z-3f9a flow",
        f"{BASE}manual",
        f"{BASE}20251315T150640Z-3f9a flow",  # month 13
        f"{BASE}20250615T150640-3f9a flow",
        f"{BASE}20250615T150640Z-XYZW flow",
    ],
)
def test_labels_without_a_run_prefix_have_no_start_time(label: str | None) -> None:
    assert run_started(label) is None


@pytest.mark.parametrize(
    ("text", "seconds", "described"),
    [
        ("0", 0, "0s"),
        ("45", 45, "45s"),
        ("90s", 90, "1m 30s"),
        ("30m", 1800, "30m"),
        ("1h", 3600, "1h"),
        ("1h30m", 5400, "1h 30m"),
        (" 2D ", 172800, "2d"),
        ("1d2h3m4s", 93784, "1d 2h"),
    ],
)
def test_ages_are_read_and_written_in_units(text: str, seconds: float, described: str) -> None:
    assert ages.parse(text) == seconds
    assert ages.describe(seconds) == described


@pytest.mark.parametrize("text", ["", "h", "1.5h", "-1h", "1y", "1h 30m", "30mm"])
def test_other_ages_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="expected an age such as 0, 90s, 30m, 1h30m or 2d"):
        ages.parse(text)
