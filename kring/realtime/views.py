"""GET /events/: the signed-in colleague's own stream of events (Server-Sent Events)."""

import json
import time
from collections.abc import AsyncIterator, Iterator

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.db import connections
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_GET

from kring import access
from kring.realtime.bus import STREAM_END, LocalBus, Message, Subscription, bus

HEARTBEAT_SECONDS = 15.0
# A stream ends after this long and the browser opens a new one (its session is checked
# again then, and a deactivated account stops listening).
STREAM_MAX_SECONDS = 30 * 60
READY_TIMEOUT_SECONDS = 2.0
RETRY_MILLISECONDS = 3000

HELLO = f"retry: {RETRY_MILLISECONDS}\n: connected\n\n".encode()
HEARTBEAT = b": heartbeat\n\n"


def _encode(messages: list[Message]) -> bytes:
    """The events in SSE's wire format; a heartbeat comment when there are none to send."""
    text = "".join(
        f"event: {m.event}\ndata: {json.dumps(m.data, separators=(',', ':'))}\n\n"
        for m in messages
        if m.event != STREAM_END
    )
    return text.encode() or HEARTBEAT


def _ends(messages: list[Message]) -> bool:
    return any(m.event == STREAM_END for m in messages)


def _database_release() -> None:
    # A stream stays open for minutes and needs no database: hand the connection (a
    # pooled one on PostgreSQL) back instead of holding it until the stream ends.
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()


@require_GET
async def events(request: HttpRequest) -> HttpResponse:
    """Stream the events addressed to the viewer until they leave (or for half an hour).

    Under ASGI (`kring serve`) the stream is an async iterator: an open stream costs a
    coroutine, not a worker. Under WSGI (`kring run`'s runserver, the tests' live server)
    it is a blocking iterator that holds one of the server's threads.
    """
    user = await request.auser()
    if not access.is_signed_in(user):
        return HttpResponse(status=403, content_type="text/plain")
    await sync_to_async(_database_release)()
    stream = (
        _stream_async(bus(), user.pk)
        if isinstance(request, ASGIRequest)
        else _stream_blocking(bus(), user.pk)
    )
    response = StreamingHttpResponse(stream, content_type="text/event-stream")
    response["Cache-Control"] = "no-cache, no-transform"
    response["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response


async def _stream_async(the_bus: LocalBus, user_id: int) -> AsyncIterator[bytes]:
    # Subscribing may talk to Redis: not on the event loop's thread.
    subscription: Subscription = await sync_to_async(the_bus.subscribe, thread_sensitive=False)(
        user_id
    )
    try:
        if not subscription.ready.is_set():
            wait = sync_to_async(subscription.ready.wait, thread_sensitive=False)
            await wait(READY_TIMEOUT_SECONDS)
        yield HELLO
        ends = time.monotonic() + STREAM_MAX_SECONDS
        while time.monotonic() < ends:
            messages = await subscription.next_async(HEARTBEAT_SECONDS)
            yield _encode(messages)
            if _ends(messages):
                return
    finally:
        the_bus.unsubscribe(subscription)


def _stream_blocking(the_bus: LocalBus, user_id: int) -> Iterator[bytes]:
    subscription = the_bus.subscribe(user_id)
    try:
        subscription.ready.wait(READY_TIMEOUT_SECONDS)
        yield HELLO
        ends = time.monotonic() + STREAM_MAX_SECONDS
        while time.monotonic() < ends:
            messages = subscription.next(HEARTBEAT_SECONDS)
            yield _encode(messages)
            if _ends(messages):
                return
    finally:
        the_bus.unsubscribe(subscription)
