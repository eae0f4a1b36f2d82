"""A worker killed mid-task loses no task: another worker picks it up again."""

import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kring.core.models import WorkerHeartbeat
from kring.core.tests.worker_tasks import wait_for_release
from kring.core.worker import LOST_EXCEPTION, tasks_recover

WAIT = 60  # seconds; every wait below is bounded


def _running_task(worker_ids: list[str], *, started_seconds_ago: float) -> DBTaskResult:
    """A task that worker_ids[-1] claimed `started_seconds_ago` seconds ago."""
    result = wait_for_release.using(backend="database").enqueue(started="/x", release="/y")
    row = DBTaskResult.objects.get(id=result.id)
    row.status = TaskResultStatus.RUNNING
    row.worker_ids = worker_ids
    row.started_at = timezone.now() - timedelta(seconds=started_seconds_ago)
    row.save()
    return row


def _beat(worker_id: str, *, seconds_ago: float) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname="h",
        pid=1,
        started_at=now - timedelta(hours=1),
        seen_at=now - timedelta(seconds=seconds_ago),
    )


def _status(row: DBTaskResult) -> str:
    row.refresh_from_db()
    return row.status


def test_tasks_recover_requeues_task_if_its_worker_stopped_beating(db):
    _beat("dead", seconds_ago=120)
    row = _running_task(["dead"], started_seconds_ago=300)
    recovery = tasks_recover(stale_after=60)
    assert recovery.requeued == [str(row.id)]
    assert _status(row) == TaskResultStatus.READY


def test_tasks_recover_requeues_task_if_its_worker_never_beat(db):
    row = _running_task(["plain-db-worker"], started_seconds_ago=300)
    tasks_recover(stale_after=60)
    assert _status(row) == TaskResultStatus.READY


def test_tasks_recover_passes_over_task_if_its_worker_is_alive(db):
    _beat("alive", seconds_ago=5)
    row = _running_task(["alive"], started_seconds_ago=3600)  # a long task, still going
    assert tasks_recover(stale_after=60).requeued == []
    assert _status(row) == TaskResultStatus.RUNNING


def test_tasks_recover_passes_over_task_if_it_started_just_now(db):
    row = _running_task(["new-worker"], started_seconds_ago=1)
    tasks_recover(stale_after=60)
    assert _status(row) == TaskResultStatus.RUNNING


def test_tasks_recover_fails_task_if_it_lost_its_worker_three_times(db):
    row = _running_task(["a", "b", "c"], started_seconds_ago=300)
    recovery = tasks_recover(stale_after=60, max_attempts=3)
    assert recovery.failed == [str(row.id)]
    assert _status(row) == TaskResultStatus.FAILED
    assert row.exception_class_path == LOST_EXCEPTION
    assert "stopped 3 times" in row.traceback


def test_tasks_recover_forgets_workers_silent_for_a_day(db):
    _beat("long-gone", seconds_ago=2 * 86400)
    _beat("recent", seconds_ago=600)
    tasks_recover(stale_after=60)
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["recent"]


# The real thing: `kring worker` processes against a database they share with the test.
ENQUEUE = """
from kring.core.tests.worker_tasks import wait_for_release
print(wait_for_release.enqueue(started={started!r}, release={release!r}).id)
"""


def _worker(shared_database, worker_id: str, log: Path, *extra: str) -> subprocess.Popen:
    # These tests follow one task; the hourly tasks (digests) would queue their own.
    shared_database.env["KRING_HOURLY_TASKS"] = ""
    command = [sys.executable, "-m", "kring.cli", "worker", "--worker-id", worker_id]
    command += ["--no-reload", "--no-startup-delay", "--interval", "0.1"]
    command += ["--heartbeat", "0.2", "--stale-after", "1", *extra]
    return shared_database.start(command, stdout=log.open("w"), stderr=subprocess.STDOUT)


def _wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def test_worker_finishes_task_if_the_worker_running_it_was_killed(shared_database, tmp_path):
    started, release = tmp_path / "started", tmp_path / "release"
    task_id = shared_database.run(ENQUEUE.format(started=str(started), release=str(release)))
    task_id = task_id.strip()
    first = _worker(shared_database, "first", tmp_path / "first.log")
    second = None
    try:
        _wait_until(started.exists, "the first worker to start the task")
        first.send_signal(signal.SIGKILL)  # no clean-up, no chance to mark anything
        first.wait(timeout=WAIT)
        rows = shared_database.rows("SELECT status FROM django_tasks_database_dbtaskresult")
        assert rows == [("RUNNING",)]  # what django-tasks-db alone would leave for ever

        release.touch()
        second = _worker(shared_database, "second", tmp_path / "second.log", "--max-tasks", "1")
        second.wait(timeout=WAIT)
        assert second.returncode == 0, (tmp_path / "second.log").read_text()
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()

    status, worker_ids, value = shared_database.rows(
        "SELECT status, worker_ids, return_value FROM django_tasks_database_dbtaskresult"
    )[0]
    assert status == "SUCCESSFUL"
    assert str(value) == "2"  # the second attempt finished it
    assert "first" in str(worker_ids) and "second" in str(worker_ids)
    assert task_id
