"""The benchmark's pure parts: the ideal-time model, call counting, state sizes."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks import ideal, journal, state

PREFIX = journal.PREFIX


def test_makespan_meets_the_lower_bound_for_identical_chains() -> None:
    # 10 chains of 1 + 2 + 1 calls on 4 workers: 40 calls, no worker ever idle.
    assert ideal.makespan([[1, 2, 1]] * 10) == 10
    assert ideal.makespan([[1, 1, 1]]) == 3  # one chain: its own length
    assert ideal.makespan([[1]] * 9) == 3  # independent: ceil(9 / 4)
    assert ideal.makespan([]) == 0


def test_ideal_seconds_follows_the_dependencies_of_each_operation() -> None:
    calls = {"Service": 1, "Source": 1, "Flow": 1}
    # One chain, 50 ms: up and destroy walk it in order, refresh reads all three at once.
    assert ideal.ideal_seconds("up", calls, 1, 1, 50) == pytest.approx(0.2)
    assert ideal.ideal_seconds("destroy", calls, 1, 1, 50) == pytest.approx(0.2)
    assert ideal.ideal_seconds("refresh", calls, 1, 1, 50) == pytest.approx(0.1)
    assert ideal.ideal_seconds("preview-unchanged", {}, 0, 1, 50) == 0


def test_workers_and_the_critical_path() -> None:
    calls = {"Service": 100, "Source": 200, "Flow": 100}
    # 100 chains at 250 ms, one login first: 4 dynamic workers take 400 / 4 calls; with a
    # worker per resource only one chain's 4 calls are waited for (the critical path).
    assert ideal.ideal_seconds("up", calls, 1, 100, 250) == pytest.approx(0.25 * 101)
    assert ideal.ideal_seconds("up", calls, 1, 100, 250, workers=300) == pytest.approx(1.25)
    # The engine's --parallel, but at most the provider's threads.
    assert ideal.workers_of(native=False, parallel=128) == 4
    assert ideal.workers_of(native=True, parallel=128) == 32
    assert ideal.workers_of(native=True, parallel=None) == ideal.DEFAULT_PARALLEL


def test_journal_counts_routes_and_logins_apart() -> None:
    entries: list[dict[str, Any]] = [
        {"method": "POST", "route": f"{PREFIX}/auth", "status": 200, "duration_ms": 1},
        {"method": "GET", "route": f"{PREFIX}/sources/{{id}}", "status": 200, "duration_ms": 2},
        {"method": "GET", "route": f"{PREFIX}/sources/{{id}}", "status": 404, "duration_ms": 3},
        {"method": "POST", "route": f"{PREFIX}/connectors/{{id}}/create-source", "status": None},
    ]
    calls = journal.summarize(entries)
    assert calls.by_route == {"GET /sources/{id}": 2, "POST /connectors/{id}/create-source": 1}
    assert (calls.auth, calls.failed, calls.server_ms) == (1, 2, 6)
    assert journal.by_kind(calls.by_route) == {"Source": 3}


def test_state_breakdown_adds_up() -> None:
    resource = {
        "urn": "urn:pulumi:s::p::pulumi-python:dynamic/dataddo:Flow::f",
        "type": "pulumi-python:dynamic/dataddo:Flow",
        "inputs": {"__provider": "blob", "label": "x"},
        "outputs": {"__provider": "blob", "label": "x", "api_id": "a"},
        "stackTrace": [{"sourcePosition": "project:///__main__.py#3"}],
        "propertyDependencies": {"label": []},
    }
    sizes = state.breakdown(resource)
    assert sizes["total"] == state.size(resource)
    assert sizes["own"] == state.size({"label": "x"}) + state.size({"label": "x", "api_id": "a"})
    parts = sizes["provider"] + sizes["trace"] + sizes["dependencies"] + sizes["other"]
    assert sizes["overhead"] == sizes["total"] - sizes["own"] == parts
    assert state.per_kind([resource])["Flow"]["count"] == 1
