"""`kring serve` starts gunicorn with uvicorn workers on the ASGI application (for /events/)."""

import asyncio
import gc
from concurrent.futures import ThreadPoolExecutor

import pytest

from kring import cli


@pytest.fixture
def started(monkeypatch) -> list[list[str]]:
    """The command `kring serve` would replace itself with (nothing is started)."""
    commands: list[list[str]] = []
    monkeypatch.setattr(cli.os, "execv", lambda _path, argv: commands.append(list(argv)))
    monkeypatch.delenv("REDIS_URL", raising=False)
    return commands


def test_serve_runs_the_asgi_application_with_kring_uvicorn_workers(started, monkeypatch):
    monkeypatch.setenv("KRING_WEB_WORKERS", "1")
    assert cli.main(["serve", "--no-collectstatic"]) == 0
    [command] = started
    assert "config.asgi:application" in command
    assert command[command.index("--worker-class") + 1] == cli.WORKER_CLASS
    assert command[command.index("--workers") + 1] == "1"


def test_serve_warns_if_several_workers_share_no_redis(started, monkeypatch, capsys):
    monkeypatch.setenv("KRING_WEB_WORKERS", "3")
    cli.main(["serve", "--no-collectstatic"])
    assert "REDIS_URL" in capsys.readouterr().err


def test_serve_does_not_warn_if_redis_carries_the_events(started, monkeypatch, capsys):
    monkeypatch.setenv("KRING_WEB_WORKERS", "3")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    cli.main(["serve", "--no-collectstatic"])
    assert "REDIS_URL" not in capsys.readouterr().err


def test_worker_class_can_be_imported_by_gunicorn():
    from gunicorn.util import load_class

    worker = load_class(cli.WORKER_CLASS)
    assert worker.__name__ == "StreamingUvicornWorker"


def test_serve_fails_with_the_reason_if_web_threads_is_not_a_whole_number(
    started, monkeypatch, capsys
):
    monkeypatch.setenv("KRING_WEB_THREADS", "many")
    assert cli.main(["serve", "--no-collectstatic"]) == 2
    assert "KRING_WEB_THREADS" in capsys.readouterr().err
    assert started == []


def _recorder(name: str, calls: list[str]):
    async def application(scope, receive, send) -> None:
        calls.append(name)

    return application


@pytest.mark.parametrize(
    ("scope", "served_by"),
    [
        ({"type": "http", "path": "/events/"}, "streams"),
        ({"type": "http", "path": "/kring/events/", "root_path": "/kring"}, "streams"),
        ({"type": "http", "path": "/"}, "pages"),
        ({"type": "http", "path": "/events/x/"}, "pages"),
        ({"type": "lifespan"}, "pages"),
    ],
)
def test_pages_and_streams_sends_only_the_stream_path_to_the_async_side(scope, served_by):
    from kring.realtime.serving import PagesAndStreams

    calls: list[str] = []
    application = PagesAndStreams(
        pages=_recorder("pages", calls),
        streams=_recorder("streams", calls),
        stream_paths=frozenset({"/events/"}),
    )
    # A loop of its own in a thread of its own: browser tests keep one running in this thread.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, application(scope, None, None)).result()
    assert calls == [served_by]


def test_serving_application_keeps_loaded_objects_out_of_full_collections():
    """A full collection over everything Kring loaded paused every page of the process
    for ~80 ms; the loaded objects are frozen once the application is built."""
    from kring.realtime.serving import serving_application

    gc.unfreeze()
    try:
        serving_application(threads=1)
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()


def _pages(application, paths: list[str]) -> list[bytes]:
    """The bodies of GET `paths`, one after another, from an ASGI application."""

    async def get(path: str) -> bytes:
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": b"", "root_path": "", "headers": [(b"host", b"testserver")],
            "client": ("127.0.0.1", 50000), "server": ("testserver", 80),
        }  # fmt: skip
        sent: list[dict] = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        await application(scope, receive, send)
        return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")

    async def all_of_them() -> list[bytes]:
        return [await get(path) for path in paths]

    # A loop of its own in a thread of its own: browser tests keep one running in this thread.
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, all_of_them()).result()


def test_pages_use_one_redis_connection_per_thread_not_one_per_page(settings):
    """a2wsgi runs each page in a fresh copy of the loop's context, where Django keeps its
    cache connections: each page opened a new connection to Redis and dropped it."""
    from a2wsgi import WSGIMiddleware
    from django.core.cache import cache

    from kring.realtime.serving import ContextPerThread

    from .conftest import REDIS_URL, needs_redis

    needs_redis()
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
    }

    def page(environ, start_response):
        cache.get("kring-test:anything")  # what a page does: ask the cache
        connection_id = cache._cache.get_client().client_id()  # Redis's number for it
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [str(connection_id).encode()]

    bodies = _pages(WSGIMiddleware(ContextPerThread(page), workers=1), ["/"] * 5)
    assert len(set(bodies)) == 1, bodies


def test_pages_make_and_close_their_response_in_the_context_they_ran_in():
    """A streamed page reads what the view set (the active language, say) while it sends."""
    import contextvars

    from a2wsgi import WSGIMiddleware

    from kring.realtime.serving import ContextPerThread

    language = contextvars.ContextVar("language", default="none")
    closed_in: list[str] = []

    class Streamed:
        def __iter__(self):
            yield b"taal: "
            yield language.get().encode()

        def close(self):
            closed_in.append(language.get())

    def page(environ, start_response):
        language.set(environ["PATH_INFO"].strip("/"))
        start_response("200 OK", [("Content-Type", "text/plain")])
        return Streamed()

    bodies = _pages(WSGIMiddleware(ContextPerThread(page), workers=1), ["/nl/", "/en/"])
    assert bodies == [b"taal: nl", b"taal: en"]
    assert closed_in == ["nl", "en"]


def test_pages_start_in_the_default_language_whatever_the_last_page_of_the_thread_chose(
    settings,
):
    """A page answered before the middleware picks a language (the 503 page when the
    database is down, say) must not speak the language of someone else's page before it."""
    from a2wsgi import WSGIMiddleware
    from django.utils import translation

    from kring.realtime.serving import ContextPerThread

    def page(environ, start_response):
        if environ["PATH_INFO"] == "/en/":
            translation.activate("en")  # what the language middleware does for a reader
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [translation.get_language().encode()]

    bodies = _pages(WSGIMiddleware(ContextPerThread(page), workers=1), ["/en/", "/", "/en/", "/"])
    default = settings.LANGUAGE_CODE.encode()
    assert bodies == [b"en", default, b"en", default]
