from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_cache_table(sender, using: str = "default", verbosity: int = 1, **kwargs) -> None:
    # The database cache (config/settings/cache.py) needs its table; doing it after every
    # migrate means `kring manage migrate` is the only step. It does nothing for Redis or
    # when the table exists.
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=int(verbosity >= 2))


def _admin_without_task_records() -> None:
    # The worker's task records (django_tasks_db registers them in /admin/) hold each
    # task's arguments: a notification task names the recipients of a post or message, so
    # a site admin would read who is in a secret group or writes to whom. /admin/ manages
    # accounts only (decision 0001); operators read tasks with `kring manage shell`.
    from django.contrib import admin
    from django_tasks_db import admin as _tasks_admin  # noqa: F401  (registered first)
    from django_tasks_db.models import DBTaskResult

    if admin.site.is_registered(DBTaskResult):
        admin.site.unregister(DBTaskResult)


class CoreConfig(AppConfig):
    name = "kring.core"
    label = "core"

    def ready(self) -> None:
        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="kring.core.cache")
        _admin_without_task_records()
