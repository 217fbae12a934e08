"""The demo stack (the seed's example, the repository's root program) through the real engine:
create in dependency order, the seed's exact payload, a no-op preview that calls nothing,
refresh without drift, destroy leaving the account empty, and no secret in any output."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataddo_emulator.testing import RunningEmulator
from harness.engine import REPO, provider_pickle
from tests.e2e.api import Journal
from tests.e2e.conftest import USER_PASSWORD, dataddo_project
from tests.e2e.stacks import ACCOUNT, ORGANIZATION, SECRETS, assert_created_like_the_seed

pytestmark = pytest.mark.e2e


def test_seed_stack_lifecycle(tmp_path: Path, emulator: RunningEmulator) -> None:
    project = dataddo_project(tmp_path, emulator, (REPO / "__main__.py").read_text())
    project.set_config(
        {
            "snapchatClientId": "client-id-e2e",
            "snapchatOrganizationId": ORGANIZATION,
            "snapchatAccountId": ACCOUNT,
        }
    )
    project.set_config(SECRETS, secret=True)
    console: list[str] = []

    journal = Journal(emulator)
    preview, events = project.preview()
    console += events.lines
    assert preview.change_summary == {"create": 4}
    assert {events.op(n) for n in ("snapchat-auth", "snapchat-insights", "gds-flow")} == {"create"}
    assert journal.entries() == []  # preview calls nothing

    # Tokens expire during the run (slow creates outlive the first token): they are renewed in
    # a documented form and the run goes on.
    emulator.settings(token_ttl=1)
    slow = ["POST /customer-api/v1/services", "POST /customer-api/v1/connectors/{id}/create-source"]
    emulator.set_faults([{"route": route, "latency_ms": 600} for route in slow])
    journal = Journal(emulator)
    up, events = project.up()
    console += events.lines
    assert up.summary.resource_changes == {"create": 4}
    assert journal.renewals() >= 1
    assert_created_like_the_seed(emulator, journal, {k: v.value for k, v in up.outputs.items()})
    emulator.clear_faults()
    emulator.settings(token_ttl=3600)

    journal = Journal(emulator)
    unchanged, events = project.preview()
    console += events.lines
    assert set(unchanged.change_summary) == {"same"}
    assert journal.entries() == []

    journal = Journal(emulator)
    _, events = project.refresh()
    console += events.lines
    assert journal.counts() == {
        "GET /services": 1,  # the spec types the list, not the detail: 1 GET
        "GET /sources/{id}": 1,
        "GET /sources/{id}/extraction/schedule": 1,  # a declared schedule: its own GET
        "GET /flows/{id}": 1,
    }
    journal = Journal(emulator)
    after_refresh, events = project.preview()
    console += events.lines
    assert set(after_refresh.change_summary) == {"same"}
    assert journal.entries() == []

    # The providers live in the installed package and are pickled by reference.
    for resource in project.resources().values():
        blob = provider_pickle(resource)
        assert b"pulumi_dataddo.dynamic." in blob
        assert b"_create_code" not in blob

    # No secret in plaintext: state export, console output, the API's journal.
    exported = str(project.state())
    journal_text = str(emulator.requests(since=0))
    _, events = project.destroy()
    console += events.lines
    for secret in [*SECRETS.values(), USER_PASSWORD]:
        assert secret not in exported
        assert secret not in "\n".join(console)
        assert secret not in journal_text

    assert emulator.objects() == {"services": [], "sources": [], "flows": []}
