"""Route keys, "METHOD /path/template", as fault rules and the journal name routes.

Read from the app's OpenAPI document rather than its router, whose internals vary between
FastAPI versions.
"""

import re
from collections.abc import Mapping
from typing import Any

_METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


class RouteTable:
    """The API's routes, to name the one a request will reach before it is dispatched."""

    def __init__(self, paths: Mapping[str, Mapping[str, Any]], prefix: str) -> None:
        routes = [
            (method.upper(), template)
            for template, operations in paths.items()
            if template.startswith(prefix)
            for method in operations
            if method in _METHODS
        ]
        self.keys = {f"{method} {template}" for method, template in routes}
        # literal segments win over parameters: fewest parameters first
        routes.sort(key=lambda route: route[1].count("{"))
        self._patterns = [
            (method, template, re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))))
            for method, template in routes
        ]

    def match(self, method: str, path: str) -> str | None:
        """The key of the route `method path` reaches; None when no route takes it."""
        for route_method, template, pattern in self._patterns:
            if route_method == method and pattern.fullmatch(path):
                return f"{method} {template}"
        return None
