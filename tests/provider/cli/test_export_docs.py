"""docs/export.md's example is what the export writes for the account it describes
(`tests/provider/cli/exports.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_dataddo.cli.export import program, project
from pulumi_dataddo.cli.export.plan import plan
from tests.provider.cli.exports import TARGET, account

DOC = Path(__file__).resolve().parents[3] / "docs" / "export.md"


def _block(text: str, title: str, opening: str) -> str:
    """The fenced block that opens with `opening` right after the line `title`."""
    start = text.index(f"{title}\n\n{opening}\n") + len(title) + len(opening) + 3
    fence = opening.rstrip("abcdefghijklmnopqrstuvwxyz")
    return text[start : text.index(f"\n{fence}\n", start) + 1]


@pytest.mark.parametrize(
    ("name", "opening"),
    [("__main__.py", "```python"), ("README.md", "````markdown"), ("Pulumi.prod.yaml", "```yaml")],
)
def test_the_docs_example_is_what_the_export_writes(name: str, opening: str) -> None:
    export = plan(account())
    files = project.files(export, TARGET, program.render(export, TARGET.account))
    assert _block(DOC.read_text(), f"`{name}`:", opening) == files[name]
