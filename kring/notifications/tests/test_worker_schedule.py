from django_tasks_db.models import DBTaskResult

from kring.core.worker import Heartbeat


def test_heartbeat_enqueues_the_hourly_tasks_once_per_hour(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    beat = Heartbeat(worker_id="w", interval=1, stale_after=60)
    for _ in range(3):
        beat.beat_and_recover(recover=False)
    paths = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert sorted(paths) == [
        "kring.knowledge.tasks.remind_page_reviews",  # issue 5: review reminders
        "kring.notifications.tasks.send_digests",
    ]
