"""The batched rules of a thread page agree with the one-at-a-time rules, for every viewer.

A thread page asks for fifty replies at once (`reply_rights`, `can_react_to_each`,
`can_react_to_replies`), from the replies or from their rows (`ReplyFacts`); the answers
must be exactly what `can_edit_reply`, `can_delete_reply` and `can_react` say.
"""

from django.contrib.auth.models import AnonymousUser

from kring import access
from kring.posts import services as post_services
from kring.posts.models import Post, Reply
from kring.posts.selectors import thread_page_for


def _viewers(world) -> list:
    return [
        AnonymousUser(),
        world.admin,
        world.member,
        world.outsider,
        world.guest,
        world.site_admin,
    ]


def _replies_everywhere(world) -> dict[str, list[Reply]]:
    """Replies by the member and the admin under each space's post, one of them removed
    (kept as a placeholder above its answer)."""
    replies = {}
    for space, post in world.posts.items():
        by_member = post_services.reply_create(actor=world.member, post=post, body="Van Bram")
        by_admin = post_services.reply_create(actor=world.admin, post=post, body="Van Anna")
        removed = post_services.reply_create(actor=world.member, post=post, body="Weg")
        # A removed reply stays as a placeholder while it has an answer.
        post_services.reply_create(actor=world.admin, post=post, body="Erop", parent=removed)
        post_services.reply_delete(actor=world.member, reply=removed)
        replies[space] = list(Reply.objects.filter(post=post).select_related("post__group"))
        assert {r.deleted_at is not None for r in replies[space]} == {False, True}
        assert {r.author_id for r in replies[space]} == {world.member.pk, world.admin.pk}
        del by_member, by_admin
    return replies


def test_reply_rights_agree_with_can_edit_and_can_delete_reply_for_every_viewer(world):
    replies = _replies_everywhere(world)
    for viewer in _viewers(world):
        for space, post in world.posts.items():
            rights = access.reply_rights(viewer, post, replies[space])
            for reply in replies[space]:
                expected = (
                    access.can_edit_reply(viewer, reply),
                    access.can_delete_reply(viewer, reply),
                )
                assert rights[reply.pk] == expected, (viewer, space, reply.body)


def test_reply_rights_and_reactions_from_a_pages_rows_agree_with_the_replies(world):
    """A thread page kept as one block asks the rules of its rows, not of built replies."""
    replies = _replies_everywhere(world)
    for viewer in _viewers(world):
        for space, post in world.posts.items():
            page = thread_page_for(viewer, post)
            if not access.can_view(viewer, post):
                assert page.facts == []
                continue
            assert {fact.pk for fact in page.facts} == {reply.pk for reply in replies[space]}
            assert access.reply_rights(viewer, post, page.facts) == access.reply_rights(
                viewer, post, replies[space]
            ), (viewer, space)
            expected = {reply.pk: access.can_react(viewer, reply) for reply in replies[space]}
            from_rows = access.can_react_to_replies(viewer, post, page.facts)
            assert from_rows == expected, (viewer, space)
            assert access.can_react_to_replies(viewer, post, replies[space]) == expected


def test_can_react_to_each_agrees_with_can_react_for_every_viewer(world):
    replies = _replies_everywhere(world)
    posts = list(world.posts.values())
    for viewer in _viewers(world):
        answers = access.can_react_to_each(viewer, posts)
        assert answers == {post.pk: access.can_react(viewer, post) for post in posts}
        for space in world.posts:
            answers = access.can_react_to_each(viewer, replies[space])
            expected = {reply.pk: access.can_react(viewer, reply) for reply in replies[space]}
            assert answers == expected, (viewer, space)


def test_posts_every_employee_reads_and_their_own_groups_are_what_each_employee_reads(world):
    """The "Voor jou" candidates share the first part between employees (kring.feeds)."""
    posts = Post.objects.all()
    shared = set(access.posts_every_employee_reads(posts).values_list("pk", flat=True))
    for viewer in (world.admin, world.member, world.outsider, world.site_admin):
        beyond = access.groups_beyond_every_employee(viewer)
        own = set(posts.filter(group_id__in=beyond).values_list("pk", flat=True))
        assert shared | own == set(access.visible(viewer, posts).values_list("pk", flat=True))
    closed, secret = world.groups["closed"], world.groups["secret"]
    assert access.groups_beyond_every_employee(world.member) == sorted([closed.pk, secret.pk])
    assert access.groups_beyond_every_employee(world.outsider) == []
    assert world.posts["secret"].pk not in shared and world.posts["closed"].pk not in shared
