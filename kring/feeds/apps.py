from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db import transaction


def _rank_after_sign_in(sender, request, user, **kwargs) -> None:
    """A sign-in is not a change of data: ranking in the worker is only a head start."""
    from kring.feeds.tasks import for_you_rank

    transaction.on_commit(lambda: for_you_rank.enqueue(user_id=user.pk))


class FeedsConfig(AppConfig):
    name = "kring.feeds"
    label = "feeds"

    def ready(self) -> None:
        user_logged_in.connect(_rank_after_sign_in, dispatch_uid="kring.feeds.rank_after_sign_in")
