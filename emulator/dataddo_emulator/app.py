"""The app factory: FastAPI with the routes and error handlers, inside the fault/journal layer."""

from fastapi import FastAPI

from dataddo_emulator.context import Emulator
from dataddo_emulator.errors import install_handlers
from dataddo_emulator.pipeline import Pipeline
from dataddo_emulator.routes import (
    auth,
    connectors,
    destinations,
    flows,
    hooks,
    services,
    sources,
)


def create_fastapi(emu: Emulator) -> FastAPI:
    """The API and the /_emulator hooks, without faults or journal (see `create_app`)."""
    app = FastAPI(
        title="Dataddo headless API emulator",
        version="1.0.0",
        description="A local emulator of the Dataddo headless API, for tests.",
        redoc_url=None,
        # The spec declares each path once: `/sources/` is no path of it, so no 307 to one.
        redirect_slashes=False,
    )
    app.state.emulator = emu
    install_handlers(app)
    for module in (auth, services, connectors, sources, destinations, flows, hooks):
        app.include_router(module.router)
    return app


def create_app(emu: Emulator) -> Pipeline:
    """The ASGI app to serve: the API with fault injection and the request journal."""
    return Pipeline(create_fastapi(emu), emu)
