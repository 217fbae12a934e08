"""Malformed API answers (not JSON, objects without their fields, values of the wrong type) to
creates, reads and updates: a clear one-line error, no traceback, the state unchanged; creates
whose answer was unreadable are found and adopted, never made twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.reliability.checks import finish, injected_faults, open_stack
from tests.reliability.conftest import Served
from tests.reliability.figures import Figures
from tests.reliability.rules import API, on_creates
from tests.reliability.scenario import ERROR_LINE, Outcome, assert_fails_clearly

pytestmark = pytest.mark.e2e

CHAINS = 2
MODES = ("not_json", "missing_fields", "wrong_types")


def assert_clear_failure(outcome: Outcome, operation: str) -> None:
    """Failed clearly, every error line naming the operation and the malformed answer."""
    assert_fails_clearly(outcome, operation)
    errors = [line for line in outcome.text.splitlines() if ERROR_LINE in line]
    assert all(f"{operation} " in line and "malformed answer" in line for line in errors), errors


def outputs(stack_resources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Ids and outputs by resource (secrets decrypted: their ciphertext changes on every save)."""
    return {name: (r["id"], r["outputs"]) for name, r in stack_resources.items()}


@pytest.mark.parametrize("mode", MODES)
def test_malformed_answers(mode: str, tmp_path: Path, served: Served, figures: Figures) -> None:
    emulator = served.emulator
    stack = open_stack(tmp_path, served, chains=CHAINS)

    # The first create of each kind is stored, then answered malformed: found and adopted.
    emulator.set_faults(on_creates(malformed_rate=1, malformed_mode=mode, times=1), seed=3)
    created = stack.up()
    assert created.completed, created.text[-3000:]
    faults = injected_faults(served)

    # A refresh reading a malformed service: fails clearly, changes nothing.
    state = outputs(stack.project.resources(show_secrets=True))
    rule = {"malformed_rate": 1, "malformed_mode": mode}
    emulator.set_faults([{"route": f"GET {API}/services", **rule}])
    refreshed = stack.refresh()
    assert_clear_failure(refreshed, "reading service")
    assert outputs(stack.project.resources(show_secrets=True)) == state

    # An update whose answers are malformed: fails clearly; the flows keep their old state.
    emulator.set_faults([{"route": f"PUT {API}/flows/{{id}}", **rule}])
    stack.project.set_config({"flowSuffix": " v2"})
    updated = stack.up()
    faults += injected_faults(served)
    assert_clear_failure(updated, "updating flow")
    after = outputs(stack.project.resources(show_secrets=True))
    assert {n: v for n, v in after.items() if n.startswith("flow")} == {
        n: v for n, v in state.items() if n.startswith("flow")
    }

    # The PUTs were carried out, only their answers were lost: the recovery's refresh sees the
    # new labels as drift, and its up puts back the declared ones.
    emulator.clear_faults()
    stack.project.stack.remove_config("flowSuffix")
    repaired = stack.recover()
    assert repaired.completed, repaired.text[-3000:]
    assert stack.converged()
    finish(
        f"malformed answers ({mode}) to creates, a refresh, updates",
        served,
        figures,
        {"rel": stack},
        first_run=Outcome(False, updated.text),
        faults=faults,
        before_recovery="state unchanged by the failed refresh and updates",
        chains=CHAINS,
    )
