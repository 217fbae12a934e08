"""A bad day at the API while `pulumi up` creates 20 chains, on either provider: the run
completes or fails with a clear message, and the documented recovery (refresh,
`pulumi-dataddo unmanaged --adopt`, up) converges with 0 duplicates, 0 orphans and 0 lost
objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.reliability.checks import finish, injected_faults, left_behind, open_stack
from tests.reliability.conftest import Served
from tests.reliability.figures import Figures
from tests.reliability.providers import PROVIDERS
from tests.reliability.rules import CREATES, on_creates

pytestmark = pytest.mark.e2e

# The client gives up after this many seconds in the latency scenario (dataddo:timeout).
CLIENT_TIMEOUT = "1"


SCENARIOS: dict[str, tuple[list[dict[str, Any]], dict[str, str]]] = {
    # Every request may be refused with 429 and `Retry-After: 1`, creates included.
    "429 storm (Retry-After)": ([{"rate_limit_rate": 0.3, "retry_after": 1}], {}),
    # A burst: the next 40 requests fail with 503 or 502 at a high rate.
    "5xx burst": (
        [
            {"error_rate": 0.5, "error_status": 503, "times": 25},
            {"error_rate": 0.5, "error_status": 502, "times": 15},
        ],
        {},
    ),
    # Creates answered after the client's timeout: some land within the settle window (found
    # and adopted), the flows' only after it (the recovery adopts them).
    "latency beyond the client timeout": (
        [
            {"route": CREATES[0], "latency_ms": 2500, "times": 4},
            {"route": CREATES[1], "latency_ms": 2500, "times": 4},
            {"route": CREATES[2], "latency_ms": 10_000, "times": 2},
        ],
        {"dataddo:timeout": CLIENT_TIMEOUT},
    ),
    # Connections closed without an answer, on any request.
    "dropped connections": ([{"drop_rate": 0.1}], {}),
    # Creates stored, then answered with a 500.
    "fail-after-commit on creates": (on_creates(fail_after_commit_rate=0.4), {}),
}


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_bad_day_then_recovery(
    scenario: str, provider: str, tmp_path: Path, served: Served, figures: Figures
) -> None:
    rules, config = SCENARIOS[scenario]
    stack = open_stack(tmp_path, served, config=config, provider=provider)
    served.emulator.set_faults(rules, seed=11)
    first = stack.up()
    faults = injected_faults(served)
    served.emulator.clear_faults()
    before = left_behind(served, stack)

    recovered = stack.recover()
    assert recovered.completed, recovered.text[-3000:]
    assert stack.converged()
    finish(
        scenario,
        served,
        figures,
        {"rel": stack},
        first_run=first,
        faults=faults,
        before_recovery=before,
    )
