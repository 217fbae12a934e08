"""Pulumi dynamic resource providers for the Dataddo headless API."""
