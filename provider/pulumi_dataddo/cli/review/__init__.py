"""`pulumi-dataddo review`: a `pulumi preview --json` plan as a pull-request comment.

`plan` reads the plan into plain data, masking every value as it is read (`masking`; property
paths in `paths`); `kinds` holds what replacing or deleting each Dataddo kind costs; `markdown`
writes the comment; `command` is the subcommand.
"""
