"""The files of an exported project: YAML Pulumi reads, a README whose commands set every
secret the program reads, and no credential of the endpoint's URL anywhere."""

from __future__ import annotations

import re

import yaml

from pulumi_dataddo.cli.export import program, project
from pulumi_dataddo.cli.export.plan import plan
from tests.provider.cli.exports import TARGET, account

COMMAND = re.compile(r"^pulumi config set --secret (\S+) '(.*)'$", re.MULTILINE)


def test_the_project_files() -> None:
    export = plan(account())
    files = project.files(export, TARGET, program.render(export, TARGET.account))
    assert list(files) == list(project.file_names("prod"))
    assert yaml.safe_load(files["Pulumi.yaml"]) == {
        "name": "dataddo-account",
        "description": "The Dataddo account api@example.com at "
        "https://headless.dataddo.com/customer-api/v1, exported.",
        "runtime": {"name": "python", "options": {"toolchain": "pip", "virtualenv": "venv"}},
    }
    assert yaml.safe_load(files["Pulumi.prod.yaml"]) == {
        "config": {
            "dataddo:baseUrl": "https://headless.dataddo.com/customer-api/v1",
            "dataddo:email": "api@example.com",
        }
    }
    assert files["requirements.txt"].startswith("pulumi-dataddo>=")


def test_the_readme_sets_every_secret_the_program_reads() -> None:
    export = plan(account())
    readme = project.readme(export, TARGET)
    text = program.render(export, TARGET.account)
    commands = dict(COMMAND.findall(readme))
    assert commands == {
        "dataddo:password": "…",
        "snapchatConfig": '{"staticKey": "…", "clientId": "…", "clientSecret": "…", '
        '"redirectUri": "…"}',
        "madeByHandConfig": commands["snapchatConfig"],
    }
    read = set(re.findall(r'cfg\.require_secret(?:_object)?\("(\w+)"\)', text))
    assert read == set(commands) - {"dataddo:password"}
    assert (
        "## Not exported\n\n- destination `6b1108da9f8e7d6c5b4a3f2e` (Warehouse): the API shows"
        in readme
    )


def test_an_access_token_account_and_a_url_with_credentials() -> None:
    target = project.Target("https://user:pw-123456@example.com/v1", None, "p", "dev")
    export = plan(account())
    readme = project.readme(export, target)
    assert "pulumi config set --secret dataddo:accessToken '…'" in readme
    stack = project.stack_yaml(target)
    assert yaml.safe_load(stack) == {
        "config": {"dataddo:baseUrl": "https://[secret]@example.com/v1"}
    }
    for text in (
        readme,
        stack,
        project.pulumi_yaml(target),
        program.render(export, target.account),
    ):
        assert "pw-123456" not in text
