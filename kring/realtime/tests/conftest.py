"""Fixtures of the realtime tests: a Redis bus of their own (when Redis answers), stream readers."""

import os
import socket
import uuid
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

from kring.realtime.bus import RedisBus

# Redis for these tests: the suite's own default is the one CI starts (.ci/run).
REDIS_URL = os.environ.get("KRING_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_answers(url: str = REDIS_URL) -> bool:
    parts = urlparse(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def needs_redis() -> None:
    """Skip without Redis on a developer's machine; fail in CI, which starts one."""
    if redis_answers():
        return
    if os.environ.get("CI"):
        pytest.fail(f"Redis does not answer on {REDIS_URL}; .ci/run starts one.")
    pytest.skip(f"Redis does not answer on {REDIS_URL}")


@pytest.fixture
def redis_prefix() -> str:
    """A channel prefix no other test (or site on this Redis) uses."""
    return f"kring-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def redis_buses(redis_prefix) -> Iterator[list[RedisBus]]:
    """Two Redis buses on one prefix: two web processes of one site, as far as Redis knows."""
    needs_redis()
    buses = [RedisBus(REDIS_URL, prefix=redis_prefix) for _ in range(2)]
    yield buses
    for bus in buses:
        bus.close()
