import re
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from kring.groups import services as group_services
from kring.notifications.digests import digests_send_due, period_of
from kring.notifications.models import Digest, DigestSettings, Notification
from kring.posts import services as post_services
from kring.posts.models import Post

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A Monday, after the digest hour (7:00 local time by default).
MONDAY_MORNING = datetime(2026, 11, 30, 8, 0, tzinfo=AMSTERDAM)
Kind = Notification.Kind


@pytest.fixture
def busy_week(world, make_notification):
    """Anna has an unread reply (digest by default) and a popular closed-group post to read."""
    week_ago = MONDAY_MORNING - timedelta(days=3)
    Notification.objects.all().delete()
    reply = make_notification(
        recipient=world.admin, target=world.posts["closed"], kind=Kind.REPLY, actor=world.member
    )
    for post in world.posts.values():
        post.created_at = week_ago
        post.save(update_fields=["created_at"])
    Notification.objects.filter(pk=reply.pk).update(created_at=week_ago)
    post_services.reply_create(actor=world.admin, post=world.posts["closed"], body="Goed punt")
    # Only Anna gets a digest in these tests.
    for person in (world.member, world.outsider, world.guest, world.site_admin):
        DigestSettings.objects.create(user=person, frequency=DigestSettings.Frequency.NEVER)
    return world


def _only_digest():
    (message,) = mail.outbox
    return message


def test_period_of_returns_the_day_or_the_iso_week():
    thursday = datetime(2026, 12, 3, 12, 0, tzinfo=AMSTERDAM)
    assert period_of("daily", thursday)[0] == "day:2026-12-03"
    key, due = period_of("weekly", thursday)
    assert key == "week:2026-W49"
    assert due == datetime(2026, 11, 30, 7, 0, tzinfo=AMSTERDAM)


def test_digest_passes_in_dutch_with_the_unread_items_and_popular_posts(busy_week):
    assert digests_send_due(now=MONDAY_MORNING) == 1
    message = _only_digest()
    assert message.to == [busy_week.admin.email]
    assert message.subject == "Je week in Kring"
    assert "Bram Jansen reageerde op je bericht" in message.body
    assert "Geheime tekst van de closed groep" in message.body
    assert "Populair in je groepen en onderwerpen" in message.body
    html, _ = message.alternatives[0]
    assert 'lang="nl"' in html and "Bram Jansen reageerde op je bericht" in html
    assert "<title>Je week in Kring</title>" in html
    assert "/notifications/digest-off/" in message.extra_headers["List-Unsubscribe"]
    assert Notification.objects.get(kind="reply").digested_at is not None


def test_digest_passes_in_english_if_the_colleague_reads_english(busy_week):
    busy_week.admin.language = "en"
    busy_week.admin.save(update_fields=["language"])
    digests_send_due(now=MONDAY_MORNING)
    message = _only_digest()
    assert message.subject == "Your week in Kring"
    assert "Bram Jansen replied to your post" in message.body
    assert "Popular in your groups and topics" in message.body
    assert 'lang="en"' in message.alternatives[0][0]


def test_digest_is_sent_once_if_the_task_runs_twice(busy_week):
    digests_send_due(now=MONDAY_MORNING)
    digests_send_due(now=MONDAY_MORNING + timedelta(hours=1))
    assert len(mail.outbox) == 1
    assert Digest.objects.filter(user=busy_week.admin).count() == 1


def test_digest_is_not_sent_before_the_digest_hour(busy_week):
    assert digests_send_due(now=MONDAY_MORNING.replace(hour=6)) == 0
    assert mail.outbox == []


def test_digest_daily_comes_every_day(busy_week):
    DigestSettings.objects.create(user=busy_week.admin, frequency=DigestSettings.Frequency.DAILY)
    digests_send_due(now=MONDAY_MORNING)
    Notification.objects.update(digested_at=None)
    post_services.reply_create(
        actor=busy_week.admin, post=busy_week.posts["open"], body="Nog een reactie"
    )
    digests_send_due(now=MONDAY_MORNING + timedelta(days=1))
    assert Digest.objects.filter(user=busy_week.admin).count() == 2


def test_digest_leaves_out_a_closed_group_the_colleague_left(busy_week):
    admin = busy_week.admin
    group = busy_week.groups["closed"]
    group_services.membership_set_role(
        actor=admin, group=group, user=busy_week.member, role="admin"
    )
    group_services.membership_remove(actor=admin, group=group, user=admin)
    Notification.objects.create(
        recipient=admin, kind=Kind.REPLY, actor=busy_week.member, post=busy_week.posts["open"]
    )
    digests_send_due(now=MONDAY_MORNING)
    message = _only_digest()
    assert "Geheime tekst van de closed groep" not in message.body
    assert "Geheime tekst van de closed groep" not in message.alternatives[0][0]
    assert "Groep closed" not in message.body


def test_digest_is_not_sent_if_switched_off_or_empty(busy_week):
    DigestSettings.objects.create(user=busy_week.admin, frequency=DigestSettings.Frequency.NEVER)
    assert digests_send_due(now=MONDAY_MORNING) == 0
    DigestSettings.objects.filter(user=busy_week.admin).update(frequency="weekly")
    Notification.objects.all().delete()
    Post.objects.update(reply_count=0)
    assert digests_send_due(now=MONDAY_MORNING) == 0
    assert mail.outbox == []


def test_digest_unsubscribe_link_works_once_and_a_tampered_one_fails(busy_week, client):
    digests_send_due(now=MONDAY_MORNING)
    link = re.search(r"http://[^\s]+/notifications/digest-off/[^\s/]+/", _only_digest().body).group(
        0
    )
    path = link.split("127.0.0.1:8000", 1)[1]
    response = client.get(path)
    assert response.status_code == 200
    assert "Je krijgt de samenvatting niet meer per e-mail" in response.content.decode()
    assert DigestSettings.objects.get(user=busy_week.admin).frequency == "never"
    tampered = client.get(path[:-3] + "xx/")
    assert tampered.status_code == 404
    assert "Deze link is verlopen of ongeldig" in tampered.content.decode()


def test_send_digests_command_reports_how_many_went_out(busy_week):
    out = StringIO()
    call_command("send_digests", stdout=out)
    call_command("send_digests", stdout=out)
    assert re.fullmatch(r"[01] digest\(s\) sent\n0 digest\(s\) sent\n", out.getvalue())


def test_digest_passes_with_popular_posts_under_followed_topics_only_if_visible(busy_week):
    """Carla is in no group; she follows #inkoop and hears of the open, not the closed post."""
    from kring.follows.services import follow_add
    from kring.topics.models import Topic

    carla, admin = busy_week.outsider, busy_week.admin
    DigestSettings.objects.filter(user=carla).update(frequency=DigestSettings.Frequency.WEEKLY)
    DigestSettings.objects.create(user=admin, frequency=DigestSettings.Frequency.NEVER)
    for visibility in ("open", "closed"):
        post = post_services.post_create(
            actor=busy_week.member,
            group=busy_week.groups[visibility],
            body=f"Nieuwe aanbesteding #inkoop in {visibility}-kring",
        )
        post_services.reply_create(actor=admin, post=post, body="Mooi")
    post_services.post_create(
        actor=busy_week.member, group=busy_week.groups["open"], body="Ander onderwerp #vakantie"
    )
    follow_add(actor=carla, target=Topic.objects.get(name__iexact="inkoop"))
    Post.objects.filter(body__contains="#").update(created_at=MONDAY_MORNING - timedelta(days=1))
    digests_send_due(now=MONDAY_MORNING)
    message = _only_digest()
    assert message.to == [carla.email]
    assert "Populair in je groepen en onderwerpen" in message.body
    assert "aanbesteding #inkoop in open-kring" in message.body
    assert "closed-kring" not in message.body and "closed-kring" not in message.alternatives[0][0]
    assert "vakantie" not in message.body


def test_digest_is_sent_once_if_a_second_worker_handles_the_same_period(busy_week):
    """Two workers that both found Anna due: the second one's Digest row loses, no mail."""
    from kring.notifications.digests import digest_send

    first = digest_send(user=busy_week.admin, frequency="weekly", now=MONDAY_MORNING)
    second = digest_send(
        user=busy_week.admin, frequency="weekly", now=MONDAY_MORNING + timedelta(minutes=1)
    )
    assert first is not None and first.sent_at is not None
    assert second is None
    assert len(mail.outbox) == 1


def test_digest_passes_with_an_unread_mention_that_was_mailed_at_once(busy_week, committed):
    """Mentions come by e-mail at once; one still unread is repeated in the digest."""
    with committed():
        post_services.post_create(
            actor=busy_week.member, group=None, body="Wil @anna hier nog naar kijken?"
        )
    mention = Notification.objects.get(kind=Kind.MENTION, recipient=busy_week.admin)
    assert mention.emailed_at is not None
    Notification.objects.filter(pk=mention.pk).update(created_at=MONDAY_MORNING - timedelta(days=1))
    mail.outbox.clear()
    digests_send_due(now=MONDAY_MORNING)
    message = _only_digest()
    assert "Bram Jansen noemde je" in message.body
    assert "Wil @anna hier nog naar kijken?" in message.body
    assert "Bram Jansen noemde je" in message.alternatives[0][0]


def test_digest_leaves_out_a_mention_if_read_or_set_to_in_app_only(busy_week, committed):
    from kring.notifications.models import NotificationPreference

    with committed():
        post_services.post_create(actor=busy_week.member, group=None, body="Eerst @anna")
    Notification.objects.filter(kind=Kind.MENTION).update(read_at=MONDAY_MORNING)
    NotificationPreference.objects.create(
        user=busy_week.admin, kind=Kind.MENTION, delivery="in_app"
    )
    with committed():
        post_services.post_create(actor=busy_week.member, group=None, body="Dan @anna")
    Notification.objects.filter(kind=Kind.MENTION).update(
        created_at=MONDAY_MORNING - timedelta(days=1)
    )
    mail.outbox.clear()
    digests_send_due(now=MONDAY_MORNING)
    assert "noemde je" not in _only_digest().body


def test_digest_goes_out_at_the_configured_hour(busy_week, settings):
    settings.KRING_DIGEST_HOUR = 18
    assert digests_send_due(now=MONDAY_MORNING) == 0
    assert digests_send_due(now=MONDAY_MORNING.replace(hour=17, minute=59)) == 0
    assert digests_send_due(now=MONDAY_MORNING.replace(hour=18)) == 1
    assert _only_digest().to == [busy_week.admin.email]


def test_digest_passes_with_popular_posts_of_a_followed_group_one_is_not_in(busy_week):
    """Carla is in no group; she follows the open group and hears of its busy post."""
    from kring.follows.services import follow_add

    carla = busy_week.outsider
    DigestSettings.objects.filter(user=carla).update(frequency=DigestSettings.Frequency.WEEKLY)
    DigestSettings.objects.create(user=busy_week.admin, frequency=DigestSettings.Frequency.NEVER)
    open_group = busy_week.groups["open"]
    post = post_services.post_create(
        actor=busy_week.member, group=open_group, body="Wie helpt zaterdag bij de open dag?"
    )
    post_services.reply_create(actor=busy_week.admin, post=post, body="Ik!")
    Post.objects.filter(pk=post.pk).update(created_at=MONDAY_MORNING - timedelta(days=1))
    assert digests_send_due(now=MONDAY_MORNING) == 0  # not followed yet: nothing for her
    Digest.objects.all().delete()
    follow_add(actor=carla, target=open_group)
    digests_send_due(now=MONDAY_MORNING)
    message = _only_digest()
    assert message.to == [carla.email]
    assert "Wie helpt zaterdag bij de open dag?" in message.body
    assert "Groep open" in message.body
