"""YAML programs: the engine's directory holds the `pulumi-language-yaml` host, and a program of
config, variables and outputs (one of them secret) goes through preview, up, an unchanged
preview and destroy on the real engine."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from harness.engine import REPO, YamlProject, engine_bin

pytestmark = pytest.mark.e2e

TOKEN = "yaml-token-7Hq2"  # a secret the test searches for in every output and in state

PROGRAM = """
config:
  greeting:
    type: string
    default: hello
  repeat:
    type: integer
  token:
    type: string
    secret: true
variables:
  message: ${greeting}, ${pulumi.stack}!
  tags:
    fn::join:
      - ","
      - - ${pulumi.project}
        - ${greeting}
outputs:
  message: ${message}
  tags: ${tags}
  repeat: ${repeat}
  sealed:
    fn::secret: ${message}
  token: ${token}
"""


def pinned_yaml_version() -> str:
    """The pulumi-yaml release tools/pulumi-cli/language-yaml/go.mod pins, without the "v"."""
    go_mod = (REPO / "tools/pulumi-cli/language-yaml/go.mod").read_text()
    found = re.search(r"^\s*github\.com/pulumi/pulumi-yaml v(\S+)", go_mod, re.MULTILINE)
    assert found, "no pulumi-yaml requirement in the YAML host's go.mod"
    return found.group(1)


def test_yaml_host_is_beside_the_cli() -> None:
    assert (engine_bin() / "pulumi-language-yaml").stat().st_mode & 0o111


def test_yaml_program_lifecycle(tmp_path: Path) -> None:
    project = YamlProject(tmp_path, PROGRAM)
    project.set_config({"greeting": "hi", "repeat": "3"})
    project.set_config({"token": TOKEN}, secret=True)

    about = json.loads(project.cli("about", "--json").stdout)
    assert about["runtime"] == {"language": "yaml"}
    assert {"name": "yaml", "version": pinned_yaml_version(), "kind": "language"} in about[
        "plugins"
    ]

    preview, events = project.preview()
    assert preview.change_summary == {"create": 1}  # the stack itself
    assert TOKEN not in events.text

    up, events = project.up()
    assert up.summary.resource_changes == {"create": 1}
    assert {name: (out.value, out.secret) for name, out in up.outputs.items()} == {
        "message": ("hi, test!", False),
        "tags": ("e2e,hi", False),
        "repeat": (3, False),
        "sealed": ("hi, test!", True),
        "token": (TOKEN, True),
    }
    assert TOKEN not in events.text

    shown = json.loads(project.cli("stack", "output", "--json").stdout)
    assert shown == {
        "message": "hi, test!",
        "tags": "e2e,hi",
        "repeat": 3,
        "sealed": "[secret]",
        "token": "[secret]",
    }
    stack = project.state()["deployment"]["resources"][0]
    assert stack["type"] == "pulumi:pulumi:Stack"
    assert stack["outputs"]["message"] == "hi, test!"
    for secret in ("sealed", "token"):
        assert set(stack["outputs"][secret]) == {"4dabf18193072939515e22adb298388d", "ciphertext"}
    assert TOKEN not in json.dumps(project.state())

    unchanged, events = project.preview(expect_no_changes=True)
    assert unchanged.change_summary == {"same": 1}
    assert TOKEN not in events.text

    destroyed, events = project.destroy()
    assert destroyed.summary.resource_changes == {"delete": 1}
    assert TOKEN not in events.text
    assert project.stack.outputs() == {}
