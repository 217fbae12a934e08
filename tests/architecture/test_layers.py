"""The layers hold: the logic, the fields, the HTTP client and the command line load without
Pulumi's SDK, and importing the package changes nothing in the process."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "provider" / "pulumi_dataddo"
PURE = ("http", "fields", "logic")


def _imports(path: Path) -> list[str]:
    """The modules a file imports (`from x import y` counts as x)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


@pytest.mark.parametrize(
    "module",
    ["pulumi_dataddo", "pulumi_dataddo.logic.source", "pulumi_dataddo.cli.main"],
)
def test_importing_loads_no_pulumi_and_changes_nothing(module: str) -> None:
    probe = (
        "import signal, sys, threading\n"
        "before = (signal.getsignal(signal.SIGINT), threading.active_count())\n"
        f"import {module}\n"
        "import pulumi_dataddo.logic.flow, pulumi_dataddo.logic.service\n"
        "loaded = sorted(m for m in sys.modules if m == 'pulumi' or m.startswith('pulumi.'))\n"
        "after = (signal.getsignal(signal.SIGINT), threading.active_count())\n"
        "print(loaded, getattr(sys, 'tracebacklimit', None), before == after)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] None True"


@pytest.mark.parametrize("layer", PURE)
def test_pure_layers_never_import_pulumi_or_the_adapters(layer: str) -> None:
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            assert not name.startswith(("pulumi.", "pulumi_dataddo.dynamic")), (path, name)
            assert name != "pulumi", (path, name)


def test_tests_share_through_helper_modules_and_benchmarks_stand_alone() -> None:
    """A test module is never imported (shared code lives in a helper module beside it), and
    the benchmarks never import the tests."""
    for root in ("tests", "benchmarks"):
        for path in sorted((REPO / root).rglob("*.py")):
            for name in _imports(path):
                assert not name.rpartition(".")[2].startswith("test_"), (path, name)
                if root == "benchmarks":
                    assert not name.startswith("tests"), (path, name)


def test_the_emulator_is_never_imported_by_the_product() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        assert "dataddo_emulator" not in path.read_text("utf-8"), path


def test_both_providers_export_the_same_names() -> None:
    """A program moves between the providers by changing one import."""
    import pulumi_dataddo  # noqa: PLC0415 -- the packages under test
    import pulumi_dataddo.native  # noqa: PLC0415

    assert pulumi_dataddo.__all__ == pulumi_dataddo.native.__all__
    for name in pulumi_dataddo.__all__:
        assert getattr(pulumi_dataddo.native, name) is not None
