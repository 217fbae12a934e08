"""The HTTP routes, one module per kind of object; the handlers are thin over `domain`."""
