from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_cache_table(sender, using: str = "default", verbosity: int = 1, **kwargs) -> None:
    # The database cache (config/settings/cache.py) needs its table; doing it after every
    # migrate means `kring manage migrate` is the only step. It does nothing for Redis or
    # when the table exists.
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=int(verbosity >= 2))


class CoreConfig(AppConfig):
    name = "kring.core"
    label = "core"

    def ready(self) -> None:
        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="kring.core.cache")
