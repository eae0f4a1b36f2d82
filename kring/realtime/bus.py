"""The realtime bus: events travel from the process that wrote to the open streams of their users.

Two implementations, chosen by the settings (`bus()`):

- `LocalBus` (no REDIS_URL): a fan-out to the streams open in this process. One process
  serves all, as `kring run` and a single-worker `kring serve` do.
- `RedisBus` (REDIS_URL): `publish` sends each event to the Redis channel
  `<prefix>:user:<id>`; every process subscribes to the channels of the users who have a
  stream open in it and fans the events out to those streams. So any web process or the
  worker can publish, and a browser connected to any web process receives.

A stream reads its events through a `Subscription`, from a thread (WSGI: `kring run`'s
runserver) or from an event loop (ASGI: `kring serve`). Delivery is best effort: a stream
whose reader falls far behind, or that may have missed events while Redis was away, gets
one `resync` event instead, and the browser re-fetches what it shows (as after a reconnect).
"""

import asyncio
import contextlib
import json
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import redis
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

log = logging.getLogger("kring.realtime")

RESYNC = "resync"
STREAM_END = "kring.stream-end"  # not sent: tells a stream to end (the server stops)
MAX_PENDING = 100  # events waiting for one stream before it is told to resync instead
PUBLISH_CHUNK = 1000  # PUBLISH commands per round trip to Redis
REDIS_RETRY_SECONDS = (0.5, 1, 2, 5)


@dataclass(frozen=True)
class Message:
    """One event for one user's stream: its name (`post.created`) and JSON-able data."""

    event: str
    data: dict[str, Any] = field(default_factory=dict)


class Subscription:
    """The events for one open stream of one user in this process.

    Filled from any thread by the bus; read by one reader, either blocking (`next`) or in
    an event loop (`next_async`). `ready` is set once events published from elsewhere
    reach it (at once for the local bus; after Redis confirmed for the Redis bus).
    """

    def __init__(self, user_id: int, *, ready: bool = True) -> None:
        self.user_id = user_id
        self.ready = threading.Event()
        if ready:
            self.ready.set()
        self._pending: deque[Message] = deque()
        self._lock = threading.Lock()
        self._signal = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._async_signal: asyncio.Event | None = None

    def put(self, message: Message) -> None:
        """Queue an event (any thread); past MAX_PENDING the queue becomes one `resync`."""
        with self._lock:
            if message.event == STREAM_END:
                pass
            elif len(self._pending) >= MAX_PENDING:
                self._pending.clear()
                message = Message(RESYNC)
            elif message.event == RESYNC and any(m.event == RESYNC for m in self._pending):
                return
            self._pending.append(message)
        self._wake()

    def _wake(self) -> None:
        self._signal.set()
        loop, signal = self._loop, self._async_signal
        if loop is not None and signal is not None:
            # RuntimeError: the loop is closed, so the stream has ended.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(signal.set)

    def _take(self) -> list[Message]:
        with self._lock:
            messages = list(self._pending)
            self._pending.clear()
            self._signal.clear()
        return messages

    def next(self, timeout: float) -> list[Message]:
        """Wait up to `timeout` seconds for events (blocking); [] when none came."""
        messages = self._take()
        if messages:
            return messages
        self._signal.wait(timeout)
        return self._take()

    async def next_async(self, timeout: float) -> list[Message]:
        """Wait up to `timeout` seconds for events without blocking the event loop."""
        if self._async_signal is None:
            self._loop = asyncio.get_running_loop()
            self._async_signal = asyncio.Event()
        # Cleared before looking, so an event put after the look sets it again.
        self._async_signal.clear()
        messages = self._take()
        if messages:
            return messages
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._async_signal.wait(), timeout)
        return self._take()


class LocalBus:
    """Events for the streams open in this process only."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._streams: dict[int, set[Subscription]] = {}

    def publish(self, user_ids: Iterable[int], event: str, data: dict[str, Any]) -> None:
        self.deliver(user_ids, Message(event, data))

    def deliver(self, user_ids: Iterable[int], message: Message) -> None:
        """Hand `message` to every stream of these users open in this process."""
        with self._lock:
            targets = [s for uid in set(user_ids) for s in self._streams.get(uid, ())]
        for subscription in targets:
            subscription.put(message)

    def streams_end(self) -> None:
        """End every stream open in this process (the server stops); browsers reconnect."""
        self.deliver_all(Message(STREAM_END))

    def deliver_all(self, message: Message) -> None:
        with self._lock:
            targets = [s for streams in self._streams.values() for s in streams]
        for subscription in targets:
            subscription.put(message)

    def subscribe(self, user_id: int) -> Subscription:
        subscription = Subscription(user_id)
        self._add(subscription)
        return subscription

    def _add(self, subscription: Subscription) -> bool:
        """Register a stream; True when it is the user's first in this process."""
        with self._lock:
            streams = self._streams.setdefault(subscription.user_id, set())
            streams.add(subscription)
            return len(streams) == 1

    def unsubscribe(self, subscription: Subscription) -> bool:
        """Forget a stream; True when the user has no other stream in this process."""
        with self._lock:
            streams = self._streams.get(subscription.user_id)
            if streams is None:
                return False
            streams.discard(subscription)
            if streams:
                return False
            del self._streams[subscription.user_id]
            return True

    def may_reach_anyone(self) -> bool:
        """False when an event could reach no stream at all (no stream open in this process)."""
        with self._lock:
            return bool(self._streams)

    def connected_user_ids(self) -> set[int]:
        """The users with a stream open in this process."""
        with self._lock:
            return set(self._streams)

    def close(self) -> None:
        """Stop background work (nothing for the local bus)."""


class RedisBus(LocalBus):
    """Events across processes through Redis pub/sub, one channel per user."""

    def __init__(self, url: str, *, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix
        self._publisher = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        self._subscriber = redis.Redis.from_url(
            url, socket_connect_timeout=2, health_check_interval=15
        )
        self._listener = _Listener(self)

    def channel(self, user_id: int) -> str:
        return f"{self.prefix}:user:{user_id}"

    def user_of(self, channel: str) -> int | None:
        head, _, tail = channel.rpartition(":")
        if head != f"{self.prefix}:user" or not tail.isdigit():
            return None
        return int(tail)

    def publish(self, user_ids: Iterable[int], event: str, data: dict[str, Any]) -> None:
        """Send the event to each user's channel; raises redis.RedisError when Redis is gone."""
        payload = json.dumps({"event": event, "data": data}, separators=(",", ":"))
        ids = sorted(set(user_ids))
        for start in range(0, len(ids), PUBLISH_CHUNK):
            pipeline = self._publisher.pipeline(transaction=False)
            for user_id in ids[start : start + PUBLISH_CHUNK]:
                pipeline.publish(self.channel(user_id), payload)
            pipeline.execute()

    def may_reach_anyone(self) -> bool:
        return True  # streams may be open in other processes

    def subscribe(self, user_id: int) -> Subscription:
        """Register a stream; `ready` is set once Redis delivers the user's channel here."""
        subscription = Subscription(user_id, ready=False)
        self._add(subscription)
        self._listener.want(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> bool:
        last = super().unsubscribe(subscription)
        if last:
            self._listener.drop(self.channel(subscription.user_id))
        return last

    def close(self) -> None:
        self._listener.stop()
        self._publisher.close()


class _Listener:
    """The one thread per process that reads Redis for the users with a stream open here.

    Other threads change what it listens to through `want`/`drop`; a PUBLISH to this
    process's own control channel wakes it, so a new stream is served within a round trip.
    """

    POLL_SECONDS = 5.0  # also how late a dropped channel is unsubscribed at most

    def __init__(self, bus: RedisBus) -> None:
        self.bus = bus
        self.control = f"{bus.prefix}:control:{uuid.uuid4().hex}"
        self._lock = threading.Lock()
        self._wanted: set[str] = set()
        self._waiting: list[Subscription] = []
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def want(self, subscription: Subscription) -> None:
        with self._lock:
            self._wanted.add(self.bus.channel(subscription.user_id))
            self._waiting.append(subscription)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="kring-realtime-redis", daemon=True
                )
                self._thread.start()
                return  # it subscribes to what is wanted as it starts
        self._wake()

    def drop(self, channel: str) -> None:
        with self._lock:
            self._wanted.discard(channel)

    def stop(self) -> None:
        self._stopped.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _wake(self) -> None:
        try:
            self.bus._publisher.publish(self.control, b"")
        except redis.RedisError as error:  # the listener reconnects by itself
            log.warning("realtime: cannot reach Redis to listen for a new stream: %s", error)

    def _run(self) -> None:
        attempt = 0
        while not self._stopped.is_set():
            try:
                self._serve()
                return
            except (redis.RedisError, OSError) as error:
                log.warning("realtime: lost Redis (%s); reconnecting", error)
                # Whatever was published meanwhile is lost: every stream re-fetches.
                self.bus.deliver_all(Message(RESYNC))
                delay = REDIS_RETRY_SECONDS[min(attempt, len(REDIS_RETRY_SECONDS) - 1)]
                attempt += 1
                self._stopped.wait(delay)

    def _serve(self) -> None:
        pubsub = self.bus._subscriber.pubsub(ignore_subscribe_messages=True)
        subscribed: set[str] = set()
        try:
            pubsub.subscribe(self.control)
            while not self._stopped.is_set():
                self._apply(pubsub, subscribed)
                message = pubsub.get_message(timeout=self.POLL_SECONDS)
                if message is None or message.get("type") != "message":
                    continue
                channel = _text(message["channel"])
                if channel == self.control:
                    continue
                self._dispatch(channel, message["data"])
        finally:
            pubsub.close()

    def _apply(self, pubsub: Any, subscribed: set[str]) -> None:
        with self._lock:
            wanted = set(self._wanted)
            waiting, self._waiting = self._waiting, []
        if wanted - subscribed:
            pubsub.subscribe(*(wanted - subscribed))
        if subscribed - wanted:
            pubsub.unsubscribe(*(subscribed - wanted))
        subscribed.clear()
        subscribed.update(wanted)
        # Redis serves a connection's commands in order: events PUBLISHed after the
        # SUBSCRIBE above reach us, so the streams waiting for it may start.
        for subscription in waiting:
            subscription.ready.set()

    def _dispatch(self, channel: str, raw: bytes | str) -> None:
        user_id = self.bus.user_of(channel)
        if user_id is None:
            return
        try:
            payload = json.loads(raw)
            message = Message(str(payload["event"]), dict(payload.get("data") or {}))
        except (ValueError, KeyError, TypeError):
            log.warning("realtime: ignored a malformed event on %s", channel)
            return
        self.bus.deliver([user_id], message)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


_bus: LocalBus | None = None
_bus_lock = threading.Lock()


def bus() -> LocalBus:
    """This process's bus: Redis with KRING_REALTIME_REDIS_URL (REDIS_URL), else local."""
    global _bus
    with _bus_lock:
        if _bus is None:
            url = getattr(settings, "KRING_REALTIME_REDIS_URL", "")
            prefix = getattr(settings, "KRING_REALTIME_PREFIX", "kring")
            _bus = RedisBus(url, prefix=prefix) if url else LocalBus()
        return _bus


def bus_reset() -> None:
    """Drop this process's bus (after a settings change); the next `bus()` makes a new one."""
    global _bus
    with _bus_lock:
        old, _bus = _bus, None
    if old is not None:
        old.close()


@receiver(setting_changed, dispatch_uid="kring.realtime.bus_reset")
def _settings_changed(sender: Any, setting: str, **kwargs: Any) -> None:
    if setting.startswith("KRING_REALTIME_"):
        bus_reset()


def publish(user_ids: Iterable[int], event: str, data: dict[str, Any]) -> None:
    """Send `event` with `data` to the open streams of `user_ids`; never raises.

    Realtime is a convenience on top of what is already saved: when Redis cannot be
    reached the event is logged and dropped, and browsers catch up when they re-fetch.
    """
    ids = [int(uid) for uid in user_ids]
    if not ids:
        return
    started = time.monotonic()
    try:
        bus().publish(ids, event, data)
    except (redis.RedisError, OSError) as error:
        log.warning("realtime: %s for %d users not sent: %s", event, len(ids), error)
        return
    log.debug(
        "realtime: %s to %d users in %.1f ms", event, len(ids), 1000 * (time.monotonic() - started)
    )
