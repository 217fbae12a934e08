"""docs/review.md's example is what the review prints for the plan it came from: a real
`pulumi preview --json` plan of tests/e2e/test_review.py (sourcePosition and stackTrace
entries removed), kept in data/replace-plan.json."""

from __future__ import annotations

import json
from pathlib import Path

from pulumi_dataddo.cli.review.markdown import render
from pulumi_dataddo.cli.review.plan import parse

HERE = Path(__file__).parent
DOC = HERE.parents[2] / "docs" / "review.md"


def test_the_docs_example_is_the_review_of_its_plan() -> None:
    plan = parse(json.loads((HERE / "data" / "replace-plan.json").read_text()))
    example = DOC.read_text().split("````markdown\n", 1)[1].split("````", 1)[0]
    assert render(plan) == example
