"""The `sweep` subcommand: remove what acceptance runs left behind (docs/acceptance.md)."""
