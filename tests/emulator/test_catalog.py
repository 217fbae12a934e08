"""The committed catalogs are what `tools/catalog/build.py` makes of the published spec."""

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BUILD = Path(__file__).resolve().parents[2] / "tools" / "catalog" / "build.py"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalog_build", BUILD)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("which", [0, 1], ids=["provider", "emulator"])
def test_committed_catalog_is_the_generators_output(openapi: dict[str, Any], which: int) -> None:
    build = _build_module()
    path = (build.PROVIDER_CATALOG, build.EMULATOR_CATALOG)[which]
    expected = build.dump(build.build(openapi)[which])
    assert path.read_text("utf-8") == expected, f"run: python {BUILD} SPEC"
