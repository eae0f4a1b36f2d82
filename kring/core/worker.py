"""Keeping background work alive: the worker's heartbeat and the recovery of orphaned tasks.

`kring worker` (the `worker` management command) runs django-tasks-db's worker plus a
heartbeat thread. django-tasks-db marks a task RUNNING when a worker takes it; a worker
killed mid-task (SIGKILL, out of memory, power loss) would leave it RUNNING for ever.
Every worker therefore looks, at start-up and then regularly, for RUNNING tasks whose
worker has not beaten for `stale_after` seconds and puts them back in the queue. Tasks are
idempotent by design (docs/deploy.md), so running one again is safe; a task that has lost
its worker `max_attempts` times is marked failed instead of killing workers for ever.

The heartbeat is also the worker's clock: on its first beat of every hour it enqueues
the tasks in KRING_HOURLY_TASKS (the digests, docs/decisions/0009-notifications.md).
"""

import logging
import os
import socket
import threading
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.models import Max
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from kring.core.models import WorkerHeartbeat

logger = logging.getLogger("kring.worker")

HEARTBEAT_SECONDS = 10.0
STALE_AFTER_SECONDS = 60.0
MAX_ATTEMPTS = 3
FORGET_AFTER = timedelta(days=1)
LOST_EXCEPTION = "kring.core.worker.WorkerLost"


class WorkerLost(Exception):
    """The worker running a task stopped before the task finished (recorded, never raised)."""


@dataclass
class Recovery:
    """What one recovery pass did: task ids put back in the queue, and given up on."""

    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def heartbeat_beat(*, worker_id: str, started_at) -> None:
    """Record that worker `worker_id` (this process) is alive now."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": timezone.now(),
        },
    )


def heartbeat_end(*, worker_id: str) -> None:
    """Forget worker `worker_id`: it stopped on purpose."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def newest_heartbeat_age() -> float | None:
    """Return the seconds since any worker last beat, or None if none ever did."""
    newest = WorkerHeartbeat.objects.aggregate(newest=Max("seen_at"))["newest"]
    if newest is None:
        return None
    return max(0.0, (timezone.now() - newest).total_seconds())


def tasks_recover(
    *, stale_after: float = STALE_AFTER_SECONDS, max_attempts: int = MAX_ATTEMPTS
) -> Recovery:
    """Requeue RUNNING tasks whose worker has been silent for `stale_after` seconds.

    A task that started less than `stale_after` seconds ago is left alone whatever its
    worker, so a worker that has not written its first heartbeat yet loses nothing.
    """
    now = timezone.now()
    cutoff = now - timedelta(seconds=stale_after)
    # Workers gone for a day are history; their tasks were recovered long ago.
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True)
    )
    recovery = Recovery()
    running = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    for task_id, worker_ids in running.values_list("id", "worker_ids"):
        if worker_ids and worker_ids[-1] in alive:
            continue
        # worker_ids gains one entry per claim: its length is the number of attempts.
        target = recovery.failed if len(worker_ids) >= max_attempts else recovery.requeued
        target.append(str(task_id))
    # `status=RUNNING` again in the UPDATE: a task that finished meanwhile stays finished.
    still_running = DBTaskResult.objects.running()
    if recovery.requeued:
        still_running.filter(id__in=recovery.requeued).update(status=TaskResultStatus.READY)
        logger.warning("requeued %d task(s) of stopped workers", len(recovery.requeued))
    if recovery.failed:
        still_running.filter(id__in=recovery.failed).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=LOST_EXCEPTION,
            traceback=f"{LOST_EXCEPTION}: the worker running this task stopped "
            f"{max_attempts} times before it finished; not trying again.\n",
        )
        logger.error("gave up on %d task(s) that lost their worker", len(recovery.failed))
    return recovery


def tasks_requeue(task_ids: list[str]) -> int:
    """Put these tasks back in the queue if they are still RUNNING; return how many were."""
    if not task_ids:
        return 0
    running = DBTaskResult.objects.running().filter(id__in=task_ids)
    return running.update(status=TaskResultStatus.READY)


def hourly_tasks_enqueue() -> int:
    """Enqueue every task in KRING_HOURLY_TASKS (digests, ...); return how many were enqueued.

    Called by each worker once per clock hour. With several workers a task is enqueued
    several times an hour; hourly tasks are idempotent (digests record their period).
    """
    enqueued = 0
    for path in getattr(settings, "KRING_HOURLY_TASKS", []):
        try:
            import_string(path).enqueue()
            enqueued += 1
        except DatabaseError:
            raise
        except Exception:
            logger.exception("could not enqueue hourly task %s", path)
    return enqueued


class Heartbeat(threading.Thread):
    """Beat every `interval` seconds and recover orphaned tasks every `stale_after` seconds.

    Runs beside the worker loop, so a long task does not look like a dead worker. Database
    errors are logged and retried on the next beat: an outage must not end the thread.
    """

    def __init__(self, *, worker_id: str, interval: float, stale_after: float) -> None:
        super().__init__(name=f"kring-heartbeat-{worker_id[:8]}", daemon=True)
        self.worker_id = worker_id
        self.interval = interval
        self.stale_after = stale_after
        self.started_at = timezone.now()
        self._stopping = threading.Event()

    def beat_and_recover(self, *, recover: bool) -> None:
        """One beat (and, if asked, one recovery pass) in the calling thread."""
        heartbeat_beat(worker_id=self.worker_id, started_at=self.started_at)
        if recover:
            tasks_recover(stale_after=self.stale_after)
        self.hourly()

    def hourly(self) -> None:
        """Enqueue the hourly tasks on the first beat of every clock hour."""
        hour = timezone.now().replace(minute=0, second=0, microsecond=0)
        if getattr(self, "_last_hour", None) != hour:
            hourly_tasks_enqueue()
            self._last_hour = hour

    def run(self) -> None:
        last_recovery = 0.0
        elapsed = 0.0
        try:
            while not self._stopping.wait(self.interval):
                elapsed += self.interval
                recover = elapsed - last_recovery >= self.stale_after
                try:
                    self.beat_and_recover(recover=recover)
                    if recover:
                        last_recovery = elapsed
                except DatabaseError as error:
                    logger.warning("heartbeat failed, retrying: %s", error)
                    # Drop the broken connection; the next beat opens a fresh one.
                    connections.close_all()
        finally:
            connections.close_all()

    def stop(self) -> None:
        """Ask the thread to end and wait briefly for it."""
        self._stopping.set()
        self.join(timeout=max(1.0, self.interval))
