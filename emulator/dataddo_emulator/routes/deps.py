"""What handlers depend on: the emulator, the bearer token, the caller's customer; and the base
of bodies with a label."""

from typing import Annotated, cast

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from dataddo_emulator.context import Emulator
from dataddo_emulator.errors import check_label

API_PREFIX = "/customer-api/v1"

_bearer = HTTPBearer(auto_error=False, description="The access_token from POST /auth")


async def _emulator(request: Request) -> Emulator:
    return cast(Emulator, request.app.state.emulator)


async def _bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str | None:
    return credentials.credentials if credentials else None


Emu = Annotated[Emulator, Depends(_emulator)]
Bearer = Annotated[str | None, Depends(_bearer_token)]
# Sent back by clients as the login answered them; checked where sent.
RealmId = Annotated[str | None, Header(description="the realm_id of the login")]
RealmProvider = Annotated[str | None, Header(description="the provider of the login")]


async def _customer(
    request: Request,
    emu: Emu,
    token: Bearer,
    x_realm_id: RealmId = None,
    x_provider: RealmProvider = None,
) -> str:
    customer = emu.auth.customer_of(token)
    request.state.customer_id = customer  # for the journal
    emu.auth.check_realm(customer, x_realm_id, x_provider)
    return customer


Customer = Annotated[str, Depends(_customer)]


class Labelled(BaseModel):
    """A body of a fixed shape with an optional `label`; DECIDED: unknown fields are a 400."""

    model_config = ConfigDict(extra="forbid")

    # any JSON value, so that every bad label gets the one answer of `check_label`
    label: object = Field(None, json_schema_extra={"type": "string"})

    def given_label(self) -> str | None:
        """The label, when the body has one (null included: it is refused)."""
        return check_label(self.label) if "label" in self.model_fields_set else None
