"""Command line: `python -m dataddo_emulator --host 127.0.0.1 --port 8004 --db PATH`.

The first stdout line is `Dataddo emulator listening on http://HOST:PORT/customer-api/v1`
(with the real port when `--port 0`), printed once the server accepts connections.
"""

import argparse
import socket
import sys
from collections.abc import Sequence

import uvicorn

from dataddo_emulator.app import create_app
from dataddo_emulator.auth import DEMO_EMAIL, DEMO_PASSWORD
from dataddo_emulator.context import Emulator
from dataddo_emulator.routes.deps import API_PREFIX
from dataddo_emulator.settings import DEFAULT_LIVE_AFTER, DEFAULT_TOKEN_TTL, Settings

LISTENING = "Dataddo emulator listening on "
# Seconds an idle keep-alive connection stays open: longer than client pools keep them, so the
# server does not close a connection a client is about to reuse for a POST.
KEEP_ALIVE = 75


def _user(value: str) -> tuple[str, str]:
    email, _, password = value.partition(":")
    if not email or not password:
        raise argparse.ArgumentTypeError(f"expected EMAIL:PASSWORD, got {value!r}")
    return email, password


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m dataddo_emulator", description="A local emulator of the Dataddo API."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8004, help="0 picks a free port")
    parser.add_argument("--db", default=":memory:", help="SQLite file (default :memory:)")
    parser.add_argument(
        "--user",
        type=_user,
        action="append",
        default=[],
        metavar="EMAIL:PASSWORD",
        help="add a user, its own customer (repeatable); demo@example.com:demo always exists",
    )
    parser.add_argument("--token-ttl", type=float, default=DEFAULT_TOKEN_TTL, metavar="SECONDS")
    parser.add_argument(
        "--live-after",
        type=float,
        default=DEFAULT_LIVE_AFTER,
        metavar="SECONDS",
        help="delay before a new source's status turns live",
    )
    parser.add_argument("--log-level", default="warning", help="uvicorn's log level")
    return parser.parse_args(argv)


class _AnnouncingServer(uvicorn.Server):
    """A uvicorn server that prints its URL once it is ready."""

    def __init__(self, config: uvicorn.Config, announcement: str) -> None:
        super().__init__(config)
        self._announcement = announcement

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if not self.should_exit:
            print(self._announcement, flush=True)


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket; bound here so that `--port 0` yields the real port to print."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP, flags=socket.AI_PASSIVE
    )[0]
    # proto must say TCP: asyncio only sets TCP_NODELAY on such sockets, and without it every
    # response waits ~40 ms for a delayed ACK (uvicorn writes headers and body separately).
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(2048)
    return sock


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    users = {DEMO_EMAIL: DEMO_PASSWORD, **dict(args.user)}
    settings = Settings(token_ttl=args.token_ttl, live_after=args.live_after)
    try:
        sock = _listen(args.host, args.port)
    except OSError as error:
        print(f"cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1
    emu = Emulator.open(args.db, users, settings)
    host, port = sock.getsockname()[:2]
    host = f"[{host}]" if ":" in host else host
    announcement = "\n".join(
        [
            f"{LISTENING}http://{host}:{port}{API_PREFIX}",
            f"Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}",
            f"Users: {', '.join(emu.auth.emails)}",
            f"Database: {args.db}",
        ]
    )
    config = uvicorn.Config(
        create_app(emu),
        log_level=args.log_level,
        access_log=False,
        proxy_headers=False,
        lifespan="off",
        timeout_keep_alive=KEEP_ALIVE,
        date_header=True,  # clients take the API's clock from every answer's Date
    )
    try:
        _AnnouncingServer(config, announcement).run(sockets=[sock])
    finally:
        emu.store.close()
    return 0
