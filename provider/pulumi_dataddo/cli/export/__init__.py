"""`pulumi-dataddo export`: an account as a Pulumi program that adopts every object in it.

`reader` reads the account through the API; `sources` turns a source's creation parameters
into `Source` arguments; `naming` derives names from labels; `plan` decides every declaration,
secret and omission; `pycode` writes Python as `ruff format` would; `program` writes
`__main__.py`, `project` the other files; `credentials` knows the service types' forms;
`command` is the subcommand.
"""
