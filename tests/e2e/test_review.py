"""`pulumi-dataddo review` on real plans: the engine previews changes to a deployed chain
(Service -> Source -> Flow) with `pulumi preview --json`, and the installed console script
turns each plan into the pull-request comment and gates on it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.cli.review.kinds import KINDS
from tests.e2e.conftest import USER_PASSWORD, dataddo_project

pytestmark = pytest.mark.e2e

SCRIPT = Path(sys.executable).with_name("pulumi-dataddo")
# Secrets the plans hold somewhere (stack config, Service credentials): never in a review.
SECRETS = {"refreshToken": "rt-review-7Hq2", "clientSecret": "cs-review-4Kd9"}
ROTATED = "rt-rotated-2Wx5"
CLIENT_ID = "client-review-8Pz3"  # not a secret to Pulumi, but every Service config value is

PROGRAM = f"""
import pulumi
import pulumi_dataddo as dataddo

cfg = pulumi.Config()
auth = dataddo.Service(
    "auth",
    service="snapchat_static",
    label=cfg.get("serviceLabel") or "Snapchat",
    config={{"staticKey": cfg.require_secret("refreshToken"), "clientId": "{CLIENT_ID}",
            "clientSecret": cfg.require_secret("clientSecret")}},
)
source = dataddo.Source(
    "source",
    connector_id="snapchat",
    oauth_id=auth.id,
    label=cfg.get("sourceLabel") or "Insights",
    config={{"organizationId": "org-1", "accountId": "acct-1",
            "breakdown": cfg.get("breakdown") or "campaign", "metrics": ["spend"],
            "labels": ["stats_id"], "action_report_time": "conversion",
            "swipe_up_attribution_window": "28_DAY", "view_attribution_window": "1_DAY",
            "dateRange": "{{{{30d1}}}}"}},
    schedule=dataddo.Schedule(sync_frequency="day", hour=cfg.get("hour") or "3", minute="25",
                              timezone="UTC"),
    strategy="incremental",
)
if cfg.get_bool("withFlow") is not False:
    flow = dataddo.Flow("flow", sources=[source.id], app=cfg.get("app") or "google_data_studio",
                        label="Flow")
if cfg.get_bool("withGroup"):
    pulumi.ComponentResource("acme:reports:Group", "reports")
"""

# The changes previewed, each from the deployed chain.
UPDATE = {"serviceLabel": "Snapchat v2", "sourceLabel": "Insights v2", "hour": "5"}
REPLACE = {"serviceLabel": "Snapchat v2", "breakdown": "ad", "app": "power_bi", "withGroup": "true"}
DELETE = {"withFlow": "false"}


@dataclass(frozen=True)
class Plans:
    """Plan files written by `pulumi preview --json`, and the deployed objects' ids."""

    update: Path
    replace: Path
    delete: Path
    ids: dict[str, str]
    api_id: str


@pytest.fixture(scope="module")
def plans(
    emulator_server: RunningEmulator, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Plans]:
    emulator_server.reset()
    root = tmp_path_factory.mktemp("review")
    project = dataddo_project(root, emulator_server, PROGRAM)
    project.set_config(SECRETS, secret=True)
    project.up()
    deployed = project.resources()

    def preview(name: str, config: dict[str, str], secrets: dict[str, str]) -> Path:
        project.set_config(config)
        project.set_config(secrets, secret=True)
        path = root / f"{name}.json"
        path.write_text(project.cli("preview", "--json").stdout)
        for key in config:
            project.stack.remove_config(key)
        project.set_config(SECRETS, secret=True)
        return path

    yield Plans(
        update=preview("update", UPDATE, {"refreshToken": ROTATED}),
        replace=preview("replace", REPLACE, {"refreshToken": ROTATED}),
        delete=preview("delete", DELETE, {}),
        ids={name: resource["id"] for name, resource in deployed.items()},
        api_id=deployed["flow"]["outputs"]["api_id"],
    )
    project.destroy()


def review(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The installed console script, run as CI runs it."""
    return subprocess.run(
        [str(SCRIPT), "review", *args], input=stdin, capture_output=True, text=True, check=False
    )


def assert_no_secret(text: str) -> None:
    for value in [*SECRETS.values(), ROTATED, CLIENT_ID, USER_PASSWORD]:
        assert value not in text


def test_in_place_updates(plans: Plans) -> None:
    done = review(str(plans.update), "--fail-on", "replace,delete")
    assert (done.returncode, done.stderr) == (0, "")
    text = done.stdout
    assert "**Dataddo:** 2 to update\n" in text
    assert "[!CAUTION]" not in text
    assert "| `label` | `Snapchat` | `Snapchat v2` |" in text
    assert "| `config.staticKey` | _[secret]_ | _[secret]_ |" in text  # the rotation, masked
    assert "| `schedule.hour` | `3` | `5` |" in text
    assert "| `label` | `Insights` | `Insights v2` |" in text
    assert_no_secret(text)


def test_replacements_name_their_cause_and_cost(plans: Plans) -> None:
    done = review(str(plans.replace))
    assert done.returncode == 0  # no --fail-on: no gate
    text = done.stdout
    assert "**Dataddo:** 2 to replace, 1 to update · **other resources:** 1 to create" in text
    assert "This plan **replaces 2** Dataddo resources" in text
    flow = text[text.index("### `+-` replace Flow `flow`") :]
    assert "**Replacement forced by:** `app`" in flow
    assert KINDS["Flow"].costs["replace"] in flow
    assert f"id `{plans.ids['flow']}`" in flow
    assert f"api_id `{plans.api_id}`" in flow  # the endpoint dashboards read today
    assert "| `app` **(forces replacement)** | `google_data_studio` | `power_bi` |" in flow
    source = text[text.index("### `+-` replace Source `source`") :]
    assert "**Replacement forced by:** `config`" in source
    assert KINDS["Source"].costs["replace"] in source
    assert "| `config.breakdown` **(forces replacement)** | `campaign` | `ad` |" in source
    assert "### `~` update Service `auth`" in text
    assert "| `config.staticKey` | _[secret]_ | _[secret]_ |" in text
    assert "- `+` create `acme:reports:Group` `reports`" in text
    assert_no_secret(text)


def test_a_deleted_flow_says_where_the_data_stops(plans: Plans) -> None:
    text = review(str(plans.delete)).stdout
    assert "**Dataddo:** 1 to delete\n" in text
    assert "### `-` delete Flow `flow`" in text
    assert KINDS["Flow"].costs["delete"] in text
    assert "app `google_data_studio`" in text
    assert_no_secret(text)


@pytest.mark.parametrize(
    ("plan", "fail_on", "status", "said"),
    [
        ("replace", "replace,delete", 2, "2 to replace"),
        ("replace", "delete", 0, ""),
        ("delete", "replace,delete", 2, "1 to delete"),
        ("delete", "create", 0, ""),  # the component is not a Dataddo resource
        ("update", "update", 2, "2 to update"),
    ],
)
def test_fail_on_exit_codes(plans: Plans, plan: str, fail_on: str, status: int, said: str) -> None:
    path = getattr(plans, plan)
    done = review(str(path), "--fail-on", fail_on)
    assert done.returncode == status
    assert done.stdout.startswith("## Pulumi preview")  # printed before the verdict
    assert done.stderr == (f"pulumi-dataddo review: {path}: {said} (--fail-on)\n" if said else "")


def test_stdin_and_out(plans: Plans, tmp_path: Path) -> None:
    out = tmp_path / "review.md"
    done = review("-", "--out", str(out), "--fail-on", "delete", stdin=plans.delete.read_text())
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "pulumi-dataddo review: <stdin>: 1 to delete (--fail-on)\n"
    assert out.read_text() == review(str(plans.delete)).stdout


def test_a_file_that_is_not_a_plan_fails_in_one_line(plans: Plans, tmp_path: Path) -> None:
    text_output = tmp_path / "preview.txt"  # `pulumi preview` without --json
    text_output.write_text("Previewing update (test):\n")
    broken = tmp_path / "broken.json"
    broken.write_text(plans.replace.read_text()[:200])
    not_a_plan = tmp_path / "export.json"
    not_a_plan.write_text('{"version": 3, "deployment": {}}')  # `pulumi stack export`
    for path, error in [
        (text_output, "not JSON (Expecting value, line 1 column 1)"),
        (broken, "not JSON"),
        (not_a_plan, 'not a plan this tool can read: no "steps" or "changeSummary"'),
        (tmp_path / "missing.json", "cannot read it: No such file or directory"),
    ]:
        done = review(str(path), "--fail-on", "replace")
        assert done.returncode == 1
        assert done.stdout == ""
        assert done.stderr.startswith(f"pulumi-dataddo review: {path}: {error}")
        assert done.stderr.count("\n") == 1  # one line, no traceback
