"""The routes every kind of object has alike: list, detail and delete."""

from sqlite3 import Connection
from typing import Any, Protocol

from fastapi import APIRouter, Response

from dataddo_emulator.routes.deps import Customer, Emu


class Kind(Protocol):
    """A domain module: `listing`, `detail` and `delete` of one kind of object."""

    def listing(self, db: Connection, customer: str, /) -> list[dict[str, Any]]: ...

    def detail(self, db: Connection, customer: str, object_id: str, /) -> dict[str, Any]: ...

    def delete(self, db: Connection, customer: str, object_id: str, /) -> None: ...


def add_collection_routes(router: APIRouter, name: str, kind: Kind, delete_doc: str) -> None:
    """`GET /{name}`, `GET /{name}/{id}` and `DELETE /{name}/{id}` (204) on `router`."""

    @router.get(f"/{name}", name=f"list {name}")
    def listing(emu: Emu, customer: Customer) -> list[dict[str, Any]]:
        return emu.run(kind.listing, customer)

    @router.get(f"/{name}/{{id}}", name=f"get one of {name}")
    def detail(id: str, emu: Emu, customer: Customer) -> dict[str, Any]:
        return emu.run(kind.detail, customer, id)

    @router.delete(f"/{name}/{{id}}", status_code=204, description=delete_doc)
    def delete(id: str, emu: Emu, customer: Customer) -> Response:
        emu.run(kind.delete, customer, id)
        return Response(status_code=204)
