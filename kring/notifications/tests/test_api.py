from django.test import Client

from kring.api.services import api_token_issue
from kring.groups import services as group_services
from kring.notifications.models import Notification

URL = "/api/v1/notifications"


def _api(user) -> Client:
    return Client(headers={"authorization": f"Bearer {api_token_issue(user=user)}"})


def test_api_list_returns_the_callers_notifications_newest_first(world, make_notification):
    make_notification(recipient=world.member, target=world.posts["open"], actor=world.admin)
    make_notification(
        recipient=world.member, target=world.groups["secret"], kind="invitation", actor=world.admin
    )
    make_notification(recipient=world.outsider, target=world.posts["open"], actor=world.admin)
    data = _api(world.member).get(URL).json()
    assert data["unread"] == 2 and data["next_cursor"] is None
    assert [item["kind"] for item in data["items"]] == ["invitation", "mention"]
    first = data["items"][0]
    assert first["text"] == "Anna de Vries heeft je toegevoegd aan Groep secret"
    assert first["url"].endswith(world.groups["secret"].get_absolute_url())
    assert first["read"] is False and first["actor"] == world.admin.pk


def test_api_list_leaves_out_a_closed_group_the_caller_left(world, make_notification):
    make_notification(recipient=world.member, target=world.posts["closed"], actor=world.admin)
    group_services.membership_remove(
        actor=world.member, group=world.groups["closed"], user=world.member
    )
    response = _api(world.member).get(URL)
    assert response.json() == {"items": [], "next_cursor": None, "unread": 0}
    assert "Geheime tekst van de closed groep" not in response.content.decode()


def test_api_read_one_passes_for_own_and_fails_with_404_for_others(world, make_notification):
    notification = make_notification(
        recipient=world.member, target=world.posts["open"], actor=world.admin
    )
    assert _api(world.outsider).post(f"{URL}/{notification.pk}/read").status_code == 404
    response = _api(world.member).post(f"{URL}/{notification.pk}/read")
    assert response.status_code == 200 and response.json()["read"] is True


def test_api_read_all_marks_every_unread_one(world, make_notification):
    make_notification(recipient=world.member, target=world.posts["open"], actor=world.admin)
    make_notification(recipient=world.member, target=world.posts["closed"], actor=world.admin)
    assert _api(world.member).post(f"{URL}/read").json() == {"marked": 2}
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_api_list_asks_for_authentication(db):
    assert Client().get(URL).status_code == 401
