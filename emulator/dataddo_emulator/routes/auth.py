"""POST /auth, and token refresh in both documented forms."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel

from dataddo_emulator.errors import unauthorized
from dataddo_emulator.routes.deps import API_PREFIX, Emu

router = APIRouter(prefix=API_PREFIX, tags=["auth"])


class AuthRequest(BaseModel):
    email: str
    password: str


class RefreshRequest(BaseModel):
    refresh_token: str


@router.post("/auth")
def login(body: AuthRequest, request: Request, emu: Emu) -> dict[str, Any]:
    """Tokens for a user: `access_token`, `refresh_token`, `expires_in` (seconds)."""
    customer, tokens = emu.auth.login(body.email, body.password)
    request.state.customer_id = customer
    return tokens


@router.post("/refresh")
def refresh(body: RefreshRequest, request: Request, emu: Emu) -> dict[str, Any]:
    """A new access token for a refresh token (the docs' form)."""
    customer, tokens = emu.auth.refresh(body.refresh_token)
    request.state.customer_id = customer
    return tokens


@router.get("/refresh")
def refresh_by_header(
    request: Request,
    emu: Emu,
    x_refresh_token: Annotated[str | None, Header(description="the refresh_token")] = None,
) -> dict[str, Any]:
    """A new access token for the refresh token in `X-Refresh-Token` (the spec's form)."""
    if not x_refresh_token:
        raise unauthorized("missing X-Refresh-Token header")
    customer, tokens = emu.auth.refresh(x_refresh_token)
    request.state.customer_id = customer
    return tokens
