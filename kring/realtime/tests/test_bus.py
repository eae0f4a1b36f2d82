"""The bus: events reach the streams of the users they are addressed to, and only those."""

import threading
import time

import redis
from django.test import override_settings

from kring.realtime import bus as bus_module
from kring.realtime.bus import MAX_PENDING, RESYNC, LocalBus, Message, RedisBus, publish
from kring.realtime.tests.asgi_stream import run_async
from kring.realtime.tests.conftest import REDIS_URL

WAIT = 5.0  # an upper bound for things that happen at once; never a timing assertion


def _events(messages: list[Message]) -> list[tuple[str, dict]]:
    return [(m.event, m.data) for m in messages]


def _collect(subscription, count: int) -> list[Message]:
    """Read until `count` events came, or WAIT passed."""
    found: list[Message] = []
    deadline = time.monotonic() + WAIT
    while len(found) < count and time.monotonic() < deadline:
        found += subscription.next(0.2)
    return found


def test_local_bus_delivers_if_the_user_has_a_stream_open():
    bus = LocalBus()
    ans = bus.subscribe(1)
    bus.publish([1], "post.created", {"post_id": 7})
    assert _events(ans.next(0)) == [("post.created", {"post_id": 7})]


def test_local_bus_delivers_nothing_if_the_event_is_for_someone_else():
    bus = LocalBus()
    ans, bas = bus.subscribe(1), bus.subscribe(2)
    bus.publish([2], "post.created", {"post_id": 7})
    assert ans.next(0.05) == []
    assert len(bas.next(0)) == 1


def test_local_bus_delivers_to_every_stream_if_the_user_has_several_tabs():
    bus = LocalBus()
    tabs = [bus.subscribe(1), bus.subscribe(1)]
    bus.publish([1], "reply.created", {"reply_id": 3})
    assert [len(tab.next(0)) for tab in tabs] == [1, 1]


def test_local_bus_forgets_a_stream_if_it_closed():
    bus = LocalBus()
    tab = bus.subscribe(1)
    assert bus.connected_user_ids() == {1}
    assert bus.may_reach_anyone()
    assert bus.unsubscribe(tab) is True
    assert bus.connected_user_ids() == set()
    assert not bus.may_reach_anyone()


def test_subscription_returns_resync_if_its_reader_falls_far_behind():
    bus = LocalBus()
    tab = bus.subscribe(1)
    for number in range(MAX_PENDING + 5):
        bus.publish([1], "post.created", {"post_id": number})
    messages = tab.next(0)
    assert messages[0].event == RESYNC  # the page re-fetches instead of trusting the rest
    assert len(messages) < MAX_PENDING


def test_subscription_wakes_an_event_loop_if_an_event_comes_from_another_thread():
    bus = LocalBus()
    tab = bus.subscribe(1)

    async def read() -> list[Message]:
        timer = threading.Timer(0.05, bus.publish, ([1], "post.created", {"post_id": 1}))
        timer.start()
        return await tab.next_async(WAIT)

    assert _events(run_async(read)) == [("post.created", {"post_id": 1})]


def test_subscription_next_async_returns_empty_if_nothing_came():
    tab = LocalBus().subscribe(1)
    assert run_async(tab.next_async, 0.05) == []


def test_streams_end_tells_every_stream_of_the_process():
    bus = LocalBus()
    tabs = [bus.subscribe(1), bus.subscribe(2)]
    bus.streams_end()
    assert [[m.event for m in tab.next(0)] for tab in tabs] == [
        [bus_module.STREAM_END],
        [bus_module.STREAM_END],
    ]


def test_redis_bus_delivers_to_another_process_if_it_has_the_users_stream(redis_buses):
    web_a, web_b = redis_buses
    ans = web_a.subscribe(1)
    assert ans.ready.wait(WAIT)
    web_b.publish([1, 2], "reply.created", {"post_id": 4, "reply_id": 9})
    assert _events(_collect(ans, 1)) == [("reply.created", {"post_id": 4, "reply_id": 9})]


def test_redis_bus_delivers_nothing_if_the_event_is_for_someone_else(redis_buses):
    web_a, web_b = redis_buses
    ans = web_a.subscribe(1)
    bas = web_a.subscribe(2)
    assert ans.ready.wait(WAIT) and bas.ready.wait(WAIT)
    web_b.publish([2], "post.created", {"post_id": 1})
    web_b.publish([1], "post.created", {"post_id": 2})  # ends the wait below
    assert _events(_collect(ans, 1)) == [("post.created", {"post_id": 2})]


def test_redis_bus_keeps_sites_apart_if_their_prefixes_differ(redis_prefix):
    from kring.realtime.tests.conftest import needs_redis

    needs_redis()
    ours, theirs = (
        RedisBus(REDIS_URL, prefix=redis_prefix),
        RedisBus(REDIS_URL, prefix=redis_prefix + "-x"),
    )
    try:
        ans = ours.subscribe(1)
        assert ans.ready.wait(WAIT)
        theirs.publish([1], "post.created", {"post_id": 1})
        ours.publish([1], "post.created", {"post_id": 2})
        assert _events(_collect(ans, 1)) == [("post.created", {"post_id": 2})]
    finally:
        ours.close()
        theirs.close()


def test_redis_bus_unsubscribes_if_the_users_last_stream_closed(redis_buses):
    web_a, web_b = redis_buses
    channel = web_a.channel(1)
    client = redis.Redis.from_url(REDIS_URL)
    tab = web_a.subscribe(1)
    assert tab.ready.wait(WAIT)
    assert dict(client.pubsub_numsub(channel))[channel.encode()] == 1
    web_a.unsubscribe(tab)
    web_a.subscribe(2)  # wakes the listener, which then drops the closed channel too
    deadline = time.monotonic() + WAIT
    while dict(client.pubsub_numsub(channel))[channel.encode()] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert dict(client.pubsub_numsub(channel))[channel.encode()] == 0


@override_settings(KRING_REALTIME_REDIS_URL="redis://127.0.0.1:1/0")
def test_publish_returns_quietly_if_redis_cannot_be_reached(caplog):
    publish([1], "post.created", {"post_id": 1})  # the write it follows is saved: no error
    assert "not sent" in caplog.text


def test_bus_is_local_without_redis_and_redis_with_it(redis_prefix):
    assert type(bus_module.bus()) is LocalBus
    with override_settings(KRING_REALTIME_REDIS_URL=REDIS_URL, KRING_REALTIME_PREFIX=redis_prefix):
        assert isinstance(bus_module.bus(), RedisBus)
        assert bus_module.bus().prefix == redis_prefix
    assert type(bus_module.bus()) is LocalBus
