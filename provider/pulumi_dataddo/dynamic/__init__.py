"""Thin Pulumi adapters: the dynamic Resource classes and their ResourceProviders."""
