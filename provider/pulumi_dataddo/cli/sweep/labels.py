"""The acceptance suite's labels: every object it creates is labelled `<run prefix> ...`, the run
prefix being `pulumi-dataddo-acc-` and a run id: the run's UTC start time and a random tag
(`pulumi-dataddo-acc-20250610T101500Z-3f9a`). An object's age is so known from its label alone,
also for objects whose answers carry no time (flows)."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime

BASE = "pulumi-dataddo-acc-"
_STAMP = "%Y%m%dT%H%M%SZ"
_RUN_ID = re.compile(r"(\d{8}T\d{6}Z)-[0-9a-f]{4}")


def run_prefix(started: float) -> str:
    """The label prefix of a run started at `started` (Unix seconds), with a fresh random tag."""
    stamp = datetime.fromtimestamp(started, UTC).strftime(_STAMP)
    return f"{BASE}{stamp}-{secrets.token_hex(2)}"


def run_started(label: str | None) -> float | None:
    """When the run that labelled an object started (Unix seconds); None for a label that does
    not start with a run prefix."""
    if not label or not label.startswith(BASE):
        return None
    found = _RUN_ID.match(label, len(BASE))
    if found is None:
        return None
    try:
        started = datetime.strptime(found.group(1), _STAMP)
    except ValueError:  # e.g. month 13
        return None
    return started.replace(tzinfo=UTC).timestamp()
