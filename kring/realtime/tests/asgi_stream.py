"""Read GET /events/ through Django's real ASGI application, as uvicorn would call it.

Django's AsyncClient waits for the whole body, and an event stream never ends; this sends
the request, hands the chunks over as they come and disconnects like a closing tab.
Run it inside `async_to_sync` from the test: the application's synchronous parts then run
in the test's thread, on its database connection (the `db` fixture's transaction).
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator

from asgiref.sync import async_to_sync
from django.core.asgi import get_asgi_application
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

READ_TIMEOUT = 5.0


def run_async(function, *args):
    """`async_to_sync(function)(*args)` from a test, also after a browser test in this process.

    Playwright's synchronous API leaves its event loop marked as running in the test
    thread, and asyncio then refuses to start another one there. No coroutine of it runs
    while this test does, so the mark is lifted for the call and put back after.
    """
    playwright_loop = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        return async_to_sync(function)(*args)
    finally:
        asyncio._set_running_loop(playwright_loop)


class Stream:
    """An open response: its status, headers and the body read so far."""

    def __init__(self, task: asyncio.Task, sent: asyncio.Queue, leave: asyncio.Event) -> None:
        self._task, self._sent, self._leave = task, sent, leave
        self.status = 0
        self.headers: dict[str, str] = {}
        self.body = ""
        self.ended = False

    async def _start(self) -> None:
        start = await asyncio.wait_for(self._sent.get(), READ_TIMEOUT)
        self.status = start["status"]
        self.headers = {k.decode().lower(): v.decode() for k, v in start["headers"]}

    async def read_until(self, text: str, timeout: float = READ_TIMEOUT) -> bool:
        """Read chunks until the body holds `text`; False if it did not come within `timeout`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while text not in self.body and not self.ended:
            left = deadline - loop.time()
            if left <= 0:
                return False
            try:
                message = await asyncio.wait_for(self._sent.get(), left)
            except TimeoutError:
                return False
            self.body += message.get("body", b"").decode()
            self.ended = not message.get("more_body", False)
        return text in self.body

    async def read_for(self, seconds: float) -> str:
        """Everything that arrives within `seconds` (to show that something did not come)."""
        await self.read_until("\0never\0", timeout=seconds)
        return self.body


@contextlib.asynccontextmanager
async def open_stream(session_cookie: str | None, path: str = "/events/") -> AsyncIterator[Stream]:
    """GET `path` with this session cookie; disconnect when the block ends."""
    headers = [(b"host", b"testserver")]
    if session_cookie:
        headers.append((b"cookie", f"sessionid={session_cookie}".encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    sent: asyncio.Queue = asyncio.Queue()
    leave = asyncio.Event()
    asked = False

    async def receive() -> dict:
        nonlocal asked
        if not asked:
            asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await leave.wait()
        return {"type": "http.disconnect"}

    # As Django's own test clients do: the test's connection (and transaction) must
    # survive the request's start and end.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    task = asyncio.create_task(get_asgi_application()(scope, receive, sent.put))
    stream = Stream(task, sent, leave)
    try:
        await stream._start()
        yield stream
    finally:
        leave.set()
        with contextlib.suppress(TimeoutError, asyncio.CancelledError):
            await asyncio.wait_for(task, READ_TIMEOUT)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
