"""Writing topics and mentions: what a post or reply body tags, merging topics.

posts.services calls `body_prepare` before it saves a body and `body_tags_record` after,
in the same transaction, so a post's topics and mentions always match its text.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import PermissionDenied, ValidationFailed
from kring.core.markdown import TagLinks, extract_tags, render_markdown_with_tags
from kring.groups.models import Group, Membership
from kring.people.models import User
from kring.posts.models import Post, Reply
from kring.search.services import index_later  # issue 5: search
from kring.topics.models import Mention, Topic, TopicUse, topic_key

MENTIONS_MAX = 20  # more names in one message are not mentions but a mailing list


@dataclass(frozen=True)
class PreparedBody:
    """A body rendered to HTML, with the topics it names and whom it mentions."""

    html: str
    topic_names: list[str] = field(default_factory=list)
    person_ids: list[int] = field(default_factory=list)
    group_ids: list[int] = field(default_factory=list)


def topic_url(name: str) -> str:
    return reverse("topics:detail", args=[topic_key(name)])


def _mentioned(author: User, names: list[str]) -> tuple[dict[str, User], dict[str, Group]]:
    """The colleagues and groups the author may see that `names` name, by case-folded name.

    A name the author cannot see resolves to nothing: it stays text, and nobody hears of it.
    """
    names = names[:MENTIONS_MAX]
    if not names:
        return {}, {}
    by_name = Q()
    for name in names:
        by_name |= Q(username__iexact=name)
    people = access.visible(author, User.objects.filter(by_name))
    by_slug = Q()
    for name in names:
        by_slug |= Q(slug__iexact=name)
    groups = access.visible(author, Group.objects.filter(by_slug))
    return (
        {person.username.casefold(): person for person in people},
        {group.slug.casefold(): group for group in groups},
    )


def body_prepare(*, author: User, body: str) -> PreparedBody:
    """Render `body` for the author: hashtags link to their topic, known mentions to their page.

    A mention of a person wins over a group with the same short name. A secret group is
    recorded (its members may hear of it) but never shown as a link: a link would tell
    every reader of the post that the group exists.
    """
    tags = extract_tags(body)
    people, groups = _mentioned(author, tags.mentions)

    def mention_url(name: str) -> str | None:
        name = name.casefold()
        if name in people:
            return people[name].get_absolute_url()
        group = groups.get(name)
        if group is not None and group.visibility != Group.Visibility.SECRET:
            return group.get_absolute_url()
        return None

    html = render_markdown_with_tags(
        body, links=TagLinks(hashtag_url=topic_url, mention_url=mention_url)
    )
    return PreparedBody(
        html=html,
        topic_names=tags.hashtags,
        person_ids=[p.pk for p in people.values()],
        group_ids=[g.pk for name, g in groups.items() if name not in people],
    )


def topics_for(names: Iterable[str]) -> list[Topic]:
    """The topics named, created where new; a merged topic stands for its target."""
    wanted = {topic_key(name): name for name in names}
    if not wanted:
        return []
    found = {t.key: t for t in Topic.objects.filter(key__in=wanted).select_related("merged_into")}
    for key, name in wanted.items():
        if key not in found:
            found[key], created = Topic.objects.get_or_create(key=key, defaults={"name": name})
            if created:
                index_later("topic", found[key].pk)  # issue 5: search
    return [found[key].merged_into or found[key] for key in wanted]


def body_tags_record(
    *, item: Post | Reply, prepared: PreparedBody, fresh: bool = False
) -> set[int]:
    """Store the topics and mentions of a saved post or reply; return whom to notify.

    On an edit, topics and mentions no longer in the text are removed; only people
    mentioned for the first time in this item are returned (see `mentions_recorded`).
    `fresh`: the item was just created, so it has nothing stored yet to compare with.
    """
    if fresh and not (prepared.topic_names or prepared.person_ids or prepared.group_ids):
        return set()
    post_id, reply_id = (item.pk, None) if isinstance(item, Post) else (item.post_id, item.pk)
    topic_ids = {topic.pk for topic in topics_for(prepared.topic_names)}
    uses = TopicUse.objects.filter(post_id=post_id, reply_id=reply_id)
    uses.exclude(topic_id__in=topic_ids).delete()
    present = set(uses.values_list("topic_id", flat=True))
    TopicUse.objects.bulk_create(
        TopicUse(topic_id=pk, post_id=post_id, reply_id=reply_id) for pk in topic_ids - present
    )
    mentions = Mention.objects.filter(post_id=post_id, reply_id=reply_id)
    mentions.exclude(
        Q(person_id__in=prepared.person_ids) | Q(group_id__in=prepared.group_ids)
    ).delete()
    known = set(mentions.values_list("person_id", "group_id"))
    new = [
        Mention(post_id=post_id, reply_id=reply_id, person_id=pk)
        for pk in prepared.person_ids
        if (pk, None) not in known
    ] + [
        Mention(post_id=post_id, reply_id=reply_id, group_id=pk)
        for pk in prepared.group_ids
        if (None, pk) not in known
    ]
    Mention.objects.bulk_create(new)
    return mentions_recorded(
        item=item,
        person_ids=[m.person_id for m in new if m.person_id],
        group_ids=[m.group_id for m in new if m.group_id],
    )


# posts.services calls
#   kring.notifications.services.notify(kind="mention", recipients=<this result>,
#                                       actor=item.author, target=item)
# with what this returns, from post and reply create and update.
def mentions_recorded(
    *, item: Post | Reply, person_ids: list[int], group_ids: list[int]
) -> set[int]:
    """The ids of the people to notify of new mentions in `item`.

    People mentioned plus the members of mentioned groups, minus the author, and only
    those who may read the item (kring.access.audience): a mention never reaches someone
    who cannot see the post, and never tells them that a group exists.
    """
    candidates = set(person_ids)
    if group_ids:
        members = Membership.objects.filter(group_id__in=group_ids).values_list(
            "user_id", flat=True
        )
        candidates.update(members)
    candidates.discard(item.author_id)
    if not candidates:
        return set()
    return access.audience(item, among=candidates)


@transaction.atomic
def topic_merge(*, actor: User, source: Topic, target: Topic) -> Topic:
    """Merge `source` into `target`: its uses and followers move, its key redirects.

    Uses and follows that `target` already has are dropped instead of doubled. Site admins only.
    """
    from kring.follows.models import Follow

    if not access.can_merge_topic(actor, source):
        raise PermissionDenied(_("Only site administrators can merge topics."))
    target = target.merged_into or target
    if target.pk == source.pk:
        raise ValidationFailed(_("Choose another topic to merge into."), field="target")
    TopicUse.objects.filter(topic=source, reply__isnull=True).filter(
        post_id__in=TopicUse.objects.filter(topic=target, reply__isnull=True).values("post_id")
    ).delete()
    TopicUse.objects.filter(topic=source, reply__isnull=False).filter(
        reply_id__in=TopicUse.objects.filter(topic=target, reply__isnull=False).values("reply_id")
    ).delete()
    TopicUse.objects.filter(topic=source).update(topic=target)
    Follow.objects.filter(topic=source).filter(
        follower_id__in=Follow.objects.filter(topic=target).values("follower_id")
    ).delete()
    Follow.objects.filter(topic=source).update(topic=target)
    Topic.objects.filter(merged_into=source).update(merged_into=target)
    source.merged_into = target
    source.save(update_fields=["merged_into"])
    index_later("topic", source.pk)  # a merged topic is no longer found itself
    return target
