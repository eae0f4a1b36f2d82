"""Operational records: which background workers are alive."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """A running `kring worker`, refreshed every few seconds while it lives.

    /healthz reports the newest one's age; a task RUNNING on a worker whose heartbeat went
    stale is handed back to the queue (kring.core.worker).
    """

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.hostname} (pid {self.pid})"
