"""Background work for the feeds: a colleague's "Voor jou" ranking, ready when they sign in."""

from django.tasks import task
from django.utils import timezone

from kring.feeds.foryou import ranking_for
from kring.people.models import User


@task
def for_you_rank(*, user_id: int) -> int:
    """Rank the colleague's "Voor jou" feed and keep it (kring/feeds/foryou.py, five minutes).

    Enqueued when someone signs in: the home page they land on reads a kept ranking
    instead of ranking some 400 posts while they wait (bench/README.md: the first visit
    is the home feed's slowest). Returns the number of posts ranked; 0 for someone no
    longer active.
    """
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    return ranking_for(user, timezone.now(), kept=False).total
