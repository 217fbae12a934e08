"""The files of the generated project besides the program: Pulumi.yaml, requirements.txt, the
sample stack config and the README that lists the secrets to set and what was left out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata

from pulumi_dataddo.cli.export import credentials
from pulumi_dataddo.cli.export.plan import Export, Secret
from pulumi_dataddo.cli.review.masking import scrub

PACKAGE = "pulumi-dataddo"


@dataclass(frozen=True)
class Target:
    """The account read, and the project and stack the files are for."""

    base_url: str
    email: str | None  # None: the account was read with an access token
    project: str
    stack: str

    @property
    def account(self) -> str:
        """The account, for people (credentials in the URL masked)."""
        where = scrub(self.base_url)
        return f"{self.email} at {where}" if self.email else where

    @property
    def login(self) -> str:
        """The stack config key of the secret the provider logs in with."""
        return "dataddo:password" if self.email else "dataddo:accessToken"


def file_names(stack: str) -> tuple[str, ...]:
    """The files of the project, in the order `files` gives them."""
    return ("Pulumi.yaml", "__main__.py", "requirements.txt", f"Pulumi.{stack}.yaml", "README.md")


def files(export: Export, target: Target, program: str) -> dict[str, str]:
    """File name -> text of every file of the project."""
    texts = (
        pulumi_yaml(target),
        program,
        f"{PACKAGE}>={metadata.version(PACKAGE)}\n",
        stack_yaml(target),
        readme(export, target),
    )
    return dict(zip(file_names(target.stack), texts, strict=True))


def pulumi_yaml(target: Target) -> str:
    return (
        f"name: {json.dumps(target.project)}\n"
        f"description: {json.dumps(f'The Dataddo account {target.account}, exported.')}\n"
        "runtime:\n  name: python\n  options:\n    toolchain: pip\n    virtualenv: venv\n"
    )


def stack_yaml(target: Target) -> str:
    """The stack's config without secrets (README.md lists those)."""
    lines = [
        "# Stack config without secrets, written by `pulumi-dataddo export`; README.md lists",
        "# the secrets to set.",
        "config:",
        f"  dataddo:baseUrl: {json.dumps(scrub(target.base_url))}",
    ]
    if target.email:
        lines.append(f"  dataddo:email: {json.dumps(target.email)}")
    return "\n".join(lines) + "\n"


README = """\
# {project}

A Pulumi program of the Dataddo account {account},
written by `pulumi-dataddo export`. It declares {counts}, each with its
current settings and adopted by its id (`adopt_id`): the first `pulumi up` takes them over
and creates nothing in Dataddo (Pulumi counts each adoption as a create).

## Run it

```sh
pulumi stack init {stack}
{commands}
pulumi up
pulumi preview --expect-no-changes
```

Pulumi.{stack}.yaml holds the stack's config without secrets. `pulumi install` (or the first
`pulumi up`) creates `venv` and installs requirements.txt into it; when {package} is not on
your package index, install it there from your copy (`venv/bin/pip install PATH`). Each `…`
stands for a value to set; a command without the value prompts for it, which keeps it out of
your shell history.

## Secrets

The program reads these from stack config; the API never shows them.

| key | what |
| --- | --- |
{rows}

## Before the first `pulumi up`

- Adopting a service writes the config you set over its stored credentials: set the
  credentials it should keep.
- Manage each object from one stack only: if another stack manages one of them, remove it
  from one of the two (`pulumi state delete` there).
- Taking a declaration out of the program, or `pulumi destroy`, deletes the object in
  Dataddo; `opts=pulumi.ResourceOptions(retain_on_delete=True)` keeps it.
"""


def readme(export: Export, target: Target) -> str:
    """How to run the program (install, stack, secrets), then what it left out and what to
    check by hand."""
    login = Secret(target.login, "what the provider logs in with", credentials.FILLER)
    secrets = (login, *export.secrets)
    text = README.format(
        project=target.project,
        account=target.account,
        counts=export.counts(),
        stack=target.stack,
        package=PACKAGE,
        commands="\n".join(f"pulumi config set --secret {s.key} '{s.example}'" for s in secrets),
        rows="\n".join(f"| `{s.key}` | {s.about} |" for s in secrets),
    )
    if export.skipped:
        text += "\n## Not exported\n\n" + "".join(
            f"- {s.kind.lower()} `{s.id}`{f' ({s.label})' if s.label else ''}: {s.why}.\n"
            for s in export.skipped
        )
    if export.notes:
        text += "\n## To check\n\n" + "".join(f"- {note}\n" for note in export.notes)
    return text
