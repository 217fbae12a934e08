"""The benchmark keeps working: one chain, one lifecycle, no added latency, through the real
engine. Asserts the shape of the results and the call counts that hold on any machine, never
timings (the numbers themselves come from `make bench`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import report, suite, summary
from benchmarks.__main__ import write
from benchmarks.runner import DATADDO, FLOOR_OF, NATIVE, OPERATIONS

pytestmark = pytest.mark.e2e

OPERATION_NAMES = [name for name, _ in OPERATIONS]
VARIANTS = {*FLOOR_OF, *FLOOR_OF.values()}  # both providers and their floors


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    plan = suite.Plan(chains=(1,), latencies_ms=(0.0,), repetitions={1: 1}, destination_chains=(1,))
    return suite.run(plan)


def test_every_operation_is_measured_for_every_variant(results: dict[str, Any]) -> None:
    measurements = results["measurements"]
    seen = {(m["variant"], m["operation"]) for m in measurements}
    assert seen == {(v, op) for v in VARIANTS for op in OPERATION_NAMES}
    for m in measurements:
        assert m["wall_s"] > 0
        assert m["failed_calls"] == 0
        assert set(m["cpu_s"]) == {"engine", "provider", "program", "emulator"}
        if m["operation"] in ("up", "refresh", "destroy"):
            assert m["peak_rss_mb"]["provider"] > 0  # the provider process was found


def test_call_counts(results: dict[str, Any]) -> None:
    rows = summary.rows(results["measurements"])
    assert [(r["variant"], r["operation"]) for r in rows] == [
        (variant, operation) for operation in OPERATION_NAMES for variant in FLOOR_OF
    ]
    for variant in FLOOR_OF:  # the same logic behind both: the same calls
        by_op = {r["operation"]: r for r in rows if r["variant"] == variant}
        assert by_op["preview-fresh"]["calls"] == {}
        assert by_op["preview-unchanged"]["calls"] == {}
        assert by_op["preview-unchanged"]["auth_calls"] == 0
        assert by_op["refresh"]["calls_by_kind_per_resource"] == {
            "Service": 1,
            "Source": 2,  # a declared schedule: its own GET
            "Flow": 1,
        }
        assert by_op["destroy"]["calls_by_kind_per_resource"] == {
            "Flow": 1,
            "Source": 1,
            "Service": 1,
        }
        posts = {call: n for call, n in by_op["up"]["calls"].items() if call.startswith("POST")}
        assert set(posts.values()) == {1}  # one create each (and reads that reconcile)
    # Both providers run the same logic: the same calls.
    assert [r["calls"] for r in rows if r["variant"] == DATADDO] == [
        r["calls"] for r in rows if r["variant"] == NATIVE
    ]
    floors = [m for m in results["measurements"] if m["variant"] in FLOOR_OF.values()]
    assert all(m["calls"] == {} and m["auth_calls"] == 0 for m in floors)


def test_the_destination_chain_meets_its_call_targets(results: dict[str, Any]) -> None:
    found = [v for v in summary.verdicts(results) if v["target"].startswith("destination chain")]
    assert found  # counted on both providers
    assert [v for v in found if not v["met"]] == []


def test_state_sizes(results: dict[str, Any]) -> None:
    sizes = {row["variant"]: row for row in results["state"]}
    assert set(sizes) == VARIANTS
    for row in sizes.values():
        assert set(row["kinds"]) == {"Service", "Source", "Flow"}
        for kind in row["kinds"].values():
            assert kind["count"] == 1
            assert kind["total"] == kind["own"] + kind["overhead"]


def test_json_and_page_are_written(results: dict[str, Any], tmp_path: Path) -> None:
    json_path, doc_path = tmp_path / "results.json", tmp_path / "benchmarks.md"
    write(results, json_path, doc_path)
    written = json.loads(json_path.read_text())
    assert {"meta", "measurements", "state", "rows", "targets"} <= set(written)
    page = doc_path.read_text()
    for title in ("## Targets", "## Wall time", "## HTTP calls by route", "## State size"):
        assert title in page
    assert page == report.render(written)  # the page is a function of the JSON alone
