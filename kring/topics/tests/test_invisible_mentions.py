"""Bad input: a mention of someone the writer cannot see is silently nothing."""

from kring.groups import services as group_services
from kring.notifications.models import Notification
from kring.posts import services as post_services
from kring.topics.models import Mention


def test_mention_of_a_colleague_the_guest_cannot_see_links_and_notifies_nobody(
    world, django_capture_on_commit_callbacks
):
    group = world.groups["open"]
    group_services.membership_add(actor=world.admin, group=group, user=world.guest)
    with django_capture_on_commit_callbacks(execute=True):
        post = post_services.post_create(
            actor=world.guest, group=group, body="Weet @carla dit, of @bram?"
        )
    # Carla shares no group with the guest: no link, no mention, no notification,
    # so the post confirms nothing about her. Bram is in the group and is reached.
    assert "/people/carla/" not in post.body_html
    assert 'href="/people/bram/"' in post.body_html
    assert list(Mention.objects.values_list("person__username", flat=True)) == ["bram"]
    assert not Notification.objects.filter(recipient=world.outsider).exists()
    assert Notification.objects.filter(recipient=world.member, kind="mention").exists()
