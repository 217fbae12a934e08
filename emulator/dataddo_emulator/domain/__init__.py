"""The objects and their rules, over an open SQLite transaction (routes open it)."""
