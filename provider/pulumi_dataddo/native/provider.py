"""The native provider: the engine's requests <-> resource logic, one resource type per logic.

Resource types are `dataddo:index:<Spec name>` for every kind `logic.registry` finds; property
names are the schema's camelCase (`names.py`). Check and diff run on the event loop and never
call the API; every API call runs on a bounded thread pool (`dataddo:parallelism`), so that the
engine's `--parallel` is what limits. Nothing is kept per resource: settings and the account
are process-wide, as in the dynamic provider.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from pulumi.provider.experimental import provider as rpc
from pulumi.provider.experimental.property_value import PropertyValue

from pulumi_dataddo import redaction, settings
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.fields.base import ALWAYS, ResourceSpec, camel_case
from pulumi_dataddo.fields.validation import Failure
from pulumi_dataddo.fields.values import UNKNOWN, integer_text
from pulumi_dataddo.logic.base import Checked, ResourceLogic
from pulumi_dataddo.logic.registry import logics
from pulumi_dataddo.native import diffs, names, schema
from pulumi_dataddo.native.functions import BY_TOKEN, Function
from pulumi_dataddo.native.values import plain, plain_map, secret_keys, wire_map, wire_value
from pulumi_dataddo.operations import account, reported

T = TypeVar("T")
Props = dict[str, Any]
# Sends a warning about the resource `urn` to the user's console.
Warn = Callable[[str, str], Awaitable[None]]


async def _no_console(_urn: str, _message: str) -> None:
    """Warnings go nowhere (tests without an engine)."""


def _config_value(value: PropertyValue | None) -> str | None:
    """A configuration value as settings read it (text; whole numbers without a fraction)."""
    if value is None:
        return None
    known = plain(value)
    if known is None or known == UNKNOWN:
        return None
    if isinstance(known, float):
        return integer_text(known) or str(known)
    return str(known)


def left_out_on_import(spec: ResourceSpec, failure: Failure, olds: Props, news: Props) -> bool:
    """Whether `failure` is a required write-only argument (an always-secret one the API never
    returns) missing from an imported object's unchanged inputs: `pulumi import` checks what it
    read (old and new inputs alike), and a program may declare the argument later (the first
    `up` then writes it). Any change without it still fails: an update sends it."""
    field = next((f for f in spec.inputs if f.name == failure.field), None)
    return (
        field is not None
        and field.required
        and field.secret == ALWAYS
        and bool(olds)
        and olds == news
        and news.get(field.name) is None
    )


class DataddoProvider(rpc.Provider):
    """Serves every resource kind of `logic.registry` and the lookups of `functions.py`."""

    def __init__(self, warn: Warn = _no_console) -> None:
        self._kinds = {schema.token(kind.spec.name): kind for kind in logics()}
        self._warn = warn
        # (urn, warning) already shown: the engine checks a replacement twice.
        self._warned: set[tuple[str, str]] = set()
        self._pool: ThreadPoolExecutor | None = None

    # -- plumbing -------------------------------------------------------------------------------

    def _kind(self, type_token: str) -> ResourceLogic:
        kind = self._kinds.get(type_token)
        if kind is None:
            raise DataddoError(f"unknown resource type {type_token}; known: {sorted(self._kinds)}")
        return kind

    async def _call(self, work: Callable[[], T]) -> T:
        """`work` (which calls the API) on the worker pool, off the event loop."""
        if self._pool is None:
            self._pool = self._workers()
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)

    @staticmethod
    def _workers() -> ThreadPoolExecutor:
        return ThreadPoolExecutor(settings.current().parallelism, thread_name_prefix="dataddo")

    # -- provider -------------------------------------------------------------------------------

    async def get_schema(self, request: rpc.GetSchemaRequest) -> rpc.GetSchemaResponse:
        return rpc.GetSchemaResponse(json.dumps(schema.generate()))

    async def configure(self, request: rpc.ConfigureRequest) -> rpc.ConfigureResponse:
        # The provider's inputs (a default provider's: the stack's `dataddo:*` config) by
        # their schema names (`baseUrl`); settings name them `dataddo:baseUrl`.
        settings.configure_stack(lambda key: _config_value(request.args.get(key.split(":", 1)[1])))
        with reported("dataddo", "configuring"):
            self._pool = self._workers()  # unusable settings fail here, before any API call
        return rpc.ConfigureResponse(accept_secrets=True, supports_preview=True)

    # -- resources ------------------------------------------------------------------------------

    async def check(self, request: rpc.CheckRequest) -> rpc.CheckResponse:
        kind = self._kind(request.type)
        spec = kind.spec
        olds = names.to_logic(spec, plain_map(request.old_inputs))
        news = names.to_logic(spec, plain_map(request.new_inputs))
        try:
            checked = kind.check(olds, news)
        except Exception as exc:  # check must answer whatever it is given
            reason = redaction.redact(f"could not be checked: {type(exc).__name__}: {exc}")
            return rpc.CheckResponse(request.new_inputs, [rpc.CheckFailure("", reason)])
        for warning in checked.warnings:
            if (request.urn, warning) not in self._warned:
                self._warned.add((request.urn, warning))
                await self._warn(request.urn, names.wire_message(spec, warning))
        return rpc.CheckResponse(
            wire_map(spec, checked.inputs, secret_keys(request.new_inputs)),
            self._failures(spec, checked, olds, news),
        )

    @staticmethod
    def _failures(
        spec: ResourceSpec, checked: Checked, olds: Props, news: Props
    ) -> list[rpc.CheckFailure]:
        # No property on a failure: the engine would print a nested one's value as
        # `value {<nil>}`; the field leads the reason instead (as in the dynamic provider).
        return [
            rpc.CheckFailure("", names.wire_message(spec, str(failure)))
            for failure in checked.failures
            if not left_out_on_import(spec, failure, olds, news)
        ]

    async def diff(self, request: rpc.DiffRequest) -> rpc.DiffResponse:
        kind = self._kind(request.type)
        olds = names.to_logic(kind.spec, plain_map(request.old_state))
        news = names.to_logic(kind.spec, plain_map(request.new_inputs))
        with reported(kind.kind, "diffing", request.resource_id):
            plan = kind.diff(olds, news)
            account().ledger.saw(kind.kind, request.resource_id)  # the stack's own, never new
        return diffs.response(kind.spec, plan, olds, news)

    async def create(self, request: rpc.CreateRequest) -> rpc.CreateResponse:
        kind = self._kind(request.type)
        spec = kind.spec
        props = names.to_logic(spec, plain_map(request.properties))
        keep = secret_keys(request.properties)
        if request.preview:  # what the create will return, the computed outputs unknown
            planned = {**props, **{f.name: UNKNOWN for f in spec.outputs}}
            return rpc.CreateResponse(None, wire_map(spec, planned, keep))
        created = await self._call(partial(self._create, kind, props))
        return rpc.CreateResponse(created.id, wire_map(spec, created.outs, keep))

    @staticmethod
    def _create(kind: ResourceLogic, props: Props) -> Any:
        with reported(kind.kind, "creating"):
            return kind.create(account(), props)

    async def read(self, request: rpc.ReadRequest) -> rpc.ReadResponse:
        kind = self._kind(request.type)
        spec, id_ = kind.spec, request.resource_id
        props = names.to_logic(spec, plain_map(request.properties))
        keep = secret_keys(request.properties) | secret_keys(request.inputs)
        refreshed = await self._call(partial(self._read, kind, id_, props))
        if refreshed.id is None:
            return rpc.ReadResponse(None)  # gone: refresh drops it from the state
        return rpc.ReadResponse(
            refreshed.id,
            wire_map(spec, refreshed.outs, keep),
            wire_map(spec, refreshed.inputs, keep),
        )

    @staticmethod
    def _read(kind: ResourceLogic, id_: str, props: Props) -> Any:
        if props:  # refresh: what the state holds, read again
            with reported(kind.kind, "reading", id_):
                refreshed = kind.read(account(), id_, props)
        else:  # import (or a get): nothing known of it but its id
            with reported(kind.kind, "importing", id_):
                refreshed = kind.read_new(account(), id_)
                if refreshed.id is None:
                    raise DataddoError(f"this Dataddo account has no {kind.kind} with id {id_}")
        if refreshed.id is not None:
            account().ledger.saw(kind.kind, refreshed.id)
        return refreshed

    async def update(self, request: rpc.UpdateRequest) -> rpc.UpdateResponse:
        kind = self._kind(request.type)
        spec, id_ = kind.spec, request.resource_id
        olds = names.to_logic(spec, plain_map(request.olds))
        news = names.to_logic(spec, plain_map(request.news))
        keep = secret_keys(request.news)
        if request.preview:  # ids and other stable outputs stay known
            outputs = {f.name: olds.get(f.name) if f.stable else UNKNOWN for f in spec.outputs}
            return rpc.UpdateResponse(wire_map(spec, {**news, **outputs}, keep))
        outs = await self._call(partial(self._update, kind, id_, olds, news))
        return rpc.UpdateResponse(wire_map(spec, outs, keep))

    @staticmethod
    def _update(kind: ResourceLogic, id_: str, olds: Props, news: Props) -> Props:
        with reported(kind.kind, "updating", id_):
            return kind.update(account(), id_, olds, news)

    async def delete(self, request: rpc.DeleteRequest) -> None:
        kind = self._kind(request.type)
        props = names.to_logic(kind.spec, plain_map(request.properties))
        await self._call(partial(self._delete, kind, request.resource_id, props))

    @staticmethod
    def _delete(kind: ResourceLogic, id_: str, props: Props) -> None:
        with reported(kind.kind, "deleting", id_):
            kind.delete(account(), id_, props)

    # -- functions ------------------------------------------------------------------------------

    async def invoke(self, request: rpc.InvokeRequest) -> rpc.InvokeResponse:
        function = BY_TOKEN.get(request.tok)
        if function is None:
            raise DataddoError(f"unknown function {request.tok}; known: {sorted(BY_TOKEN)}")
        args = _arguments(function, request.args)
        missing = [a.name for a in function.arguments if args.get(a.name) is None]
        if missing:
            failures = [rpc.CheckFailure(camel_case(n), "is required") for n in missing]
            return rpc.InvokeResponse(failures=failures)
        items = await self._call(partial(self._invoke, function, args))
        return rpc.InvokeResponse({"items": wire_value(items)})

    @staticmethod
    def _invoke(function: Function, args: Props) -> list[Any]:
        with reported("lookup", f"calling {function.name}"):
            return function.call(lambda: account().api, args)


def _arguments(function: Function, values: Mapping[str, PropertyValue]) -> Props:
    """A function's arguments by snake_case name, defaults filled in."""
    result: Props = {}
    for argument in function.arguments:
        given = values.get(camel_case(argument.name))
        value = None if given is None else plain(given)
        result[argument.name] = argument.default if value is None else value
    return result
