"""Services: create in the current, deprecated and typed forms; read, update, delete, debug."""

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from dataddo_emulator.domain import services
from dataddo_emulator.errors import bad_request
from dataddo_emulator.routes.collection import add_collection_routes
from dataddo_emulator.routes.deps import API_PREFIX, Customer, Emu

router = APIRouter(prefix=API_PREFIX, tags=["services"])
add_collection_routes(router, "services", services, "Delete a service; 409 while a source uses it.")

Label = Field(None, min_length=1)
_CONFIGS = ("config", "data")
_WRAPPER_KEYS = {"serviceName", "service", *_CONFIGS}


class CreateService(BaseModel):
    """`{serviceName, config}` or the seed's deprecated `{service, data}`, and a `label`."""

    model_config = ConfigDict(extra="forbid")

    service_name: str | None = Field(None, alias="serviceName")
    config: dict[str, Any] | None = None
    service: str | None = Field(None, deprecated=True)
    data: dict[str, Any] | None = Field(None, deprecated=True)
    label: str | None = Label


class UpdateService(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str | None = Label
    config: dict[str, Any] | None = Field(None, description="merged over the stored config")


def _one_of(current: str, current_value: Any, deprecated: str, deprecated_value: Any) -> Any:
    """The value given under the current name or its deprecated one, not both, not neither."""
    if current_value is not None and deprecated_value is not None:
        raise bad_request(current, f"give {current} or the deprecated {deprecated}, not both")
    if current_value is None and deprecated_value is None:
        raise bad_request(current, "required")
    return deprecated_value if current_value is None else current_value


@router.post("/services")
def create(body: CreateService, emu: Emu, customer: Customer) -> dict[str, int]:
    """Create a service; answer `{"id": 1000}` (the seed's shape)."""
    name = _one_of("serviceName", body.service_name, "service", body.service)
    config = _one_of("config", body.config, "data", body.data)
    return {"id": emu.run(services.create, customer, name, config, body.label)}


@router.post("/services/{service_name}")
def create_typed(
    service_name: str, body: dict[str, Any], emu: Emu, customer: Customer
) -> dict[str, int]:
    """Create a service of the type in the path. The body is the config (plus `label`), or
    wrapped as in `POST /services` (the spec's typed paths take `{service, data}`)."""
    config = dict(body)
    label = config.pop("label", None)
    if label is not None and not (isinstance(label, str) and label):
        raise bad_request("label", "must be a non-empty string")
    if set(config) <= _WRAPPER_KEYS and any(isinstance(config.get(k), dict) for k in _CONFIGS):
        if {"service", "serviceName"} & set(config):
            named = _one_of(
                "serviceName", config.get("serviceName"), "service", config.get("service")
            )
            if named != service_name:
                raise bad_request("service", f"must be {service_name!r}, the type in the path")
        config = _one_of("config", config.get("config"), "data", config.get("data"))
    return {"id": emu.run(services.create, customer, service_name, config, label)}


@router.put("/services/{id}")
def update(id: str, body: UpdateService, emu: Emu, customer: Customer) -> dict[str, Any]:
    return emu.run(services.update, customer, id, body.label, body.config)


@router.get("/services/{id}/debug")
def debug(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
    return emu.run(services.debug, customer, id)
