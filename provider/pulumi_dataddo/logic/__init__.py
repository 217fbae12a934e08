"""Resource logic over plain dicts and a client object (no Pulumi imports)."""
