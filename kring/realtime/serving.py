"""The application `kring serve` runs: pages through Django's WSGI handler, event streams async.

Pages are synchronous views. Under Django's ASGI handler each one crosses from the event
loop into a thread and back several times (request_started, the middleware and view,
the response, request_finished) and all of them queue for the one thread asgiref keeps
for thread-sensitive code. Handing the whole WSGI request to a pool thread once costs
about a third less CPU on the benchmark's floor and lets the pool's threads overlap
their database waits (docs/decisions/0014-pages-on-wsgi-threads.md). The event stream
(/events/) stays a coroutine on Django's ASGI handler, so an open page still costs no
thread.
"""

import contextvars
import gc
import threading
from collections.abc import Awaitable, Callable, Iterable, Iterator, MutableMapping
from typing import Any

from a2wsgi import WSGIMiddleware
from django.core.asgi import get_asgi_application
from django.core.wsgi import get_wsgi_application
from django.urls import reverse
from django.utils import translation

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
AsgiApplication = Callable[[Scope, Receive, Send], Awaitable[None]]
WsgiApplication = Callable[[dict, Callable], Iterable[bytes]]

# Two, not more: with Python's lock, more threads per process cost CPU on every page
# (decision 0014, amended 2026-11-30: 18 % less CPU per page at concurrency 8).
DEFAULT_THREADS = 2


class PagesAndStreams:
    """An ASGI application: `streams` answers the paths in `stream_paths`, `pages` the rest.

    `pages` also gets the lifespan messages (a2wsgi answers them; Django's ASGI handler
    would refuse them). Paths are compared without the mount point (`root_path`).
    """

    def __init__(
        self, *, pages: AsgiApplication, streams: AsgiApplication, stream_paths: frozenset[str]
    ) -> None:
        self.pages = pages
        self.streams = streams
        self.stream_paths = stream_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self._path(scope) in self.stream_paths:
            await self.streams(scope, receive, send)
        else:
            await self.pages(scope, receive, send)

    @staticmethod
    def _path(scope: Scope) -> str:
        path, root = scope["path"], scope.get("root_path", "")
        return path[len(root) :] if root and path.startswith(root) else path


def serving_application(*, threads: int = DEFAULT_THREADS) -> PagesAndStreams:
    """Kring's ASGI application with `threads` threads per process for pages (Django is set up)."""
    streams = get_asgi_application()  # sets Django up first
    pages = WSGIMiddleware(ContextPerThread(get_wsgi_application()), workers=threads)
    application = PagesAndStreams(
        pages=pages, streams=streams, stream_paths=frozenset({reverse("realtime:events")})
    )
    _freeze_loaded_objects()
    return application


class ContextPerThread:
    """Run a WSGI application in one lasting context per thread, as a threaded WSGI server does.

    a2wsgi runs every request in a fresh copy of the event loop's context, and Django keeps
    its cache connections in context-local storage: each page made new ones and dropped
    them (with Redis, a new connection to Redis per page; with the database cache, the
    cull check on every write). In one context per pool thread they last, as under any
    threaded WSGI server. The response is iterated and closed in that context too. Each
    page starts without an active language, as in a fresh context, and sets its own (and
    its URL prefix); database connections are per thread anyway.
    """

    def __init__(self, application: WsgiApplication) -> None:
        self.application = application
        self._local = threading.local()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        context = getattr(self._local, "context", None)
        if context is None:
            context = self._local.context = contextvars.copy_context()
        response = context.run(self._page, environ, start_response)
        return _InContext(context, response)

    def _page(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        # As in a fresh context: the language of the thread's last page does not carry
        # over to a page answered before the middleware chooses one (the 503 page, say).
        translation.deactivate()
        return self.application(environ, start_response)


class _InContext:
    """A WSGI response whose chunks are made, and which is closed, in `context`."""

    def __init__(self, context: contextvars.Context, response: Iterable[bytes]) -> None:
        self.context = context
        self.response = response

    def __iter__(self) -> Iterator[bytes]:
        chunks = self.context.run(iter, self.response)
        done = object()
        while (chunk := self.context.run(next, chunks, done)) is not done:
            yield chunk

    def close(self) -> None:
        close = getattr(self.response, "close", None)
        if close is not None:
            self.context.run(close)


def _freeze_loaded_objects() -> None:
    """Keep what loading Kring made (modules, URL patterns, settings: some 150,000 objects)
    out of Python's full garbage collections, which otherwise stop every page of the
    process for about 80 ms each time one runs; with them frozen, about 20 ms."""
    gc.collect()
    gc.freeze()


def threads_from_environment(value: str | None) -> int:
    """KRING_WEB_THREADS as a whole number >= 1; raises ValueError with the reason otherwise."""
    if value is None or value == "":
        return DEFAULT_THREADS
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"KRING_WEB_THREADS must be a whole number >= 1, not {value!r}.")
    return int(value)
