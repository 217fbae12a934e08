"""Malformed API answers (not JSON, objects without their fields, values of the wrong type) to
creates, reads and updates, on either provider: a clear one-line error, no traceback, the state
unchanged; creates whose answer was unreadable are never made twice: a Source's or a Flow's is
found and taken, a Service's named and adopted by the recovery."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.reliability.checks import finish, injected_faults, open_stack
from tests.reliability.conftest import Served
from tests.reliability.figures import Figures
from tests.reliability.providers import PROVIDERS
from tests.reliability.rules import API, on_creates
from tests.reliability.scenario import Outcome, assert_fails_clearly

pytestmark = pytest.mark.e2e

CHAINS = 2
MODES = ("not_json", "missing_fields", "wrong_types")


def assert_clear_failure(outcome: Outcome, operation: str) -> None:
    """Failed clearly, every error line naming the operation and the malformed answer."""
    assert_fails_clearly(outcome, operation)
    errors = outcome.errors
    assert all(f"{operation} " in line and "malformed answer" in line for line in errors), errors


def outputs(stack_resources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Ids and outputs by resource (secrets decrypted: their ciphertext changes on every save)."""
    return {name: (r["id"], r["outputs"]) for name, r in stack_resources.items()}


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("mode", MODES)
def test_malformed_answers(
    mode: str, provider: str, tmp_path: Path, served: Served, figures: Figures
) -> None:
    emulator = served.emulator
    stack = open_stack(tmp_path, served, chains=CHAINS, provider=provider)

    # The first create of each kind is stored, then answered malformed. A Service shows only
    # its type and label, which another stack may declare alike: it is named, not taken, and
    # the recovery adopts it. A Source names the Service this stack holds, a Flow its Source:
    # theirs are found and taken (in the first run, or in the recovery's up, which the rules
    # not yet hit still meet).
    emulator.set_faults(on_creates(malformed_rate=1, malformed_mode=mode, times=1), seed=3)
    created = stack.up()
    assert_fails_clearly(created, "creating service", "may have been created: service")
    recovered = stack.recover()
    assert recovered.completed, recovered.text[-3000:]
    assert emulator.faults()["hits"] == [1, 1, 1]  # each kind's create answered malformed

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
    assert_clear_failure(updated, "updating flow")
    after = outputs(stack.project.resources(show_secrets=True))
    assert {n: v for n, v in after.items() if n.startswith("flow")} == {
        n: v for n, v in state.items() if n.startswith("flow")
    }

    # The PUTs were carried out, only their answers were lost: the recovery's refresh sees the
    # new labels as drift, and its up puts back the declared ones.
    faults = injected_faults(served)  # the journal's, since the test began
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
        first_run=Outcome(False, updated.text, provider=stack.provider),
        faults=faults,
        before_recovery="state unchanged by the failed refresh and updates",
        chains=CHAINS,
    )
