"""`kring worker`: django-tasks-db's db_worker with a heartbeat, task recovery and patience.

Same options as `db_worker` (see --help), plus --heartbeat and --stale-after. Differences:
- it writes a heartbeat every --heartbeat seconds (for /healthz and for recovery);
- at start-up and every --stale-after seconds it requeues RUNNING tasks whose worker fell
  silent (kring.core.worker.tasks_recover), so a killed worker loses no task;
- when the database goes away it waits and retries instead of exiting, and requeues the
  task it could not record as finished once the database is back.
"""

import contextlib
import logging
import os
import time
from argparse import ArgumentParser

from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker, valid_interval

from kring.core import worker as kring_worker

logger = logging.getLogger("kring.worker")
OUTAGE_RETRY_SECONDS = 3.0


class KringWorker(Worker):
    """db_worker's loop with a heartbeat thread around it and a retry on database outages."""

    def __init__(self, *, heartbeat: float, stale_after: float, **kwargs) -> None:
        super().__init__(**kwargs)
        self.heartbeat_interval = heartbeat
        self.stale_after = stale_after
        self.unrecorded: list[str] = []

    def run(self) -> None:
        beat = kring_worker.Heartbeat(
            worker_id=self.worker_id, interval=self.heartbeat_interval, stale_after=self.stale_after
        )
        try:
            self._wait_for_database(lambda: beat.beat_and_recover(recover=True))
            beat.start()
            while True:
                try:
                    return super().run()
                except (OperationalError, InterfaceError) as error:
                    if not self.running:
                        raise
                    self._outage(error)
                    self._wait_for_database(self._requeue_unrecorded)
        finally:
            beat.stop()
            with contextlib.suppress(OperationalError, InterfaceError):
                kring_worker.heartbeat_end(worker_id=self.worker_id)  # else it just goes stale
            connections.close_all()

    def run_task(self, db_task_result) -> None:
        try:
            super().run_task(db_task_result)
        except (OperationalError, InterfaceError):
            # The task ran (or failed) but its result could not be written: it is still
            # RUNNING in the database under our id. Hand it back once the database returns.
            self.unrecorded.append(str(db_task_result.id))
            raise

    def _requeue_unrecorded(self) -> None:
        if kring_worker.tasks_requeue(self.unrecorded):
            logger.warning("requeued %d task(s) whose result was lost", len(self.unrecorded))
        self.unrecorded.clear()

    def _wait_for_database(self, attempt) -> None:
        while True:
            try:
                attempt()
                return
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    raise
                self._outage(error)

    @staticmethod
    def _outage(error: Exception) -> None:
        logger.warning(
            "database unreachable (%s); trying again in %.0f s", error, OUTAGE_RETRY_SECONDS
        )
        connections.close_all()
        time.sleep(OUTAGE_RETRY_SECONDS)


class Command(DbWorkerCommand):
    help = "Run Kring's background worker (db_worker with a heartbeat and task recovery)"

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--heartbeat",
            type=valid_interval,
            default=kring_worker.HEARTBEAT_SECONDS,
            help="Seconds between heartbeats (default: %(default)r)",
        )
        parser.add_argument(
            "--stale-after",
            type=valid_interval,
            default=kring_worker.STALE_AFTER_SECONDS,
            help="Seconds without a heartbeat after which a worker counts as gone and its "
            "running tasks are queued again (default: %(default)r)",
        )

    def handle(self, *, verbosity: int, **options) -> None:
        # Mirrors DbWorkerCommand.handle, with KringWorker in place of Worker.
        self.configure_logging(verbosity)
        reload, batch = options["reload"], options["batch"]
        if reload and batch:
            logger.warning("--reload and --batch cannot be used together; not reloading.")
            reload = False
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            from django.core.management import CommandError

            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = KringWorker(
            heartbeat=options["heartbeat"] or kring_worker.HEARTBEAT_SECONDS,
            stale_after=max(options["stale_after"], 0.1),
            queue_names=queue_names,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the child that runs tasks
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
