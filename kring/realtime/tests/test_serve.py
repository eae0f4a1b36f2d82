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
