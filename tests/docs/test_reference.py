"""The reference tables in docs/resources.md are the field specs, rendered: current, always."""

from __future__ import annotations

from harness.engine import REPO
from pulumi_dataddo.fields import reference


def test_the_resource_tables_are_current() -> None:
    document = (REPO / "docs" / "resources.md").read_text("utf-8")
    assert reference.update(document) == document, (
        "docs/resources.md is stale: run `python -m pulumi_dataddo.fields.reference "
        "docs/resources.md`"
    )
    for kind in (*reference.SPECS, "Schedule"):
        assert f"<!-- fields:{kind} -->" in document
