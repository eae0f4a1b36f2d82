"""Every kind issue 4 names reaches its recipient through the real service, bell and list.

Mention, reply to my post, reply in a thread I am in, reaction, praise, a request to join
a group I run, being added to a group, and an announcement: each is written by the
service a colleague's click calls, and the recipient then sees it counted in the bell and
worded in the list, while a bystander gets nothing.
"""

import re

import pytest

from kring.announcements import services as announcement_services
from kring.groups import services as group_services
from kring.notifications.models import Notification
from kring.posts import services as post_services
from kring.reactions import services as reaction_services


def _mention(world):
    post_services.post_create(actor=world.admin, group=None, body="Kun jij dit bekijken, @bram?")
    return world.member, "Anna de Vries noemde je"


def _reply(world):
    post_services.reply_create(actor=world.admin, post=world.posts["company"], body="Goed plan")
    return world.member, "Anna de Vries reageerde op je bericht"


def _thread_reply(world):
    post = world.posts["company"]  # by Bram
    post_services.reply_create(actor=world.outsider, post=post, body="Eerste")
    post_services.reply_create(actor=world.admin, post=post, body="Tweede")
    return world.outsider, "Anna de Vries reageerde in een gesprek waar je aan meedoet"


def _reaction(world):
    reaction_services.reaction_toggle(
        actor=world.outsider, target=world.posts["company"], kind="thanks"
    )
    return world.member, "Carla Bakker waardeerde je bericht"


def _praise(world):
    reaction_services.praise_create(
        actor=world.admin,
        group=None,
        body="Top gedaan!",
        praised_ids=[world.member.pk],
        reason="de verhuizing",
    )
    return world.member, "Anna de Vries gaf je een compliment"


def _join_request(world):
    group_services.join_request_create(actor=world.outsider, group=world.groups["closed"])
    return world.admin, "Carla Bakker wil lid worden van Groep closed"


def _invitation(world):
    group_services.membership_add(
        actor=world.admin, group=world.groups["closed"], user=world.outsider
    )
    return world.outsider, "Anna de Vries heeft je toegevoegd aan Groep closed"


def _announcement(world):
    announcement_services.announcement_create(
        actor=world.admin, group=world.groups["closed"], body="De balie is maandag dicht."
    )
    return world.member, "Anna de Vries plaatste een aankondiging"


KINDS = {
    "mention": _mention,
    "reply": _reply,
    "thread_reply": _thread_reply,
    "reaction": _reaction,
    "praise": _praise,
    "join_request": _join_request,
    "invitation": _invitation,
    "announcement": _announcement,
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_reaches_the_bell_and_list_of_its_recipient_only(
    world, committed, client_for, kind
):
    Notification.objects.all().delete()
    with committed():
        recipient, sentence = KINDS[kind](world)
    notified = Notification.objects.filter(kind=kind).values_list("recipient_id", flat=True)
    assert list(notified) == [recipient.pk]
    assert Notification.objects.filter(recipient=recipient).count() == 1
    client = client_for(recipient)
    bell = client.get("/notifications/bell/").content.decode()
    assert re.search(r'id="bell-count"[^>]*>1<', bell)
    assert sentence in client.get("/notifications/").content.decode()


def test_reaction_notifies_nobody_if_the_author_reacts_to_their_own_post(world, committed):
    Notification.objects.all().delete()
    with committed():
        reaction_services.reaction_toggle(
            actor=world.member, target=world.posts["company"], kind="like"
        )
    assert not Notification.objects.exists()


def test_reaction_notifies_once_if_given_taken_back_and_given_again(world, committed):
    """Clicking a reaction on and off does not ring the author's bell again and again."""
    Notification.objects.all().delete()
    post = world.posts["company"]
    for _ in range(3):
        with committed():
            reaction_services.reaction_toggle(actor=world.outsider, target=post, kind="like")
    assert Notification.objects.filter(recipient=world.member, kind="reaction").count() == 1


def test_praise_notifies_only_praised_colleagues_who_may_read_the_post(world, committed):
    Notification.objects.all().delete()
    with committed():
        reaction_services.praise_create(
            actor=world.admin,
            group=world.groups["closed"],
            body="Dank!",
            praised_ids=[world.member.pk, world.outsider.pk],
            reason="het rooster",
        )
    assert list(Notification.objects.values_list("recipient_id", "kind")) == [
        (world.member.pk, "praise")
    ]
