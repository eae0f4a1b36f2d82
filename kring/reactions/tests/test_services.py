"""Giving and taking back reactions, the counts on the target, and praise posts."""

import pytest
from django.db import IntegrityError, transaction

from kring.core.errors import NotFound, ValidationFailed
from kring.groups import services as group_services
from kring.posts import services as post_services
from kring.posts.models import Post, Reply
from kring.reactions import services
from kring.reactions.models import Praise, Reaction
from kring.reactions.selectors import counts_by_kind


def _counts(target) -> dict[str, int]:
    target.refresh_from_db()
    return counts_by_kind(target)


def test_reaction_toggle_gives_then_takes_back_if_clicked_twice(world):
    post = world.posts["company"]
    assert services.reaction_toggle(actor=world.outsider, target=post, kind="like") is True
    assert _counts(post)["like"] == 1
    assert services.reaction_toggle(actor=world.outsider, target=post, kind="like") is False
    assert _counts(post)["like"] == 0
    assert not Reaction.objects.exists()


def test_reaction_counts_stay_right_if_many_people_and_kinds_toggle(world):
    post = world.posts["open"]
    people = [world.admin, world.member, world.outsider, world.site_admin]
    for person in people:
        for kind in ("like", "thanks", "insightful", "celebrate"):
            services.reaction_toggle(actor=person, target=post, kind=kind)
    for person in people[:2]:
        services.reaction_toggle(actor=person, target=post, kind="thanks")
    assert _counts(post) == {"like": 4, "thanks": 2, "insightful": 4, "celebrate": 4}
    assert Reaction.objects.filter(post=post).count() == 14


def test_reaction_set_changes_nothing_if_given_or_taken_back_twice(world):
    post = world.posts["company"]
    assert services.reaction_set(actor=world.admin, target=post, kind="thanks", on=True)
    assert not services.reaction_set(actor=world.admin, target=post, kind="thanks", on=True)
    assert _counts(post)["thanks"] == 1
    assert services.reaction_set(actor=world.admin, target=post, kind="thanks", on=False)
    assert not services.reaction_set(actor=world.admin, target=post, kind="thanks", on=False)
    assert _counts(post)["thanks"] == 0


def test_reaction_model_fails_if_same_person_kind_and_target_twice(world):
    post = world.posts["company"]
    Reaction.objects.create(user=world.admin, post=post, kind="like")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(user=world.admin, post=post, kind="like")


def test_reaction_model_fails_if_both_or_neither_target(world):
    post = world.posts["company"]
    reply = post_services.reply_create(actor=world.admin, post=post, body="Ja")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(user=world.admin, post=post, reply=reply, kind="like")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(user=world.admin, kind="like")


def test_reaction_on_reply_counts_on_the_reply_not_the_post(world):
    post = world.posts["company"]
    reply = post_services.reply_create(actor=world.admin, post=post, body="Goed punt")
    services.reaction_toggle(actor=world.outsider, target=reply, kind="insightful")
    assert _counts(reply)["insightful"] == 1
    assert _counts(post)["insightful"] == 0


def test_reaction_toggle_fails_with_message_if_reply_removed(world):
    post = world.posts["company"]
    reply = post_services.reply_create(actor=world.admin, post=post, body="Weg ermee")
    post_services.reply_create(actor=world.member, post=post, parent=reply, body="Antwoord")
    post_services.reply_delete(actor=world.admin, reply=reply)
    reply = Reply.objects.get(pk=reply.pk)
    with pytest.raises(ValidationFailed) as refused:
        services.reaction_toggle(actor=world.outsider, target=reply, kind="like")
    assert refused.value.status == 409
    assert "verwijderd" in str(refused.value.message)


def test_reaction_toggle_fails_as_not_found_if_post_unreadable(world):
    closed = world.posts["closed"]
    with pytest.raises(NotFound):
        services.reaction_toggle(actor=world.outsider, target=closed, kind="like")
    assert _counts(closed)["like"] == 0


def test_reaction_toggle_fails_if_kind_unknown(world):
    with pytest.raises(ValidationFailed):
        services.reaction_toggle(actor=world.admin, target=world.posts["company"], kind="love")


def test_reactions_go_with_a_deleted_post(world):
    post = world.posts["company"]
    services.reaction_toggle(actor=world.admin, target=post, kind="like")
    post_services.post_delete(actor=world.member, post=post)
    assert not Reaction.objects.exists()


def test_reaction_recipients_returns_author_unless_author_reacted(world):
    post = world.posts["company"]  # by member
    services.reaction_toggle(actor=world.outsider, target=post, kind="like")
    services.reaction_toggle(actor=world.member, target=post, kind="like")
    by_outsider = Reaction.objects.get(user=world.outsider)
    by_author = Reaction.objects.get(user=world.member)
    assert services.reaction_recipients(by_outsider) == {world.member.pk}
    assert services.reaction_recipients(by_author) == set()


def _praise(world, **overrides) -> Post:
    values = {
        "actor": world.admin,
        "group": None,
        "body": "Dank jullie wel!",
        "praised_ids": [world.member.pk, world.outsider.pk],
        "reason": "de verhuizing naar het nieuwe kantoor",
    }
    values.update(overrides)
    return services.praise_create(**values)


def test_praise_create_writes_a_post_with_praised_people_and_reason(world):
    post = _praise(world)
    praise = Praise.objects.get(post=post)
    assert set(praise.praised.values_list("pk", flat=True)) == {world.member.pk, world.outsider.pk}
    assert praise.reason == "de verhuizing naar het nieuwe kantoor"


def test_praise_create_fails_and_writes_nothing_if_reason_missing(world):
    with pytest.raises(ValidationFailed) as refused:
        _praise(world, reason="  ")
    assert refused.value.field == "reason"
    assert not Post.objects.filter(body="Dank jullie wel!").exists()


def test_praise_create_fails_if_praising_yourself(world):
    with pytest.raises(ValidationFailed):
        _praise(world, praised_ids=[world.admin.pk])


def test_praise_create_fails_if_person_invisible_to_author(world):
    # A guest in no group sees no colleagues but themself.
    group_services.membership_add(actor=world.admin, group=world.groups["open"], user=world.guest)
    with pytest.raises(ValidationFailed) as refused:
        _praise(
            world, actor=world.guest, group=world.groups["open"], praised_ids=[world.outsider.pk]
        )
    assert refused.value.field == "praised"


def test_praise_recipients_returns_praised_who_may_read_the_post(world):
    post = _praise(world, group=world.groups["closed"])  # outsider cannot read it
    assert services.praise_recipients(post) == {world.member.pk}
