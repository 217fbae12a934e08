"""`pulumi-dataddo review` as a command: output, `--out`, `--fail-on` and one-line failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pulumi_dataddo.cli.main import main
from tests.provider.cli.plans import flow_replace, plan, service_update


def write(tmp_path: Path, document: Any, name: str = "plan.json") -> str:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return str(path)


def test_prints_the_review_and_passes_without_fail_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", write(tmp_path, plan(flow_replace()))]) == 0
    out, err = capsys.readouterr()
    assert "### `+-` replace Flow `flow`" in out
    assert err == ""


@pytest.mark.parametrize(
    ("fail_on", "status", "said"),
    [
        ("replace,delete", 2, "1 to replace (--fail-on)"),
        ("replace", 2, "1 to replace (--fail-on)"),
        ("update, create", 2, "1 to update (--fail-on)"),
        ("delete,create", 0, ""),
    ],
)
def test_fail_on_gates_on_dataddo_actions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fail_on: str, status: int, said: str
) -> None:
    path = write(tmp_path, plan(flow_replace(), service_update()))
    assert main(["review", path, "--fail-on", fail_on]) == status
    out, err = capsys.readouterr()
    assert "### `+-` replace Flow `flow`" in out  # printed either way
    assert err == (f"pulumi-dataddo review: {path}: {said}\n" if said else "")


def test_fail_on_ignores_other_resources_and_fails_incomplete_plans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = {"op": "delete", "urn": "urn:pulumi:test::e2e::acme:stack:Group::group"}
    assert main(["review", write(tmp_path, plan(other)), "--fail-on", "delete"]) == 0
    failed = plan(diagnostics=[{"message": "error: boom", "severity": "error"}])
    assert main(["review", write(tmp_path, failed), "--fail-on", "delete"]) == 2
    assert capsys.readouterr().err.endswith(": the preview failed (--fail-on)\n")


def test_out_writes_the_file_instead(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "review.md"
    assert main(["review", write(tmp_path, plan(flow_replace())), "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert "### `+-` replace Flow `flow`" in out.read_text()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (None, "cannot read it: No such file or directory"),
        ("", "not JSON (Expecting value, line 1 column 1)"),
        ('{"steps": [', "not JSON (Expecting value, line 1 column 12)"),
        ('{"a": 1}', 'not a plan this tool can read: no "steps" or "changeSummary"'),
        ('{"steps": [{"op": "same"}]}', 'not a plan this tool can read: step 1 has no "op"'),
    ],
)
def test_an_unreadable_plan_fails_in_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, error: str
) -> None:
    path = str(tmp_path / "plan.json") if content is None else write(tmp_path, content)
    assert main(["review", path]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"pulumi-dataddo review: {path}: {error}")
    assert err.count("\n") == 1


def test_bytes_that_are_not_text_fail_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b"\xff\xfe{")
    assert main(["review", str(path)]) == 1
    assert capsys.readouterr().err == f"pulumi-dataddo review: {path}: not UTF-8 text\n"


@pytest.mark.parametrize("argv", [["review"], ["review", "p.json", "--fail-on", "replce"], []])
def test_usage_errors_exit_1(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 1
    assert "usage: pulumi-dataddo" in capsys.readouterr().err


def test_an_unforeseen_failure_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A `pulumi` whose JSON has a shape no release prints: the command fails in one line.
    fake = tmp_path / "pulumi"
    fake.write_text("#!/bin/sh\necho '{\"unexpected\": true}'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.delenv("PULUMI_DATADDO_DEBUG", raising=False)
    assert main(["unmanaged", "--cwd", str(tmp_path), "--stack", "dev", "--since", "any"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pulumi-dataddo unmanaged: unexpected ")
    assert err.count("\n") == 1
    monkeypatch.setenv("PULUMI_DATADDO_DEBUG", "1")
    with pytest.raises(Exception):  # noqa: B017, PT011 -- whatever it was, raised as is
        main(["unmanaged", "--cwd", str(tmp_path), "--stack", "dev", "--since", "any"])


def test_a_refused_connection_is_one_line_naming_the_url(tmp_path: Path) -> None:
    # The console script as users run it: no test harness's log handlers in the process.
    env = {
        **os.environ,
        "DATADDO_BASE_URL": "http://127.0.0.1:9/customer-api/v1",
        "DATADDO_ACCESS_TOKEN": "t",
    }
    done = subprocess.run(
        [str(Path(sys.prefix) / "bin" / "pulumi-dataddo"), "export", "--out", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1, done.stderr  # no library warning before it
    assert "could not connect (connection refused or host unknown)" in done.stderr
    assert "http://127.0.0.1:9/customer-api/v1/services" in done.stderr
