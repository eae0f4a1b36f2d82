"""Whom a mention reaches: `mentions_recorded` gives the ids the notifications will get."""

from kring.groups import services as group_services
from kring.posts import services as post_services
from kring.topics.models import Mention
from kring.topics.services import body_prepare, body_tags_record


def _recipients(actor, group, body):
    """Post as `actor` and return whom the mentions in `body` would notify."""
    post = post_services.post_create(actor=actor, group=group, body="eerst")
    prepared = body_prepare(author=actor, body=body)
    post.body = body
    return body_tags_record(item=post, prepared=prepared)


def test_mentions_recorded_returns_mentioned_colleague_if_they_can_read(world):
    assert _recipients(world.member, None, "@carla kijk even") == {world.outsider.pk}


def test_mentions_recorded_excludes_colleague_if_post_in_closed_group(world):
    assert _recipients(world.member, world.groups["closed"], "@carla kijk even") == set()
    assert Mention.objects.filter(person=world.outsider).exists()  # recorded, not delivered


def test_mentions_recorded_excludes_author_and_guest_outside_company_space(world):
    assert _recipients(world.member, None, "@bram @gijs") == set()


def test_mentions_recorded_reaches_members_of_mentioned_group(world):
    group = world.groups["open"]
    group_services.membership_add(actor=world.admin, group=group, user=world.outsider)
    recipients = _recipients(world.member, None, f"Vraag aan @{group.slug}")
    assert recipients == {world.admin.pk, world.outsider.pk}


def test_mentions_recorded_reaches_only_readers_if_group_mentioned_in_closed_post(world):
    closed, open_ = world.groups["closed"], world.groups["open"]
    group_services.membership_add(actor=world.admin, group=open_, user=world.outsider)
    recipients = _recipients(world.member, closed, f"@{open_.slug}")
    assert recipients == {world.admin.pk}  # carla is in the open group, not in the closed one


def test_mentions_recorded_ignores_secret_group_if_author_not_member(world):
    secret = world.groups["secret"]
    recipients = _recipients(world.outsider, None, f"@{secret.slug}")
    assert recipients == set()
    assert not Mention.objects.filter(group=secret).exists()
    post = post_services.post_create(actor=world.outsider, group=None, body=f"@{secret.slug}")
    assert secret.get_absolute_url() not in post.body_html


def test_mentions_recorded_reaches_secret_members_if_member_mentions_it(world):
    secret = world.groups["secret"]
    recipients = _recipients(world.member, secret, f"@{secret.slug}")
    assert recipients == {world.admin.pk}


def test_mentions_recorded_returns_only_new_mentions_if_post_edited(world):
    post = post_services.post_create(actor=world.member, group=None, body="@carla")
    prepared = body_prepare(author=world.member, body="@carla en @sita")
    assert body_tags_record(item=post, prepared=prepared) == {world.site_admin.pk}
