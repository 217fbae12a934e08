"""The scenarios: one test each; `make acceptance` runs this package."""
