"""`pulumi-dataddo export` as a command: settings from flags and the environment (never a
secret as an argument), one-line failures, and files it will not overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from pulumi_dataddo.cli.command import CliError
from pulumi_dataddo.cli.export.command import settings
from pulumi_dataddo.cli.main import main, parser
from pulumi_dataddo.settings import Settings


def _settings(argv: list[str], environ: dict[str, str]) -> Settings:
    return settings(parser().parse_args(["export", "--out", "x", *argv]), environ)


def test_flags_come_before_the_environment_and_name_variables_for_secrets() -> None:
    environ = {"DATADDO_EMAIL": "env@example.com", "DATADDO_PASSWORD": "env-pw", "PW": "flag-pw"}
    url = "http://127.0.0.1:8004/customer-api/v1/"
    flags = ["--base-url", url, "--email", "flag@example.com", "--password-env", "PW"]
    found = _settings(flags, environ)
    assert (found.base_url, found.email, found.password) == (
        "http://127.0.0.1:8004/customer-api/v1",
        "flag@example.com",
        "flag-pw",
    )
    from_env = _settings([], environ)
    assert (from_env.email, from_env.password) == ("env@example.com", "env-pw")
    token = _settings(["--access-token-env", "TOKEN"], {"TOKEN": "tok-123456"})
    assert token.access_token == "tok-123456"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--password-env", "NOPE"], "the environment variable NOPE is not set"),
        ([], "no Dataddo credentials"),
        (["--email", "a@example.com"], "dataddo:email is set but dataddo:password is not"),
        (["--base-url", "ftp://x", "--access-token-env", "T"], r"must be an http\(s\) URL"),
    ],
)
def test_unusable_settings_fail_in_one_line(argv: list[str], message: str) -> None:
    with pytest.raises(CliError, match=message):
        _settings(argv, {"T": "t"})


def test_files_in_the_way_are_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text("mine")
    (tmp_path / "Pulumi.prod.yaml").write_text("mine")
    assert main(["export", "--out", str(tmp_path), "--stack", "prod"]) == 1
    assert capsys.readouterr().err == (
        f"pulumi-dataddo export: {tmp_path} already has Pulumi.prod.yaml, README.md "
        "(--force overwrites)\n"
    )
    assert (tmp_path / "README.md").read_text() == "mine"


def test_project_and_stack_names_are_pulumi_names(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--out", "x", "--stack", "my stack"])
    assert "'my stack': letters, digits, _, . and - only" in capsys.readouterr().err
