"""`pulumi-dataddo export`: an account as a Pulumi program that adopts every object in it.

`reader` reads each object as `pulumi import` does; `plan` decides every declaration, secret and
omission from the field specs; `credentials` knows what must come from stack config; `naming`
derives names from labels; `pycode` writes Python as `ruff format` would; `program` writes
`__main__.py`, `project` the other files; `command` is the subcommand.
"""
