"""Never take the wrong object, never lose one: the four ways a create once adopted or duplicated
an object (a replacement taking the object it replaces, an unlabelled Service taking another
stack's, an unlabelled Flow never found, a timed-out create landing late), each through the real
engine on either provider, the failure message followed as written, and 0 duplicates, orphans
and losses after."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.reliability import providers
from tests.reliability.audit import Counts, account_objects, state_ids
from tests.reliability.checks import secret_hits
from tests.reliability.conftest import USER, Served
from tests.reliability.figures import Figures, Row
from tests.reliability.providers import DYNAMIC, PROVIDERS
from tests.reliability.rules import API
from tests.reliability.scenario import Outcome, Stack, assert_fails_clearly, wait_until
from tests.seed import SNAPCHAT_FIELDS

pytestmark = pytest.mark.e2e

CHAIN = """
import pulumi
import pulumi_dataddo as dataddo

cfg = pulumi.Config()
auth = dataddo.Service("auth", service="snapchat_static", label=cfg.get("serviceLabel"),
                       config={"staticKey": cfg.require_secret("staticKey"), "clientId": "c"})
flows = int(cfg.get("flows") or "1")
source = dataddo.Source("source", connector_id="snapchat", oauth_id=auth.id, label="Insights",
                        strategy="incremental",
                        config={**FIELDS, "breakdown": cfg.get("breakdown") or "campaign"})
label = cfg.get("flowLabel")
for i in range(flows):
    dataddo.Flow(f"flow-{i}" if flows > 1 else "flow", sources=[source.id],
                 app="google_data_studio", label=label and f"{label} {i}")
"""


def chain(
    root: Path, served: Served, name: str = "wrong", *, provider: str = DYNAMIC, **config: str
) -> Stack:
    """A Service -> Source -> Flow(s) stack of the user's on `provider`, configured with
    `config`."""
    program = CHAIN.replace("FIELDS", repr(SNAPCHAT_FIELDS))
    log_file = root / f"{name}-provider.log"
    env = {"PULUMI_DATADDO_LOG_FILE": str(log_file)}
    project = providers.project(root / name, program, provider, name=name, env=env)
    account = {"dataddo:baseUrl": served.emulator.url, "dataddo:email": USER[0]}
    project.set_config({**account, **config})
    project.set_config({"dataddo:password": USER[1], "staticKey": "static-key-wo-1"}, secret=True)
    return Stack(project, name, log_file, provider=provider)


def counts(served: Served) -> dict[str, int]:
    objects = account_objects(served.emulator, USER[0])
    return {kind: len(found) for kind, found in objects.items()}


def settle(served: Served) -> None:
    """Wait until the API has carried out every request it received (a timed-out one too)."""
    assert wait_until(lambda: served.emulator.in_flight() == 0, timeout=60)


def held(stack: Stack) -> dict[str, set[str]]:
    return state_ids(stack.project)


def record(
    scenario: str,
    served: Served,
    figures: Figures,
    stacks: list[Stack],
    *,
    declared: dict[str, int],
    first_run: Outcome,
) -> None:
    """Count what the account holds against the states and the declared objects (duplicates:
    objects beyond the declared number; orphans: objects no state holds; lost: held objects the
    API lacks, and declared ones neither holds), record the figures row, assert all 0."""
    objects = {
        kind: {str(o["id"]) for o in found}
        for kind, found in account_objects(served.emulator, USER[0]).items()
    }
    holding = {kind: set().union(*(held(s)[kind] for s in stacks)) for kind in objects}
    duplicates = sum(max(0, len(objects[k]) - n) for k, n in declared.items())
    orphans = sum(len(objects[k] - holding[k]) for k in objects)
    lost = sum(
        len(holding[k] - objects[k]) + max(0, n - len(objects[k])) for k, n in declared.items()
    )
    counts = Counts(sum(map(len, objects.values())), duplicates, orphans, lost)
    hits = secret_hits(served, {s.prefix: s for s in stacks})
    (provider,) = {s.provider for s in stacks}
    figures.add(
        Row(
            scenario=scenario,
            provider=provider,
            chains=1,
            first_run=first_run.summary(),
            faults=1,
            before_recovery="-",
            objects=counts.objects,
            duplicates=duplicates,
            orphans=orphans,
            lost=lost,
            secret_hits=len(hits),
        )
    )
    assert counts == Counts(sum(declared.values()), 0, 0, 0), counts
    assert hits == []


CHAIN_OBJECTS = {"service": 1, "source": 1, "flow": 1}
REPLACEMENT_FAULTS = {
    "503": {"error_rate": 1, "error_status": 503},
    "dropped": {"drop_rate": 1},
    "fail-after-commit": {"fail_after_commit_rate": 1},
}


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("name", list(REPLACEMENT_FAULTS))
def test_a_replacement_never_takes_the_object_it_replaces(
    tmp_path: Path, served: Served, figures: Figures, name: str, provider: str
) -> None:
    fault = REPLACEMENT_FAULTS[name]
    stack = chain(tmp_path, served, provider=provider, flowLabel="Flow of insights")
    assert stack.up().completed
    original = held(stack)["source"]

    # The config change replaces the source; its create fails once.
    stack.project.set_config({"breakdown": "ad"})
    served.emulator.set_faults(
        [{"route": f"POST {API}/connectors/{{id}}/create-source", "times": 1, **fault}]
    )
    replaced = stack.up()
    settle(served)
    if "fail_after_commit_rate" in fault:
        assert replaced.completed, replaced.text[-3000:]  # the new source was found and taken
        assert held(stack)["source"] != original
    else:
        assert_fails_clearly(replaced, "may have been created")
        assert held(stack)["source"] == original  # the original is kept, in state and in Dataddo
        assert counts(served)["source"] == 1
        recovered = stack.recover()
        assert recovered.completed, recovered.text[-3000:]
    assert stack.converged()
    assert held(stack)["source"] != original
    assert not stack.project.state()["deployment"].get("pending_operations")
    scenario = f"a replacement's create fails once ({name}): the replaced source is not taken"
    record(scenario, served, figures, [stack], declared=CHAIN_OBJECTS, first_run=replaced)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_unlabelled_service_never_takes_another_stacks(
    tmp_path: Path, served: Served, figures: Figures, provider: str
) -> None:
    alpha = chain(tmp_path, served, "alpha", provider=provider)
    assert alpha.up().completed
    theirs = held(alpha)["service"]

    beta = chain(tmp_path, served, "beta", provider=provider)
    served.emulator.set_faults(
        [{"route": f"POST {API}/services", "times": 1, "error_rate": 1, "error_status": 503}]
    )
    failed = beta.up()
    assert_fails_clearly(failed, "creating service", "may have been created")
    assert beta.project.resources() == {}
    recovered = beta.recover()  # the README's procedure: nothing of alpha's is offered
    assert recovered.completed, recovered.text[-3000:]
    assert held(beta)["service"].isdisjoint(theirs)
    assert beta.destroy().completed
    assert {str(s["id"]) for s in account_objects(served.emulator, USER[0])["service"]} == theirs
    assert alpha.converged()
    scenario = "an unlabelled service's create fails (503): another stack's is not taken"
    record(scenario, served, figures, [alpha, beta], declared=CHAIN_OBJECTS, first_run=failed)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_unlabelled_flow_is_named_and_adopted_as_the_message_says(
    tmp_path: Path, served: Served, figures: Figures, provider: str
) -> None:
    stack = chain(tmp_path, served, provider=provider)
    served.emulator.set_faults(
        [{"route": f"POST {API}/flows", "times": 1, "fail_after_commit_rate": 1}]
    )
    failed = stack.up()
    assert_fails_clearly(failed, "may have been created: flow ", "cannot be told apart")
    named = re.search(r"may have been created: flow ([0-9a-f]{24})", failed.text)
    assert named is not None
    # "Keep yours with adopt_id": through stack config, the program unchanged.
    stack.project.set_config({"dataddo:adopt": f'{{"Flow:flow": "{named[1]}"}}'})
    assert stack.up().completed
    assert held(stack)["flow"] == {named[1]}
    stack.project.stack.remove_config("dataddo:adopt")
    assert stack.converged()
    scenario = "an unlabelled flow's answer lost: named, adopted through dataddo:adopt"
    record(scenario, served, figures, [stack], declared=CHAIN_OBJECTS, first_run=failed)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_creates_that_time_out_and_land_late_are_adopted_by_the_recovery(
    tmp_path: Path, served: Served, figures: Figures, provider: str
) -> None:
    config = {"flows": "5", "flowLabel": "Late flow", "dataddo:timeout": "1"}
    stack = chain(tmp_path, served, provider=provider, **config)
    served.emulator.set_faults([{"route": f"POST {API}/flows", "latency_ms": 9000}])
    failed = stack.up()
    assert_fails_clearly(failed, "may have been created, though none appeared", "Recovery")
    assert "none was created" not in failed.text
    served.emulator.clear_faults()
    settle(served)  # "wait a minute or two"
    assert counts(served)["flow"] == 5  # they all landed, after the settle window
    recovered = stack.recover()
    assert recovered.completed, recovered.text[-3000:]
    assert stack.converged()
    scenario = "5 flow creates time out (1 s) and land after the settle window"
    flows = {**CHAIN_OBJECTS, "flow": 5}
    record(scenario, served, figures, [stack], declared=flows, first_run=failed)
