"""Topics and mentions recorded from posts and replies; merging topics."""

import pytest

from kring.core.errors import PermissionDenied, ValidationFailed
from kring.follows.models import Follow
from kring.follows.services import follow_add
from kring.groups import services as group_services
from kring.posts import services as post_services
from kring.topics.models import Mention, Topic, TopicUse
from kring.topics.services import topic_merge


def _keys(post) -> set[str]:
    return set(TopicUse.objects.filter(post=post).values_list("topic__key", flat=True))


def test_post_create_records_topics_if_body_has_hashtags(world):
    post = post_services.post_create(
        actor=world.member, group=None, body="#Inkoop en #zorg-innovatie, `#niet`"
    )
    assert _keys(post) == {"inkoop", "zorg-innovatie"}
    assert Topic.objects.get(key="inkoop").name == "Inkoop"
    assert 'href="/topics/inkoop/"' in post.body_html


def test_topic_name_returns_first_spelling_if_later_written_otherwise(world):
    post_services.post_create(actor=world.member, group=None, body="#Inkoop")
    post_services.post_create(actor=world.member, group=None, body="#INKOOP")
    assert list(Topic.objects.values_list("name", "key")) == [("Inkoop", "inkoop")]


def test_post_update_replaces_topics_if_hashtags_change(world):
    post = post_services.post_create(actor=world.member, group=None, body="#oud en #blijft")
    post_services.post_update(actor=world.member, post=post, body="#nieuw en #blijft")
    assert _keys(post) == {"nieuw", "blijft"}


def test_reply_create_records_topic_on_its_post(world):
    post = world.posts["company"]
    reply = post_services.reply_create(actor=world.outsider, post=post, body="Ook #inkoop")
    assert TopicUse.objects.get(topic__key="inkoop").reply == reply
    post_services.reply_delete(actor=world.outsider, reply=reply)
    assert not TopicUse.objects.exists()


def test_post_create_links_mention_if_person_exists(world):
    post = post_services.post_create(actor=world.member, group=None, body="Hoi @carla en @niemand")
    assert 'href="/people/carla/" class="mention"' in post.body_html
    assert "/people/niemand/" not in post.body_html
    assert list(Mention.objects.values_list("person__username", flat=True)) == ["carla"]


def test_post_create_does_not_link_secret_group_if_mentioned(world):
    secret = world.groups["secret"]
    post = post_services.post_create(actor=world.member, group=None, body=f"@{secret.slug}")
    assert secret.get_absolute_url() not in post.body_html
    closed = world.groups["closed"]
    post = post_services.post_create(actor=world.member, group=None, body=f"@{closed.slug}")
    assert closed.get_absolute_url() in post.body_html


def test_post_create_ignores_secret_group_if_author_cannot_see_it(world):
    secret = world.groups["secret"]
    post_services.post_create(actor=world.outsider, group=None, body=f"@{secret.slug}")
    assert not Mention.objects.exists()


def test_topic_merge_moves_uses_and_follows_without_doubles(world):
    both = post_services.post_create(actor=world.member, group=None, body="#inkopen #inkoop")
    only = post_services.post_create(actor=world.member, group=None, body="#inkopen")
    source, target = Topic.objects.get(key="inkopen"), Topic.objects.get(key="inkoop")
    follow_add(actor=world.outsider, target=source)
    follow_add(actor=world.outsider, target=target)
    follow_add(actor=world.member, target=source)
    topic_merge(actor=world.site_admin, source=source, target=target)
    assert _keys(both) == {"inkoop"} and _keys(only) == {"inkoop"}
    assert Follow.objects.filter(topic=target).count() == 2
    assert not Follow.objects.filter(topic=source).exists()
    source.refresh_from_db()
    assert source.merged_into == target
    later = post_services.post_create(actor=world.member, group=None, body="#Inkopen weer")
    assert _keys(later) == {"inkoop"}


def test_topic_merge_fails_if_not_site_admin(world):
    post_services.post_create(actor=world.member, group=None, body="#a1 #b1")
    source, target = Topic.objects.get(key="a1"), Topic.objects.get(key="b1")
    with pytest.raises(PermissionDenied):
        topic_merge(actor=world.admin, source=source, target=target)


def test_topic_merge_fails_if_into_itself(world):
    post_services.post_create(actor=world.member, group=None, body="#a1")
    topic = Topic.objects.get(key="a1")
    with pytest.raises(ValidationFailed):
        topic_merge(actor=world.site_admin, source=topic, target=topic)


def test_mention_of_group_member_recorded_if_new_member_joins(world):
    group = world.groups["open"]
    group_services.membership_add(actor=world.admin, group=group, user=world.outsider)
    post = post_services.post_create(actor=world.member, group=group, body=f"@{group.slug}")
    assert Mention.objects.get(post=post).group == group


def test_post_create_records_one_topic_if_accent_composed_or_decomposed(world):
    post_services.post_create(actor=world.member, group=None, body="#caf\u00e9")
    post_services.post_create(actor=world.member, group=None, body="#Cafe\u0301")
    assert list(Topic.objects.values_list("key", flat=True)) == ["caf\u00e9"]
    assert TopicUse.objects.count() == 2
