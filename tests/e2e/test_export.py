"""`pulumi-dataddo export` on a real account: the seed stack, a chain made by hand, and a
snake_case (mysql) source in a flow without app are exported by the installed console script.
The program it writes, in a fresh project and stack with the secrets its README lists, adopts
everything through the real engine (no POST reaches the API) and then previews with no changes,
before and after a refresh. No secret is in what it writes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from harness.engine import PASSPHRASE, REPO, engine_bin
from tests.e2e.api import Journal, OutOfBand
from tests.e2e.conftest import USER_EMAIL, USER_PASSWORD, dataddo_project

pytestmark = pytest.mark.e2e

SCRIPT = Path(sys.executable).with_name("pulumi-dataddo")
SEED_CONFIG = {
    "snapchatClientId": "client-id-export-2Rk8",
    "snapchatOrganizationId": "org-export",
    "snapchatAccountId": "acct-export",
}
SEED_SECRETS = {
    "snapchatRefreshToken": "refresh-tok-export-6Jd3",
    "snapchatClientSecret": "client-secret-export-1Nb7",
}
# What the README's commands set, by key: the seed service's credentials, the hand-made one's.
SECRET_VALUES = {
    "dataddo:password": USER_PASSWORD,
    "snapchatConfig": json.dumps(
        {
            "staticKey": SEED_SECRETS["snapchatRefreshToken"],
            "clientId": SEED_CONFIG["snapchatClientId"],
            "clientSecret": SEED_SECRETS["snapchatClientSecret"],
        }
    ),
    "madeByHandConfig": json.dumps(
        {"staticKey": "hand-key-4Tq9", "clientId": "client-1", "clientSecret": "hand-secret-8Lw2"}
    ),
    "warehouseDbConfig": json.dumps({"host": "db.example.com", "password": "db-pw-export-9Vh4"}),
}
MYSQL_PASSWORD = "db-pw-export-3Zc5"  # the mysql service's password, made by hand
COMMAND = re.compile(r"^pulumi config set --secret (\S+) '(.*)'$", re.MULTILINE)


def test_export_adopts_the_whole_account(tmp_path: Path, emulator: RunningEmulator) -> None:
    seed = dataddo_project(tmp_path / "seed", emulator, (REPO / "__main__.py").read_text())
    seed.set_config(SEED_CONFIG)
    seed.set_config(SEED_SECRETS, secret=True)
    seed.up()
    by_hand = OutOfBand(emulator, USER_EMAIL, USER_PASSWORD)
    by_hand.create_chain()
    create_mysql_chain(by_hand)
    before = identities(emulator)

    out = tmp_path / "export"
    export(emulator, out)
    written = {path.name: path.read_text() for path in out.iterdir()}
    assert sorted(written) == [
        "Pulumi.dev.yaml",
        "Pulumi.yaml",
        "README.md",
        "__main__.py",
        "requirements.txt",
    ]
    for secret in [*SEED_SECRETS.values(), SEED_CONFIG["snapchatClientId"], MYSQL_PASSWORD]:
        assert all(secret not in text for text in written.values())
    assert all(USER_PASSWORD not in text for text in written.values())
    program = written["__main__.py"]
    for reference in ("oauth_id=snapchat.id", "oauth_id=made_by_hand.id", "sources=[orders.id]"):
        assert reference in program
    assert_formatted(out / "__main__.py")

    commands = dict(COMMAND.findall(written["README.md"]))
    assert sorted(commands) == sorted(SECRET_VALUES)
    project = ExportedProject(out, tmp_path / "adopting")
    project.pulumi("stack", "init", "dev")
    for key in commands:
        project.pulumi("config", "set", "--secret", key, SECRET_VALUES[key])

    journal = Journal(emulator)
    project.pulumi("up", "--yes", "--skip-preview")
    assert [call for call in journal.calls() if call.startswith("POST")] == []
    assert identities(emulator) == before  # the same objects, none new, none replaced
    assert project.resource_count() == 9

    project.pulumi("preview", "--expect-no-changes")
    project.pulumi("refresh", "--yes")
    project.pulumi("preview", "--expect-no-changes")
    state = project.pulumi("stack", "export").stdout
    for secret in SECRET_VALUES.values():
        assert secret not in state


def create_mysql_chain(by_hand: OutOfBand) -> None:
    """A mysql service, a source of its snake_case form with a schedule, a flow without app."""
    config = {"host": "db.example.com", "password": MYSQL_PASSWORD, "label": "Warehouse DB"}
    service = by_hand.call("POST", "/services", {"serviceName": "mysql", "config": config})
    source = by_hand.call(
        "POST",
        "/connectors/mysql/create-source",
        {"connector_id": "mysql", "template_id": "index", "o_auth_id": service["id"],
         "label": "Orders", "statement": "SELECT * FROM orders", "storage_strategy": "upsert"},
    )  # fmt: skip
    schedule = {"sync_frequency": "hour", "minute": "*/15"}
    by_hand.call("PUT", f"/sources/{source['id']}/extraction/schedule", schedule)
    by_hand.call("POST", "/flows", {"sources": [source["id"]], "label": "Orders feed"})


def identities(emulator: RunningEmulator) -> dict[str, list[tuple[Any, Any]]]:
    """Each kind's objects as (id, label)."""
    return {
        kind: sorted((o["id"], o["label"]) for o in objects)
        for kind, objects in emulator.objects().items()
    }


def export(emulator: RunningEmulator, out: Path) -> None:
    """The installed console script, reading the password from an environment variable."""
    flags = ["--base-url", emulator.url, "--email", USER_EMAIL, "--password-env", "PASSWORD"]
    done = subprocess.run(
        [str(SCRIPT), "export", "--out", str(out), *flags],
        env={**os.environ, "PASSWORD": USER_PASSWORD},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {out}: 3 services, 3 sources, 0 destinations, 3 flows;")


def assert_formatted(program: Path) -> None:
    """`ruff format` (its defaults) would leave the program as it is, and it lints clean."""
    ruff = Path(sys.executable).with_name("ruff")
    for args in (["format", "--check"], ["check"]):
        done = subprocess.run(
            [str(ruff), *args, "--isolated", str(program)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr


class ExportedProject:
    """The written project, run by the real CLI with a backend of its own."""

    def __init__(self, directory: Path, root: Path) -> None:
        self.dir = directory
        root.mkdir()
        (root / "backend").mkdir()
        # This test's virtualenv stands for the `venv` the README has the user create.
        runtime = directory / "Pulumi.yaml"
        runtime.write_text(
            runtime.read_text().replace("virtualenv: venv", f"virtualenv: {sys.prefix}")
        )
        self.env = {
            **os.environ,
            "PATH": f"{engine_bin()}{os.pathsep}{os.environ['PATH']}",
            "PULUMI_BACKEND_URL": f"file://{root / 'backend'}",
            "PULUMI_HOME": str(root / "pulumi-home"),
            "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PULUMI_PYTHON_CMD": sys.executable,
        }

    def pulumi(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["pulumi", *args, "--non-interactive"],
            cwd=self.dir,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"pulumi {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
        return done

    def resource_count(self) -> int:
        deployment: dict[str, Any] = json.loads(self.pulumi("stack", "export").stdout)
        resources = deployment["deployment"].get("resources", [])
        return sum(1 for r in resources if r["type"].startswith("pulumi-python:dynamic/dataddo"))
