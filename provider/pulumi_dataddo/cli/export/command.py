"""The `export` subcommand: read an account, write a Pulumi program that adopts all of it."""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Mapping
from pathlib import Path

from pulumi_dataddo.cli.command import CliError, Command
from pulumi_dataddo.cli.export import program, project
from pulumi_dataddo.cli.export.plan import plan
from pulumi_dataddo.cli.export.reader import read
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.settings import Settings, resolve

# Pulumi's rule for project and stack names.
_PULUMI_NAME = re.compile(r"[A-Za-z0-9_.-]{1,100}")


def _pulumi_name(text: str) -> str:
    if not _PULUMI_NAME.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r}: letters, digits, _, . and - only")
    return text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="DIR", help="the project directory")
    parser.add_argument(
        "--base-url", help="the API root (default: DATADDO_BASE_URL, else the real API)"
    )
    parser.add_argument("--email", help="the API user (default: DATADDO_EMAIL)")
    parser.add_argument(
        "--password-env",
        metavar="NAME",
        help="the environment variable holding the password (default: DATADDO_PASSWORD)",
    )
    parser.add_argument(
        "--access-token-env",
        metavar="NAME",
        help="the environment variable holding an access token, used instead of logging in "
        "(default: DATADDO_ACCESS_TOKEN)",
    )
    parser.add_argument(
        "--project", type=_pulumi_name, default="dataddo-account", help="the Pulumi project name"
    )
    parser.add_argument(
        "--stack", type=_pulumi_name, default="dev", help="the stack of the sample stack config"
    )
    parser.add_argument("--force", action="store_true", help="overwrite files DIR already has")


def settings(args: argparse.Namespace, environ: Mapping[str, str]) -> Settings:
    """The provider's settings, flags first: `--password-env` and `--access-token-env` name
    environment variables, so that no secret is ever a command-line argument."""
    flags = {
        "dataddo:baseUrl": args.base_url,
        "dataddo:email": args.email,
        "dataddo:password": _variable(environ, args.password_env),
        "dataddo:accessToken": _variable(environ, args.access_token_env),
    }
    try:
        found = resolve(flags.get, environ)
        found.require_credentials()
    except DataddoError as error:
        raise CliError(str(error)) from None
    return found


def _variable(environ: Mapping[str, str], name: str | None) -> str | None:
    if name is None:
        return None
    if not environ.get(name):
        raise CliError(f"the environment variable {name} is not set")
    return environ[name]


def run(args: argparse.Namespace) -> int:
    directory = Path(args.out)
    taken = [name for name in project.file_names(args.stack) if (directory / name).exists()]
    if taken and not args.force:
        raise CliError(f"{directory} already has {', '.join(taken)} (--force overwrites)")
    found = settings(args, os.environ)
    try:
        export = plan(read(DataddoClient(found)))
    except DataddoError as error:
        raise CliError(f"reading the account failed: {error}") from None
    email = None if found.access_token else found.email
    target = project.Target(found.base_url, email, args.project, args.stack)
    _write(directory, project.files(export, target, program.render(export, target.account)))
    left_out = f"; {len(export.skipped)} left out (README.md)" if export.skipped else ""
    print(
        f"wrote {directory}: {export.counts()}{left_out}; set the {len(export.secrets) + 1} "
        "secrets README.md lists, then run `pulumi up`"
    )
    return 0


def _write(directory: Path, files: Mapping[str, str]) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (directory / name).write_text(text, encoding="utf-8")
    except OSError as error:
        raise CliError(f"{directory}: cannot write it: {error.strerror or error}") from None


COMMAND = Command(
    name="export",
    summary="Write a Pulumi program that declares and adopts every service, source and flow "
    "of a Dataddo account.",
    add_arguments=add_arguments,
    run=run,
)
