"""The foundation: the real engine runs a Python dynamic provider through its whole lifecycle,
and the provider is pickled into state by reference, so changed package code is what runs."""

from __future__ import annotations

import pickletools
import subprocess
from pathlib import Path

import pytest

from harness.engine import Project, engine_bin, provider_pickle

pytestmark = pytest.mark.e2e

PROBE = '''
"""A throwaway importable package standing in for an installed provider package."""
from pulumi import Output
from pulumi.dynamic import CreateResult, DiffResult, ReadResult, Resource, ResourceProvider

GENERATION = {generation}


class WidgetProvider(ResourceProvider):
    serialize_as_secret_always = False

    def create(self, props):
        return CreateResult("widget-1", {{**props, "generation": GENERATION}})

    def diff(self, _id, olds, news):
        return DiffResult(changes=olds.get("size") != news.get("size"))

    def read(self, id_, props):
        return ReadResult(id_, {{**props, "generation": GENERATION}})

    def delete(self, _id, _props):
        pass


class Widget(Resource, module="probe", name="Widget"):
    generation: Output[int]

    def __init__(self, name, size, opts=None):
        super().__init__(WidgetProvider(), name, {{"size": size, "generation": None}}, opts)
'''

PROGRAM = """
import pulumi
from probe_widgets import Widget

widget = Widget("w", size=3)
pulumi.export("generation", widget.generation)
"""


def write_probe(package_root: Path, generation: int) -> None:
    package = package_root / "probe_widgets"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(PROBE.format(generation=generation))


def test_engine_reports_the_pinned_version() -> None:
    out = subprocess.run(
        [str(engine_bin() / "pulumi"), "version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "v3.274.1"
    for plugin in ("pulumi-language-python", "pulumi-resource-pulumi-python"):
        assert (engine_bin() / plugin).stat().st_mode & 0o111


def test_lifecycle_and_provider_pickled_by_reference(tmp_path: Path) -> None:
    packages = tmp_path / "site"
    write_probe(packages, generation=1)
    project = Project(tmp_path, PROGRAM, env={"PYTHONPATH": str(packages)})

    preview, events = project.preview()
    assert preview.change_summary.get("create") == 2  # the stack and the widget
    assert events.op("w") == "create"

    up, _ = project.up()
    assert up.summary.resource_changes == {"create": 2}
    assert up.outputs["generation"].value == 1

    unchanged, events = project.preview()
    assert set(unchanged.change_summary) == {"same"}
    assert events.op("w") == "same"

    # By reference: the pickle names the class in its module and carries no code.
    blob = provider_pickle(project.resources()["w"])
    listing = "\n".join(str(arg) for _, arg, _ in pickletools.genops(blob))
    assert "probe_widgets" in listing
    assert "WidgetProvider" in listing
    assert "_create_code" not in listing
    assert "_create_type" not in listing

    # So an edit to the installed package is what the next operation runs.
    write_probe(packages, generation=2)
    project.refresh()
    assert project.resources()["w"]["outputs"]["generation"] == 2

    destroyed, _ = project.destroy()
    assert destroyed.summary.resource_changes == {"delete": 2}
    assert project.resources() == {}
