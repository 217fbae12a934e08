"""Steps every resource shares: reading what may be gone, deleting, adopting, confirming."""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn, TypeVar

from pulumi_dataddo import diagnostics
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.errors import Conflict, NotFound
from pulumi_dataddo.logic.account import Ledger

T = TypeVar("T")


def unless_gone(get: Callable[[], T | None]) -> T | None:
    """`get()`, or None when the object no longer exists (404)."""
    try:
        return get()
    except NotFound:
        return None


def delete(ledger: Ledger, kind: str, id_: str, call: Callable[[], None]) -> None:
    """Delete an object; already gone counts as deleted, in use is explained. An object another
    resource adopted in this run stays (a renamed resource, or a replacement, took it over):
    only the resource that held it before leaves the state."""
    if ledger.was_adopted(kind, id_):
        diagnostics.logger.info("%s %s kept: adopted in this run by another resource", kind, id_)
        return
    _delete(kind, id_, call)


def _delete(kind: str, id_: str, call: Callable[[], None]) -> None:
    try:
        call()
    except NotFound:
        return
    except Conflict as exc:
        raise DataddoError(
            f"{kind} {id_} is still in use and was not deleted: {exc.detail}; "
            "delete or change what uses it first"
        ) from None


def roll_back(kind: str, id_: str, call: Callable[[], None], failure: Exception) -> NoReturn:
    """Delete an object this create made when finishing it failed, so that no orphan outlives
    the failed create (Pulumi records nothing for it); raise `failure`, saying so."""
    try:
        _delete(kind, id_, call)
    except DataddoError as exc:
        raise DataddoError(
            f"{failure}; deleting the new {kind} failed too ({exc}): delete it in Dataddo, or "
            f"adopt it with adopt_id={id_!r}"
        ) from None
    raise DataddoError(f"{failure}; the new {kind} was deleted again")


def adopted(ledger: Ledger, kind: str, id_: str, get: Callable[[], T | None]) -> T:
    """The existing object to adopt, or a clear error when this account has none with `id_` or
    the stack holds it already (another resource adopted it, or it is the object this resource
    replaces: adopting it would delete it once the replacement is done). The caller records it
    in the ledger once adopted."""
    if ledger.holds(kind, id_):
        raise DataddoError(
            f"adopt_id {id_}: the stack already holds {kind} {id_} (another resource adopted it, "
            "or this resource is being replaced and it is the object replaced); remove adopt_id "
            "(or its dataddo:adopt entry), which matters only the first time"
        )
    found = unless_gone(get)
    if found is None:
        raise DataddoError(f"adopt_id {id_}: this Dataddo account has no {kind} with this id")
    return found


def verify_kind(kind: str, id_: str, what: str, actual: object, declared: object) -> None:
    """Refuse to adopt an object of another kind (service type, connector, app)."""
    if actual != declared:
        raise DataddoError(
            f"adopt_id {id_}: {kind} {id_} has {what} {actual!r}, not the declared {declared!r}"
        )


def confirm(kind: str, id_: str, what: str, answered: object, sent: object) -> None:
    """Refuse an update whose answer does not show what was sent, rather than record in state
    what the API did not take."""
    if answered != sent:
        raise DataddoError(
            f"{kind} {id_}: the API answered the update with {what} {answered!r}, not the "
            f"{sent!r} that was sent; nothing was recorded: run `pulumi refresh` to see what "
            "the object holds"
        )
