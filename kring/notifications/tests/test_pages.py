import re

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kring.groups import services as group_services
from kring.notifications.models import DigestSettings, Notification, NotificationPreference
from kring.notifications.services import unsubscribe_token

Kind = Notification.Kind
LIST = "/notifications/"


def test_bell_shows_the_unread_count_on_every_signed_in_page(world, client_for, make_notification):
    make_notification(recipient=world.admin, target=world.posts["open"], actor=world.member)
    make_notification(recipient=world.admin, target=world.posts["closed"], actor=world.member)
    page = client_for(world.admin).get("/").content.decode()
    assert 'id="bell"' in page
    assert 'aria-label="Meldingen, 2 ongelezen"' in page
    assert re.search(r'id="bell-count"[^>]*>2<', page)


def test_bell_is_not_on_pages_for_signed_out_visitors(client):
    assert 'id="bell"' not in client.get("/accounts/login/").content.decode()


def test_bell_endpoint_returns_just_the_bell(world, client_for, make_notification):
    make_notification(recipient=world.admin, target=world.posts["open"], actor=world.member)
    response = client_for(world.admin).get("/notifications/bell/")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.startswith('<a id="bell"') and "<html" not in body
    assert 'aria-label="Meldingen, 1 ongelezen"' in body


def test_list_shows_notifications_newest_first_with_unread_marked(
    world, client_for, make_notification
):
    make_notification(recipient=world.admin, target=world.posts["open"], actor=world.member)
    newest = make_notification(
        recipient=world.admin,
        target=world.groups["closed"],
        kind=Kind.JOIN_REQUEST,
        actor=world.outsider,
    )
    newest.read_at = newest.created_at
    newest.save()
    page = client_for(world.admin).get(LIST).content.decode()
    assert page.index("Carla Bakker wil lid worden van Groep closed") < page.index(
        "Bram Jansen noemde je"
    )
    assert page.count('class="notification is-unread"') == 1
    assert "1 ongelezen" in page


def test_list_shows_an_empty_state_if_there_is_nothing(world, client_for):
    page = client_for(world.outsider).get(LIST).content.decode()
    assert "Nog geen meldingen" in page


def test_list_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(LIST)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_list_pages_with_a_cursor(world, client_for, make_notification):
    for _ in range(25):
        Notification.objects.create(
            recipient=world.admin, kind=Kind.MENTION, post=world.posts["open"]
        )
    client = client_for(world.admin)
    first = client.get(LIST).content.decode()
    assert first.count('class="notification is-unread"') == 20
    cursor = re.search(r'\?cursor=([^"&]+)', first).group(1)
    more = client.get(f"{LIST}?cursor={cursor}", headers={"HX-Request": "true"}).content.decode()
    assert more.count('class="notification is-unread"') == 5 and "<html" not in more


def test_open_marks_read_and_goes_to_the_target(world, client_for, make_notification):
    reply = world.posts["open"]
    notification = make_notification(recipient=world.admin, target=reply, actor=world.member)
    response = client_for(world.admin).get(f"/notifications/{notification.pk}/")
    assert response.status_code == 302 and response["Location"] == reply.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_fails_with_404_if_the_notification_is_someone_elses(
    world, client_for, make_notification
):
    notification = make_notification(recipient=world.admin, target=world.posts["open"])
    assert client_for(world.outsider).get(f"/notifications/{notification.pk}/").status_code == 404
    assert client_for(world.outsider).get("/notifications/999999/").status_code == 404


def test_member_who_left_a_closed_group_sees_nothing_more_from_it(
    world, client_for, make_notification
):
    notification = make_notification(
        recipient=world.member, target=world.posts["closed"], actor=world.admin
    )
    make_notification(recipient=world.member, target=world.posts["open"], actor=world.admin)
    group_services.membership_remove(
        actor=world.member, group=world.groups["closed"], user=world.member
    )
    client = client_for(world.member)
    page = client.get(LIST).content.decode()
    assert "Geheime tekst van de closed groep" not in page
    assert "Geheime tekst van de open groep" in page
    assert 'aria-label="Meldingen, 1 ongelezen"' in page
    assert client.get(f"/notifications/{notification.pk}/").status_code == 404


def test_mark_all_read_passes_with_and_without_htmx(world, client_for, make_notification):
    make_notification(recipient=world.admin, target=world.posts["open"], actor=world.member)
    client = client_for(world.admin)
    response = client.post("/notifications/read/")
    assert response.status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    make_notification(recipient=world.admin, target=world.posts["closed"], actor=world.member)
    response = client.post("/notifications/read/", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and "Je hebt alles gelezen." in body
    assert (
        'hx-swap-oob="true" href="/notifications/" data-refresh-url="/notifications/bell/" '
        'aria-label="Meldingen, niets ongelezen"' in body
    )
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def _list_queries(client) -> int:
    """Queries of the list page with the header's counts kept (the second of two visits)."""
    client.get(LIST)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return len(queries)


def test_list_page_queries_stay_the_same_if_there_are_more_notifications(world, client_for):
    client = client_for(world.admin)
    targets = [world.posts["open"], world.posts["closed"], world.groups["secret"]]

    def add(n: int) -> None:
        for i in range(n):
            target = targets[i % 3]
            field = "group" if target in world.groups.values() else "post"
            Notification.objects.create(
                recipient=world.admin, kind=Kind.MENTION, actor=world.member, **{field: target}
            )

    add(5)
    few = _list_queries(client)
    add(45)
    assert _list_queries(client) == few


def test_preferences_show_the_defaults(world, client_for):
    page = client_for(world.admin).get("/notifications/preferences/").content.decode()
    assert "<legend>Als iemand je noemt</legend>" in page
    assert re.search(r'name="kind_mention" value="email"[^>]*checked', page)
    assert re.search(r'name="kind_reply" value="digest"[^>]*checked', page)
    assert re.search(r'name="frequency" value="weekly"[^>]*checked', page)
    assert "Hij komt rond 7:00 uur" in page


def _form(**changes) -> dict:
    data = {f"kind_{kind}": "digest" for kind in Kind.values}
    data["frequency"] = "weekly"
    data.update(changes)
    return data


def test_preferences_save_passes_if_every_choice_is_valid(world, client_for):
    client = client_for(world.admin)
    response = client.post(
        "/notifications/preferences/", _form(kind_mention="in_app", frequency="daily")
    )
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=world.admin, kind="mention").delivery == "in_app"
    assert DigestSettings.objects.get(user=world.admin).frequency == "daily"


def test_preferences_save_fails_clearly_if_a_choice_is_bad_and_keeps_the_rest(world, client_for):
    response = client_for(world.admin).post(
        "/notifications/preferences/", _form(kind_mention="pigeon", kind_reply="in_app")
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Kies bij elke soort één mogelijkheid" in page
    assert re.search(r'name="kind_reply" value="in_app"[^>]*checked', page)
    assert not NotificationPreference.objects.exists()


def test_profile_edit_page_links_to_the_preferences(world, client_for):
    page = client_for(world.admin).get(reverse("people:edit")).content.decode()
    assert 'href="/notifications/preferences/"' in page


def test_unsubscribe_link_switches_the_kind_to_in_app_only(world, client):
    token = unsubscribe_token(user=world.admin, kind="mention")
    response = client.get(f"/notifications/unsubscribe/{token}/")
    assert response.status_code == 200
    assert "Je krijgt geen e-mail meer voor: Als iemand je noemt" in response.content.decode()
    assert NotificationPreference.objects.get(user=world.admin, kind="mention").delivery == "in_app"
    again = client.get(f"/notifications/unsubscribe/{token}/")
    assert again.status_code == 200  # clicking twice changes nothing and says the same


def test_unsubscribe_link_accepts_the_one_click_post_of_mail_clients(world):
    from django.test import Client

    token = unsubscribe_token(user=world.admin, kind="reply")
    response = Client(enforce_csrf_checks=True).post(
        f"/notifications/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=world.admin, kind="reply").delivery == "in_app"


@pytest.mark.parametrize("token", ["nonsense", "eyJ1IjoxfQ:tampered:signature", "other-salt"])
def test_unsubscribe_link_fails_clearly_if_tampered(world, client, token):
    if token == "other-salt":
        token = signing.dumps({"u": world.admin.pk, "k": "mention"}, salt="another purpose")
    response = client.get(f"/notifications/unsubscribe/{token}/")
    assert response.status_code == 404
    assert "Deze link is verlopen of ongeldig" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_unsubscribe_token_of_one_purpose_fails_for_the_other(world, client):
    kind_token = unsubscribe_token(user=world.admin, kind="mention")
    assert client.get(f"/notifications/digest-off/{kind_token}/").status_code == 404
    digest_token = unsubscribe_token(user=world.admin, kind=None)
    assert client.get(f"/notifications/unsubscribe/{digest_token}/").status_code == 404
    assert client.get(f"/notifications/digest-off/{digest_token}/").status_code == 200
    assert DigestSettings.objects.get(user=world.admin).frequency == "never"


def test_unsubscribe_link_fails_clearly_if_expired(world, client, monkeypatch):
    import time

    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() - 91 * 24 * 3600)
    token = unsubscribe_token(user=world.admin, kind="mention")
    monkeypatch.setattr(time, "time", real)
    response = client.get(f"/notifications/unsubscribe/{token}/")
    assert response.status_code == 404
    assert "Deze link is verlopen of ongeldig" in response.content.decode()


def test_unread_count_is_two_queries_whatever_the_number(world, django_assert_num_queries):
    from kring.notifications.selectors import unread_count_for

    for target in (world.posts["open"], world.posts["closed"], world.groups["secret"]):
        field = "group" if target in world.groups.values() else "post"
        Notification.objects.create(recipient=world.member, kind=Kind.MENTION, **{field: target})
    with django_assert_num_queries(2):
        assert unread_count_for(world.member) == 3


def test_unread_count_is_one_query_if_everything_is_read(world, django_assert_num_queries):
    from kring.notifications.selectors import unread_count_for

    Notification.objects.create(
        recipient=world.member, kind=Kind.MENTION, post=world.posts["open"], read_at=timezone.now()
    )
    with django_assert_num_queries(1):
        assert unread_count_for(world.member) == 0


def test_unread_count_leaves_out_unread_ones_the_reader_may_no_longer_see(world):
    from kring.notifications.selectors import unread_count_for

    Notification.objects.create(
        recipient=world.outsider, kind=Kind.MENTION, post=world.posts["closed"]
    )
    assert unread_count_for(world.outsider) == 0
