"""What handlers depend on: the emulator and the caller's customer."""

from typing import Annotated, cast

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dataddo_emulator.context import Emulator

API_PREFIX = "/customer-api/v1"

_bearer = HTTPBearer(auto_error=False, description="The access_token from POST /auth")


async def _emulator(request: Request) -> Emulator:
    return cast(Emulator, request.app.state.emulator)


Emu = Annotated[Emulator, Depends(_emulator)]


async def _customer(
    request: Request,
    emu: Emu,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    customer = emu.auth.customer_of(credentials.credentials if credentials else None)
    request.state.customer_id = customer  # for the journal
    return customer


Customer = Annotated[str, Depends(_customer)]
