"""The gunicorn worker class of `kring serve`: uvicorn, which ends open event streams as it stops.

uvicorn lets running responses finish when it stops (a restart, `--max-requests`), and an
event stream never finishes by itself: without this every restart would wait for
gunicorn's graceful timeout. Ended streams are opened again by the browsers at once, on
the processes that still (or by now) run, and they catch up (live.js).
"""

import asyncio
import sys

from gunicorn.arbiter import Arbiter
from uvicorn.server import Server
from uvicorn_worker import UvicornWorker

from kring.realtime.bus import bus

# How long a worker with open connections waits before taking another one, per open
# connection, and at most: the idlest worker is then the first to take it. The most also
# bounds how many new connections a busy worker takes per second (500), which stays
# above what a worker can serve even when a proxy opens one per request.
ACCEPT_PAUSE_PER_CONNECTION = 0.00025  # seconds
ACCEPT_PAUSE_MAX = 0.002


class SharingEventLoop(asyncio.SelectorEventLoop):
    """asyncio's event loop, sharing new connections with the other worker processes.

    Every worker waits on the same listening socket, and asyncio (like uvloop) accepts
    *every* waiting connection when woken. A burst of new connections (eight browsers at
    once, a proxy opening its keep-alive pool) thus lands on whichever worker woke first
    and stays there: one process and one core (its threads share Python's lock) while
    the other worker idles. This loop takes one connection per wake-up, then, if it
    already holds open connections, stops listening for a moment that grows with their
    number (at most ACCEPT_PAUSE_MAX): a less busy worker takes the next one first.
    Only new connections can wait, and only that moment; requests on open ones never do.
    Eight connections at once to two workers: all on one worker in 14 of 25 tries with
    uvloop, 4 and 4 in 25 of 25 with this loop (bench/README.md has what it does to the
    pages). Private parts of asyncio, stable since Python 3.7: `_accept_connection`,
    `_start_serving`, `_remove_reader`, and the server's open connections (below).
    """

    def _accept_connection(self, protocol_factory, sock, sslcontext=None, server=None,
                           backlog=100, *args, **kwargs):  # fmt: skip
        super()._accept_connection(protocol_factory, sock, sslcontext, server, 1, *args, **kwargs)
        busy = _open_connections(server)
        if busy and server is not None and server.is_serving():
            self._remove_reader(sock.fileno())
            pause = min(busy * ACCEPT_PAUSE_PER_CONNECTION, ACCEPT_PAUSE_MAX)
            self.call_later(
                pause, self._listen_again, protocol_factory, sock, sslcontext, server, backlog,
                *args,
            )  # fmt: skip

    def _listen_again(self, protocol_factory, sock, sslcontext, server, backlog, *args):
        if server.is_serving() and sock.fileno() != -1:
            self._start_serving(protocol_factory, sock, sslcontext, server, backlog, *args)


def _open_connections(server) -> int:
    """The connections `server` holds open: Python 3.13 keeps them in `_clients`, 3.12 counts."""
    clients = getattr(server, "_clients", None)
    return len(clients) if clients is not None else getattr(server, "_active_count", 0)


def sharing_event_loop() -> asyncio.AbstractEventLoop:
    """uvicorn's loop factory (`Config(loop="module:function")`)."""
    return SharingEventLoop()


class _Server(Server):
    async def shutdown(self, sockets=None) -> None:
        bus().streams_end()
        await super().shutdown(sockets=sockets)


class StreamingUvicornWorker(UvicornWorker):
    """uvicorn_worker.UvicornWorker whose server ends this process's event streams first,
    on an event loop that shares new connections with the other workers."""

    CONFIG_KWARGS = {"loop": "kring.realtime.worker:sharing_event_loop", "http": "httptools"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Requests still running after gunicorn's graceful timeout are cancelled by
        # uvicorn itself (their cleanup runs) rather than killed with the process.
        self.config.timeout_graceful_shutdown = max(1, self.cfg.graceful_timeout - 2)

    async def _serve(self) -> None:  # UvicornWorker._serve with our server class
        self.config.app = self.wsgi
        server = _Server(config=self.config)
        self._install_sigquit_handler()
        await server.serve(sockets=self.sockets)
        if not server.started:
            sys.exit(Arbiter.WORKER_BOOT_ERROR)
