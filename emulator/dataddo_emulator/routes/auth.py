"""POST /auth, and token refresh in the two documented forms (no other)."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, ConfigDict

from dataddo_emulator.routes.deps import API_PREFIX, Bearer, Emu, RealmId, RealmProvider

router = APIRouter(prefix=API_PREFIX, tags=["auth"])


class AuthRequest(BaseModel):
    email: str
    password: str


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str


@router.post("/auth")
def login(body: AuthRequest, request: Request, emu: Emu) -> dict[str, Any]:
    """A `SecurityDto`: `access_token`, `refresh_token`, `provider`, `realm_id`, `expires_in`."""
    customer, tokens = emu.auth.login(body.email, body.password)
    request.state.customer_id = customer
    return tokens


@router.post("/refresh")
def refresh(
    body: RefreshRequest,
    token: Bearer,
    *,
    request: Request,
    emu: Emu,
    x_realm_id: RealmId = None,
    x_provider: RealmProvider = None,
) -> dict[str, Any]:
    """The docs' form: the refresh token in the body and, as bearer, the access token issued
    with it (expired or not)."""
    realm = (x_realm_id, x_provider)
    customer, tokens = emu.auth.refresh(body.refresh_token, token, realm, bearer_required=True)
    request.state.customer_id = customer
    return tokens


@router.get("/refresh")
def refresh_by_header(
    x_refresh_token: Annotated[str, Header(description="the refresh_token")],
    x_realm_id: Annotated[str, Header(description="the realm_id of the login")],
    x_provider: Annotated[str, Header(description="the provider of the login")],
    *,
    token: Bearer,
    request: Request,
    emu: Emu,
) -> dict[str, Any]:
    """The spec's form: the refresh token in `X-Refresh-Token`, with the login's `X-Realm-Id`
    and `X-Provider`; a bearer is optional (checked as in the docs' form when sent)."""
    realm = (x_realm_id, x_provider)
    customer, tokens = emu.auth.refresh(x_refresh_token, token, realm, bearer_required=False)
    request.state.customer_id = customer
    return tokens
