"""Route keys, "METHOD /path/template", as fault rules and the journal name routes."""

from collections.abc import Iterable

from starlette.routing import BaseRoute, Match, Route
from starlette.types import Scope


def route_keys(routes: Iterable[BaseRoute]) -> set[str]:
    """Every key the routes answer."""
    return {
        f"{method} {route.path}"
        for route in routes
        if isinstance(route, Route)
        for method in route.methods or ()
    }


def match(routes: Iterable[BaseRoute], scope: Scope) -> str | None:
    """The key of the route a request will reach, None when none matches fully."""
    for route in routes:
        if isinstance(route, Route) and route.matches(scope)[0] is Match.FULL:
            return f"{scope['method']} {route.path}"
    return None
