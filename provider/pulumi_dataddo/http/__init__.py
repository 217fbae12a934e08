"""The HTTP client of the Dataddo headless API (no Pulumi imports)."""
