"""Secrets never in plain text, wrong credentials stopped before any change, customers kept
apart, and two stacks on one account applied at the same time; on either provider."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from harness.engine import Project
from tests.e2e.api import Journal, OutOfBand
from tests.reliability import providers
from tests.reliability.audit import account_objects, state_ids
from tests.reliability.chains import ROTATED_SECRET
from tests.reliability.checks import finish, injected_faults, open_stack, secret_hits
from tests.reliability.conftest import OTHER, USER, Served
from tests.reliability.figures import Figures
from tests.reliability.providers import PROVIDERS
from tests.reliability.rules import API, on_creates
from tests.reliability.scenario import Stack, assert_fails_clearly
from tests.seed import SNAPCHAT_FIELDS

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("provider", PROVIDERS)
def test_no_secret_in_any_output(
    provider: str, tmp_path: Path, served: Served, figures: Figures
) -> None:
    """Preview, up, a failing credential rotation, refresh, up, destroy: every console line,
    the state export, the provider log and the journal hold no secret (finish searches)."""
    stack = open_stack(tmp_path, served, chains=2, provider=provider)
    assert stack.preview().completed
    assert stack.up().completed
    stack.project.set_config({"clientSecret": ROTATED_SECRET}, secret=True)
    served.emulator.set_faults([{"route": f"PUT {API}/services/{{id}}", "error_rate": 1}])
    rotation = stack.up()
    assert_fails_clearly(rotation, "updating service")
    served.emulator.clear_faults()
    assert stack.refresh().completed
    assert stack.up().completed
    assert stack.converged()
    finish(
        "secrets: preview, up, failed rotation, refresh, up",
        served,
        figures,
        {"rel": stack},
        first_run=rotation,
        faults=injected_faults(served),
        chains=2,
    )
    assert stack.destroy().completed
    assert secret_hits(served, {"rel": stack}) == []


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize(
    ("credentials", "expected"),
    [
        ({"dataddo:password": "not-the-password-1x"}, f"login refused for {USER[0]}"),
        ({"dataddo:accessToken": "not-a-token-2y"}, "the access token was rejected"),
    ],
    ids=["password", "access token"],
)
def test_wrong_credentials_fail_before_any_change(
    tmp_path: Path, served: Served, credentials: dict[str, str], expected: str, provider: str
) -> None:
    stack = open_stack(tmp_path, served, chains=2, provider=provider)
    if "dataddo:accessToken" in credentials:
        stack.project.stack.remove_config("dataddo:email")
        stack.project.stack.remove_config("dataddo:password")
    stack.project.set_config(credentials, secret=True)
    journal = Journal(served.emulator)
    outcome = stack.up()
    assert_fails_clearly(outcome, expected)
    assert {e["status"] for e in journal.entries()} == {401}  # refused, nothing done
    assert account_objects(served.emulator, USER[0]) == {"service": [], "source": [], "flow": []}
    assert stack.project.resources() == {}
    assert not any(value in outcome.text for value in credentials.values())


# One resource adopting another customer's object, or using its source.
FOREIGN = """
import pulumi
import pulumi_dataddo as dataddo

cfg = pulumi.Config()
kind, other = cfg.require("kind"), cfg.require("other")
if kind == "service":
    dataddo.Service("s", service="snapchat_static", config={"clientId": "c"}, adopt_id=other)
elif kind == "source":
    dataddo.Source("s", connector_id="snapchat", label="x", config=FIELDS,
                   strategy="incremental", adopt_id=other)
elif kind == "flow":
    dataddo.Flow("f", sources=[cfg.require("otherSource")], app="google_data_studio",
                 adopt_id=other)
else:
    dataddo.Flow("f", sources=[other], app="google_data_studio", label="uses a foreign source")
"""


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_customer_cannot_read_change_or_delete_another_customers_objects(
    provider: str, tmp_path: Path, served: Served
) -> None:
    service, source, flow = OutOfBand(served.emulator, *OTHER).create_chain()
    theirs = account_objects(served.emulator, OTHER[0])
    program = FOREIGN.replace("FIELDS", repr(SNAPCHAT_FIELDS))
    cases = {
        "service": (str(service["id"]), f"adopt_id {service['id']}: this Dataddo account has no"),
        "source": (source["id"], f"adopt_id {source['id']}: this Dataddo account has no source"),
        "flow": (flow["id"], f"adopt_id {flow['id']}: this Dataddo account has no flow"),
        "flow source": (source["id"], source["id"]),
    }
    for kind, (other, expected) in cases.items():
        root = tmp_path / kind.replace(" ", "-")
        project = providers.project(root, program, provider, name="foreign")
        project.set_config(
            {
                "dataddo:baseUrl": served.emulator.url,
                "dataddo:email": USER[0],
                "kind": kind,
                "other": other,
                "otherSource": source["id"],
            }
        )
        project.set_config({"dataddo:password": USER[1]}, secret=True)
        outcome = Stack(project, "foreign", tmp_path / "foreign.log", provider=provider).up()
        assert_fails_clearly(outcome, expected)
        assert project.resources() == {}

    # A state that points at their ids (hand-edited, or another customer's credentials
    # configured): updates are refused (404), destroy only forgets them.
    stack = open_stack(tmp_path, served, chains=1, provider=provider)
    assert stack.up().completed
    ours = {kind: ids.pop() for kind, ids in state_ids(stack.project).items()}
    _point_state_at(stack.project, ours, {"service": str(service["id"]), "source": source["id"],
                                          "flow": flow["id"]})  # fmt: skip
    stack.project.set_config({"flowSuffix": " renamed"})
    assert_fails_clearly(stack.up(), f"PUT /flows/{flow['id']}: 404")
    assert stack.destroy().completed
    assert account_objects(served.emulator, OTHER[0]) == theirs  # untouched throughout


def _point_state_at(project: Project, ours: dict[str, str], theirs: dict[str, str]) -> None:
    """Rewrite the stack's state so that its resources carry the other customer's ids."""
    text = json.dumps(project.state())
    for kind, old in ours.items():
        text = text.replace(f'"{old}"', f'"{theirs[kind]}"')
    swapped = project.dir / "swapped.json"
    swapped.write_text(text)
    project.cli("stack", "import", "--file", str(swapped))


@pytest.mark.parametrize("provider", PROVIDERS)
def test_two_stacks_on_one_account_at_once(
    provider: str, tmp_path: Path, served: Served, figures: Figures
) -> None:
    """Both applied concurrently while creates fail after commit, then both recovered at once
    (a lost Service create is named, not taken, so each run may fail): each takes and adopts
    only its own."""
    stacks = {
        p: open_stack(tmp_path, served, prefix=p, chains=10, provider=provider)
        for p in ("alpha", "beta")
    }
    served.emulator.set_faults(on_creates(fail_after_commit_rate=0.3), seed=13)
    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(lambda s: s.up(), stacks.values()))
    faults = injected_faults(served)
    served.emulator.clear_faults()
    assert all(o.clear for o in outcomes), [o.text[-2000:] for o in outcomes]
    with ThreadPoolExecutor(2) as pool:
        recovered = list(pool.map(lambda s: s.recover(), stacks.values()))
    assert all(r.completed for r in recovered), [r.text[-2000:] for r in recovered]
    for prefix, stack in stacks.items():
        labels = _labels_in_state(stack.project)
        assert labels
        assert all(label.startswith(f"{prefix} ") for label in labels)
        assert stack.converged()
    finish(
        "two stacks, one account, at once (fail-after-commit)",
        served,
        figures,
        stacks,
        first_run=outcomes[0],
        faults=faults,
        chains=10,
    )
    with ThreadPoolExecutor(2) as pool:
        assert all(o.completed for o in pool.map(lambda s: s.destroy(), stacks.values()))
    assert account_objects(served.emulator, USER[0]) == {"service": [], "source": [], "flow": []}


def _labels_in_state(project: Project) -> list[Any]:
    return [r["outputs"].get("label") for r in project.resources().values()]


# Credentials a Source's config holds in every shape the rule knows, written in the program
# (plain stack config would sit in the state of Pulumi's dynamic-provider resource, which records
# all stack config): inside an Output, nested, in a URL's userinfo and query, in a header pair.
SHAPES = """
import pulumi
import pulumi_dataddo as dataddo

cfg = pulumi.Config()
plain = PLAIN
# The json connector takes any service type (the emulator names none for it).
auth = dataddo.Service("auth", service="ftp", label="API login", config={"host": "h"})


def source(name, config):
    dataddo.Source(name, connector_id="json", label=name, strategy="clean", oauth_id=auth.id,
                   config=config)


source("wrapped", pulumi.Output.from_input(
    {**BASE, "password": plain["dbPassword"], "method": cfg.get("method") or "GET"}))
source("userinfo", {**BASE, "url": pulumi.Output.concat(
    "https://reader:", plain["urlPassword"], "@db.example.com/x")})
source("query", {**BASE, "url": "https://api.example.com/items?api_key=" + plain["apiKey"]})
source("header", {**BASE, "headers": [{"name": "Authorization",
                                       "value": "Bearer " + plain["headerToken"]}]})
"""
SHAPE_SECRETS = {
    "dbPassword": "db-pass-shape-5Rk2",
    "urlPassword": "url-pass-shape-8Tw3",
    "apiKey": "api-key-shape-2Lm9",
    "headerToken": "header-token-shape-6Qz1",
}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_credentials_in_a_source_config_stay_secret_whatever_their_shape(
    provider: str, tmp_path: Path, served: Served
) -> None:
    base = {
        "url": "https://api.example.com/items",
        "method": "GET",
        "attributes": ["id"],
        "transformation": "{}",
    }
    program = SHAPES.replace("BASE", repr(base)).replace("PLAIN", repr(SHAPE_SECRETS))
    project = providers.project(tmp_path / "shapes", program, provider, name="shapes")
    project.set_config({"dataddo:baseUrl": served.emulator.url, "dataddo:email": USER[0]})
    project.set_config({"dataddo:password": USER[1]}, secret=True)
    stack = Stack(project, "shapes", tmp_path / "shapes.log", provider=provider)
    assert stack.preview(diff=True).completed
    assert stack.up(diff=True).completed
    project.set_config({"method": "POST"})  # a change to the wrapped one: shown with --diff
    assert stack.preview(diff=True).completed
    backend = project.dir.parent / "backend"
    checkpoints = "\n".join(p.read_text() for p in backend.rglob("*.json*") if p.is_file())
    assert checkpoints
    more = {"checkpoint files": checkpoints}
    assert secret_hits(served, {"shapes": stack}, more, also=SHAPE_SECRETS) == []
    assert stack.destroy().completed
