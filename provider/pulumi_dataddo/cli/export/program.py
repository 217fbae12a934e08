"""The generated `__main__.py`: one statement per declaration, a section per kind (services,
sources, destinations, flows), formatted as `ruff format` would."""

from __future__ import annotations

from pulumi_dataddo.cli.export.plan import ORDER, Export
from pulumi_dataddo.cli.export.pycode import statement


def render(export: Export, account: str) -> str:
    """The program declaring everything in `export`, read from `account`."""
    account = account.replace("\\", "\\\\").replace('"', '\\"')
    docstring = (
        '"""Dataddo objects as `pulumi-dataddo export` read them, each adopted by its id.\n\n'
        f"Account: {account}\n"
        "`pulumi up` takes the objects over (`adopt_id`) and creates nothing in Dataddo;\n"
        'README.md lists the secrets to set first.\n"""\n'
    )
    blocks = [docstring, _imports(export)]
    for kind in ORDER:
        statements = [statement(r.name, r.call) for r in export.resources if r.kind == kind]
        if statements:
            blocks.append(f"# {kind}s\n" + statements[0])
            blocks.extend(statements[1:])
    return "\n".join(blocks)


def _imports(export: Export) -> str:
    if not export.resources:
        return "# The account has no object this program can declare (README.md).\n"
    if not export.secrets:
        return "import pulumi_dataddo as dataddo\n"
    return "import pulumi\nimport pulumi_dataddo as dataddo\n\ncfg = pulumi.Config()\n"
