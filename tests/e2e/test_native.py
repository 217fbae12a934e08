"""The native provider through the real engine: the seed stack from Python (one import changed)
and from YAML (examples/yaml-seed), `pulumi import` of every kind and the `import_` option, a
replacement the JSON preview names per property, ids kept known in previews of in-place updates,
and the move of a dynamic stack onto the native provider."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from dataddo_emulator.testing import RunningEmulator
from harness.engine import PLUGIN, REPO, CliError, Project, YamlProject, engine_bin
from pulumi_dataddo.native import migrate
from tests.e2e.api import Journal, OutOfBand
from tests.e2e.conftest import USER_EMAIL, USER_PASSWORD, dataddo_project
from tests.e2e.stacks import (
    ACCOUNT,
    CHAIN,
    ORGANIZATION,
    SECRETS,
    assert_created_like_the_seed,
    converges_and_destroys,
)
from tests.seed import SNAPCHAT_FIELDS

pytestmark = pytest.mark.e2e

DYNAMIC_IMPORT = "import pulumi_dataddo as dataddo\n"
NATIVE_IMPORT = "import pulumi_dataddo.native as dataddo\n"
SEED = (REPO / "__main__.py").read_text()
EMPTY = {"services": [], "sources": [], "flows": []}
REFRESH_CALLS = {
    "GET /services": 1,  # the spec types the list, not the detail
    "GET /sources/{id}": 1,
    "GET /sources/{id}/extraction/schedule": 1,  # a declared schedule: its own GET
    "GET /flows/{id}": 1,
}


def native(program: str) -> str:
    """The same program on the native provider: one import changed."""
    assert DYNAMIC_IMPORT in program
    return program.replace(DYNAMIC_IMPORT, NATIVE_IMPORT)


def seed_config(project: Project) -> None:
    project.set_config(
        {
            "snapchatClientId": "client-id-e2e",
            "snapchatOrganizationId": ORGANIZATION,
            "snapchatAccountId": ACCOUNT,
        }
    )
    project.set_config(SECRETS, secret=True)


def seed_lifecycle(project: Project, emulator: RunningEmulator) -> None:
    """Preview, up, unchanged preview, refresh, destroy: no call in previews, one GET per object
    in refresh (two for the source with a schedule), no secret anywhere."""
    console: list[str] = []
    journal = Journal(emulator)
    preview, events = project.preview()
    console += events.lines
    assert preview.change_summary == {"create": 4}
    assert journal.entries() == []

    journal = Journal(emulator)
    up, events = project.up()
    console += events.lines
    assert up.summary.resource_changes == {"create": 4}
    assert_created_like_the_seed(emulator, journal, {k: v.value for k, v in up.outputs.items()})

    for step in ("unchanged", "refresh", "refreshed"):
        journal = Journal(emulator)
        if step == "refresh":
            _, events = project.refresh()
            assert journal.counts() == REFRESH_CALLS
        else:
            unchanged, events = project.preview()
            assert set(unchanged.change_summary) == {"same"}
            assert journal.entries() == []
        console += events.lines

    resources = project.resources()
    assert {r["type"] for r in resources.values()} == {
        "dataddo:index:Service",
        "dataddo:index:Source",
        "dataddo:index:Flow",
    }
    assert set(resources["snapchat-auth"]["outputs"]["config"]) == {
        "4dabf18193072939515e22adb298388d",
        "ciphertext",
    }
    exported = json.dumps(project.state())
    journal_text = str(emulator.requests(since=0))
    _, events = project.destroy()
    console += events.lines
    for secret in [*SECRETS.values(), USER_PASSWORD]:
        assert secret not in exported
        assert secret not in "\n".join(console)
        assert secret not in journal_text
    assert emulator.objects() == EMPTY


def test_seed_stack_on_the_native_provider_from_python(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    project = dataddo_project(tmp_path, emulator, native(SEED), native=True)
    seed_config(project)
    seed_lifecycle(project, emulator)


def yaml_seed(tmp_path: Path, emulator: RunningEmulator) -> Project:
    """examples/yaml-seed with its sample stack config (the demo passphrase), the plugin path
    made absolute, pointed at this emulator's test user."""
    example = REPO / "examples" / "yaml-seed"
    env = {"PULUMI_CONFIG_PASSPHRASE": "dataddo-demo"}
    project = YamlProject(tmp_path, "", name="dataddo-yaml-seed", stack="dev", env=env)
    (project.dir / YamlProject.program_file).unlink()
    program = (example / "Pulumi.yaml").read_text()
    assert "path: ../../plugin\n" in program
    (project.dir / "Pulumi.yaml").write_text(program.replace("../../plugin", str(PLUGIN)))
    shutil.copy(example / "Pulumi.dev.yaml", project.dir / "Pulumi.dev.yaml")
    project.set_config({"dataddo:baseUrl": emulator.url, "dataddo:email": USER_EMAIL})
    project.set_config({"dataddo:password": USER_PASSWORD}, secret=True)
    return project


def test_seed_stack_as_a_yaml_program(tmp_path: Path, emulator: RunningEmulator) -> None:
    project = yaml_seed(tmp_path, emulator)
    config = project.stack.get_all_config()
    assert config["dataddo-yaml-seed:snapchatAccountId"].value == "5d2e9a71-demo-account"
    project.set_config({"snapchatOrganizationId": ORGANIZATION, "snapchatAccountId": ACCOUNT})
    project.set_config(SECRETS, secret=True)
    seed_lifecycle(project, emulator)


EXPLICIT = """
config:
  apiUrl: {type: string}
  apiPassword: {type: string, secret: true}
resources:
  account:
    type: pulumi:providers:dataddo
    properties:
      baseUrl: ${apiUrl}
      email: %(email)s
      password: ${apiPassword}
      parallelism: 4
  auth:
    type: dataddo:index:Service
    properties:
      service: snapchat_static
      config: {staticKey: static-key-yaml-1, clientId: c, clientSecret: client-secret-yaml-2}
    options:
      provider: ${account}
variables:
  organizations:
    fn::invoke:
      function: dataddo:index:getOrganizations
      arguments:
        oauthId: ${auth.id}
      options:
        provider: ${account}
      return: items
outputs:
  organizations: ${organizations}
"""


def test_an_explicit_provider_and_a_lookup_in_yaml(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    project = YamlProject(tmp_path, EXPLICIT % {"email": USER_EMAIL}, plugins={"dataddo": PLUGIN})
    project.set_config({"apiUrl": emulator.url})
    project.set_config({"apiPassword": USER_PASSWORD}, secret=True)
    up, _ = project.up()
    organizations = up.outputs["organizations"].value
    assert len(organizations) == 3
    assert set(organizations[0]) == {"label", "value"}
    assert len(emulator.objects()["services"]) == 1
    project.destroy()
    assert emulator.objects() == EMPTY


def test_pulumi_import_of_every_kind_prints_code_for_the_native_sdk(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    api = OutOfBand(emulator, USER_EMAIL, USER_PASSWORD)
    service, source, flow = api.create_chain()
    destination = api.call("POST", "/destinations/pgsql", {"label": "Hand warehouse"})
    project = dataddo_project(tmp_path, emulator, "import pulumi\n", native=True)

    journal = Journal(emulator)
    printed = {}
    for kind, name, id_ in (
        ("Service", "auth", str(service["id"])),
        ("Source", "source", source["id"]),
        ("Flow", "flow", flow["id"]),
        ("Destination", "warehouse", destination["id"]),
    ):
        done = project.cli("import", f"dataddo:index:{kind}", name, id_, "--yes")
        printed[kind] = done.stdout
        assert "import pulumi_dataddo.native as dataddo" in done.stdout
        assert f'{name} = dataddo.{kind}("{name}",' in done.stdout
        # The engine checks what it read: nothing left out may fail there ("a bug in the
        # provider" warnings).
        assert "warning" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr
    # The credentials cannot be read: the code shows where they go.
    assert "config={}," in printed["Service"]
    assert 'label="Made by hand",' in printed["Service"]
    assert f'oauth_id="{service["id"]}",' in printed["Source"]
    assert '"organizationId": "org-1",' in printed["Source"]
    assert f'"{source["id"]}"' in printed["Flow"]
    # A destination's type, Service and config are in no answer: the code shows where the
    # type goes.
    assert 'destination_type="",' in printed["Destination"]
    assert 'label="Hand warehouse",' in printed["Destination"]
    assert not [call for call in journal.calls() if not call.startswith("GET ")]
    imported = project.resources()
    assert {name: r["id"] for name, r in imported.items()} == {
        "auth": str(service["id"]),
        "source": source["id"],
        "flow": flow["id"],
        "warehouse": destination["id"],
    }
    assert "config" not in imported["auth"]["inputs"]
    assert imported["warehouse"]["inputs"] == {"label": "Hand warehouse"}

    with pytest.raises(CliError) as missing:
        project.cli("import", "dataddo:index:Source", "gone", "0123456789abcdef01234567", "--yes")
    assert (
        "importing source 0123456789abcdef01234567: this Dataddo account has no source with id "
        "0123456789abcdef01234567"
    ) in missing.value.stdout + missing.value.stderr


IMPORTING = """
import pulumi
import pulumi_dataddo.native as dataddo

cfg = pulumi.Config()
auth = dataddo.Service("auth", service="snapchat_static", label="Made by hand",
                       config={"staticKey": cfg.require_secret("key"), "clientId": "client-1",
                               "clientSecret": cfg.require_secret("secret")},
                       opts=pulumi.ResourceOptions(import_=cfg.require("service")))
source = dataddo.Source("source", connector_id="snapchat", oauth_id=auth.id, label="Hand source",
                        strategy="incremental", config=%(fields)s,
                        opts=pulumi.ResourceOptions(import_=cfg.require("source")))
flow = dataddo.Flow("flow", sources=[source.id], app="google_data_studio", label="Hand flow",
                    opts=pulumi.ResourceOptions(import_=cfg.require("flow")))
pulumi.export("service_id", auth.service_id)
"""


def test_the_import_option_adopts_and_the_first_up_writes_the_credentials(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    service, source, flow = OutOfBand(emulator, USER_EMAIL, USER_PASSWORD).create_chain()
    program = IMPORTING % {"fields": repr(SNAPCHAT_FIELDS)}
    project = dataddo_project(tmp_path, emulator, program, native=True)
    project.set_config({"service": str(service["id"]), "source": source["id"], "flow": flow["id"]})
    project.set_config(
        {"key": "static-key-e2e-5Rt1", "secret": "client-secret-e2e-7Yu2"}, secret=True
    )

    journal = Journal(emulator)
    up, _ = project.up()
    assert up.summary.resource_changes == {"import": 3, "update": 1, "create": 1}
    assert up.outputs["service_id"].value == service["id"]
    # Nothing created: three reads, the credentials written in place.
    assert journal.counts()["PUT /services/{id}"] == 1
    assert not [call for call in journal.calls() if call.startswith("POST ")]
    (rotation,) = journal.bodies("PUT /services/{id}")
    assert rotation["config"]["staticKey"] == "***"

    converges_and_destroys(project, emulator)
    assert emulator.objects() == EMPTY


DESTINATIONS = """
import pulumi
import pulumi_dataddo.native as dataddo

cfg = pulumi.Config()
dataddo.Destination("warehouse", destination_type="pgsql", label="Hand warehouse",
                    opts=pulumi.ResourceOptions(protect=True))
dataddo.Destination("lake", destination_type="pgsql", label="Hand lake",
                    opts=pulumi.ResourceOptions(import_=cfg.require("lake")))
"""


def test_an_imported_destination_takes_its_declared_type_in_place(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    """No answer holds a destination's type: declaring it after `pulumi import` (or with the
    `import_` option) records it with the declared label in place, never replacing it."""
    api = OutOfBand(emulator, USER_EMAIL, USER_PASSWORD)
    warehouse = api.call("POST", "/destinations/pgsql", {"label": "Hand warehouse"})
    lake = api.call("POST", "/destinations/pgsql", {"label": "Hand lake"})
    project = dataddo_project(tmp_path, emulator, "import pulumi\n", native=True)
    project.cli("import", "dataddo:index:Destination", "warehouse", warehouse["id"], "--yes")

    project.write_program(DESTINATIONS)
    project.set_config({"lake": lake["id"]})
    journal = Journal(emulator)
    _, events = project.up()
    assert events.changes()["warehouse"] == ("update", ["destinationType"])
    assert events.op("lake") == "import"
    assert not [d for d in events.diagnostics if d.startswith("warning")], events.diagnostics
    assert not [call for call in journal.calls() if call.startswith(("POST ", "DELETE "))]
    assert journal.counts()["PUT /destinations/{id}"] == 2  # each one's declared label
    resources = project.resources()
    assert {name: r["id"] for name, r in resources.items()} == {
        "warehouse": warehouse["id"],
        "lake": lake["id"],
    }
    assert {r["inputs"]["destinationType"] for r in resources.values()} == {"pgsql"}
    unchanged, _ = project.preview()
    assert set(unchanged.change_summary) == {"same"}

    # Known now: a change of type replaces, as for any destination.
    project.write_program(
        DESTINATIONS.replace('"pgsql", label="Hand lake"', '"mysql", label="Hand lake"')
    )
    plan = json.loads(project.cli("preview", "--json").stdout)
    steps = {step["urn"].rsplit("::", 1)[-1]: step for step in plan["steps"]}
    assert steps["lake"]["op"] == "replace"
    assert steps["lake"]["replaceReasons"] == ["destinationType"]
    project.write_program(DESTINATIONS.replace("protect=True", "protect=False"))
    project.up()
    project.destroy()
    assert emulator.objects("destinations") == {"destinations": []}


def test_replacements_are_named_per_property_and_ids_stay_known_in_updates(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    project = dataddo_project(tmp_path, emulator, native(CHAIN), native=True)
    project.set_config({"refreshToken": "rt-one", "clientSecret": "cs-one"}, secret=True)
    project.up()

    project.set_config({"breakdown": "ad"})  # a Source's config replaces it
    journal = Journal(emulator)
    plan = json.loads(project.cli("preview", "--json").stdout)
    assert journal.entries() == []
    steps = {step["urn"].rsplit("::", 1)[-1]: step for step in plan["steps"]}
    assert steps["source"]["op"] == "replace"
    assert steps["source"]["detailedDiff"] == {
        "config": {"kind": "update-replace", "inputDiff": True}
    }
    assert steps["source"]["replaceReasons"] == ["config"]
    assert steps["flow"]["op"] == "update"
    assert steps["flow"]["detailedDiff"]["sources"]["kind"] == "update"
    project.set_config({"breakdown": "campaign"})

    # In-place updates: the preview keeps the ids other resources and outputs read.
    project.set_config({"serviceLabel": "Snapchat v2", "flowLabel": "Flow v2"})
    planned: dict[str, dict[str, Any]] = {}

    def outputs(event: auto.EngineEvent) -> None:
        done = event.res_outputs_event
        if done is not None and done.metadata.type.startswith("dataddo:index:"):
            planned[done.metadata.urn.rsplit("::", 1)[-1]] = done.metadata.new.outputs or {}

    journal = Journal(emulator)
    preview = project.stack.preview(on_event=outputs)
    assert journal.entries() == []
    assert preview.change_summary == {"update": 2, "same": 2}
    service_id = project.resources()["auth"]["outputs"]["serviceId"]
    assert planned["auth"]["serviceId"] == service_id
    assert planned["flow"]["apiId"] == project.resources()["flow"]["outputs"]["apiId"]
    project.destroy()


def test_a_dynamic_stack_moves_onto_the_native_provider(
    tmp_path: Path, emulator: RunningEmulator
) -> None:
    project = dataddo_project(tmp_path, emulator, SEED)
    seed_config(project)
    project.up()
    before = {name: r["id"] for name, r in project.resources().items()}
    objects = emulator.objects()

    # The documented procedure (docs/native.md): export, move the state, switch the import.
    export = tmp_path / "export.json"
    export.write_text(project.cli("stack", "export").stdout)
    import_file = tmp_path / "import.json"
    import_file.write_text(json.dumps(migrate.import_file(json.loads(export.read_text()))))
    urns = [r["urn"] for r in migrate.dynamic_resources(json.loads(export.read_text()))]
    project.cli("state", "delete", "--yes", *urns)
    project.write_program(native(SEED))
    settings = json.loads((project.dir / "Pulumi.yaml").read_text())
    settings["plugins"] = {"providers": [{"name": "dataddo", "path": str(PLUGIN)}]}
    (project.dir / "Pulumi.yaml").write_text(json.dumps(settings))
    journal = Journal(emulator)
    project.cli(
        "import", "--file", str(import_file), "--protect=false", "--generate-code=false", "--yes"
    )
    assert {name: r["id"] for name, r in project.resources().items()} == before

    up, _ = project.up()
    # The credentials (never readable) are written once; nothing is created or replaced.
    assert up.summary.resource_changes.get("create", 0) == 0
    assert "replace" not in up.summary.resource_changes
    assert not [call for call in journal.calls() if call.startswith(("POST ", "DELETE "))]
    after = emulator.objects()
    for kind in EMPTY:
        assert [o["id"] for o in after[kind]] == [o["id"] for o in objects[kind]]
    converges_and_destroys(project, emulator)
    assert emulator.objects() == EMPTY


def test_the_committed_schema_makes_a_python_sdk(tmp_path: Path) -> None:
    """`pulumi package gen-sdk` validates the schema as the engine reads it."""
    out = tmp_path / "sdk"
    pulumi, schema_file = str(engine_bin() / "pulumi"), str(PLUGIN / "schema.json")
    done = subprocess.run(
        [pulumi, "package", "gen-sdk", schema_file, "--language", "python", "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
        env={"PULUMI_HOME": str(tmp_path / "home"), "PULUMI_SKIP_UPDATE_CHECK": "true"},
    )
    assert "warning" not in done.stderr.lower()
    (package,) = (out / "python").glob("pulumi_dataddo*")
    assert "connector_id" in (package / "source.py").read_text()
