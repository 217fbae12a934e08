"""The `pulumi-dataddo` console script (`main.py`) and its subcommands."""
