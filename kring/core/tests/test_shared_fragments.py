"""With Redis, a rendered fragment is shared by every process of the site (kring/core/fragments.py)."""

import uuid

import pytest
from django.core.cache import caches

from kring.core import fragments
from kring.core.fragments import fragment_key, render_fragments
from kring.realtime.tests.conftest import REDIS_URL, needs_redis


def _tiers(url: str) -> dict:
    prefix = f"kring-test-{uuid.uuid4().hex[:12]}"
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "fragments_shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "TIMEOUT": 60,  # never clear(): that empties the whole Redis database
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        },
    }


@pytest.fixture
def shared_tier(settings):
    needs_redis()
    settings.CACHES = _tiers(REDIS_URL)
    return caches["fragments_shared"]


class Renderer:
    """Renders "<p>item</p>" and counts how often it had to."""

    def __init__(self):
        self.rendered: list[str] = []

    def __call__(self, item: str) -> str:
        self.rendered.append(item)
        return f"<p>{item}</p>"


def _page(items: list[str], renderer: Renderer) -> list[str]:
    return render_fragments(items, key=lambda item: fragment_key("test", item), render=renderer)


def test_render_fragments_renders_once_for_the_site_if_redis_is_set(shared_tier):
    first_process = Renderer()
    assert _page(["a", "b"], first_process) == ["<p>a</p>", "<p>b</p>"]
    caches["fragments"].clear()  # another web process: its own memory is empty

    other_process = Renderer()
    assert _page(["a", "b", "c"], other_process) == ["<p>a</p>", "<p>b</p>", "<p>c</p>"]
    assert first_process.rendered == ["a", "b"]
    assert other_process.rendered == ["c"]


def test_render_fragments_renders_again_if_code_of_another_release_rendered_it(
    shared_tier, monkeypatch
):
    _page(["a"], Renderer())
    caches["fragments"].clear()
    monkeypatch.setattr(fragments, "_code_digest", lambda: "another-release")
    renderer = Renderer()
    assert _page(["a"], renderer) == ["<p>a</p>"]
    assert renderer.rendered == ["a"]


def test_render_fragments_renders_here_if_redis_does_not_answer(settings):
    settings.CACHES = _tiers("redis://127.0.0.1:1/0")  # nothing listens on port 1
    renderer = Renderer()
    assert _page(["a", "b"], renderer) == ["<p>a</p>", "<p>b</p>"]
    assert _page(["a", "b"], renderer) == ["<p>a</p>", "<p>b</p>"]
    assert renderer.rendered == ["a", "b"]  # the second page came from this process
