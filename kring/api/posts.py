"""Posts and their replies: the feeds, writing, editing and removing."""

from typing import Annotated

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from kring import access
from kring.announcements.services import announcement_create
from kring.api.dump import respond
from kring.api.schemas import (
    MAX_ID,
    Message,
    PostIn,
    PostOut,
    PostPage,
    PostPatch,
    ReplyIn,
    ReplyList,
    ReplyOut,
)
from kring.core.errors import NotFound, ValidationFailed
from kring.feeds.selectors import feed_company_for, feed_group_for, feed_home_for
from kring.groups.models import Group
from kring.people.models import User
from kring.polls.api import polls_attach
from kring.polls.services import PollDraft, poll_create
from kring.posts import services
from kring.posts.models import Post, Reply
from kring.posts.selectors import replies_in_reading_order
from kring.reactions.selectors import my_reactions_attach

router = Router(tags=["posts"])

PostId = Annotated[int, Path(ge=1, le=MAX_ID)]
ERRORS = {400: Message, 403: Message, 404: Message}
FEEDS = ("home", "company")


def _space_or_404(viewer: User, group_id: int) -> Group:
    """The group whose conversations the viewer may read; otherwise the same 404 as a missing one."""
    group = access.get_or_404(viewer, Group, group_id)
    if not access.can_read_space(viewer, group):
        raise Http404
    return group


@router.get("/posts", response={200: PostPage, **ERRORS}, summary="A feed of posts")
def post_list(
    request: HttpRequest,
    feed: Annotated[
        str | None, Query(description="home (default) or company", enum=list(FEEDS))
    ] = None,
    group: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="A group id instead of a feed.")
    ] = None,
    cursor: str | None = None,
) -> HttpResponse:
    """Posts, most recent activity first, 20 per page; pass `next_cursor` as `cursor` for more.

    `feed=home` (the default) is everything you may read, `feed=company` the company-wide
    space, `group=<id>` one group (404 when you may not read it).
    """
    viewer = request.auth
    if group is not None:
        if feed:
            raise ValidationFailed(_("Ask for a feed or for a group, not both."), field="feed")
        page = feed_group_for(viewer, _space_or_404(viewer, group), cursor=cursor)
    elif feed in (None, "", "home"):
        page = feed_home_for(viewer, cursor=cursor)
    elif feed == "company":
        page = feed_company_for(viewer, cursor=cursor)
    else:
        raise ValidationFailed(_("Choose feed=home or feed=company."), field="feed")
    my_reactions_attach(viewer, page.items)  # issue 4: one query for the whole page
    polls_attach(viewer, page.items)  # issue 4: none without polls, three with
    return respond(request, PostPage, page)  # a page of posts is too long for ninja's check


@router.post("/posts", response={201: PostOut, **ERRORS}, summary="Write a post")
def post_create(request: HttpRequest, data: PostIn) -> Status[Post]:
    """Post to a group you are a member of, or with `"group": null` to the company-wide space."""
    viewer = request.auth
    group = None
    if data.group is not None:
        try:
            group = access.get_or_404(viewer, Group, data.group)
        except Http404:
            raise NotFound(_("That group does not exist."), field="group") from None
    with transaction.atomic():  # a refused poll or announcement leaves no post
        if data.is_announcement:  # issue 4
            post = announcement_create(actor=viewer, group=group, body=data.body)
        else:
            post = services.post_create(actor=viewer, group=group, body=data.body)
        if data.poll is not None:
            draft = PollDraft(data.poll.options, data.poll.multiple, data.poll.closes_at)
            poll_create(actor=viewer, post=post, draft=draft)
    return Status(201, post)


@router.get("/posts/{post_id}", response={200: PostOut, 404: Message}, summary="One post")
def post_detail(request: HttpRequest, post_id: PostId) -> Post:
    """One post; 404 when it does not exist or you may not read it."""
    return access.get_or_404(request.auth, Post, post_id)


@router.patch("/posts/{post_id}", response={200: PostOut, **ERRORS}, summary="Edit a post")
def post_update(request: HttpRequest, post_id: PostId, data: PostPatch) -> Post:
    """Replace the body of your own post; it gets an `edited_at`."""
    post = access.get_or_404(request.auth, Post, post_id)
    return services.post_update(actor=request.auth, post=post, body=data.body)


@router.delete("/posts/{post_id}", response={204: None, **ERRORS}, summary="Delete a post")
def post_delete(request: HttpRequest, post_id: PostId) -> Status[None]:
    """Delete a post with its replies: your own, or any in a group you administer."""
    post = access.get_or_404(request.auth, Post, post_id)
    services.post_delete(actor=request.auth, post=post)
    return Status(204, None)


@router.get(
    "/posts/{post_id}/replies", response={200: ReplyList, 404: Message}, summary="The replies"
)
def reply_list(request: HttpRequest, post_id: PostId) -> HttpResponse:
    """All replies as a flat list in reading order (depth first, as the page shows them).

    Each reply names its `parent` (null: it answers the post) and its `depth`. A removed
    reply that still has answers stays as a placeholder with `deleted: true`.
    """
    post = access.get_or_404(request.auth, Post, post_id)
    replies = replies_in_reading_order(request.auth, post)
    my_reactions_attach(request.auth, replies)  # issue 4: one query for the whole list
    return respond(request, ReplyList, {"items": replies})  # up to hundreds of replies


@router.post("/posts/{post_id}/replies", response={201: ReplyOut, **ERRORS}, summary="Reply")
def reply_create(request: HttpRequest, post_id: PostId, data: ReplyIn) -> Status[Reply]:
    """Reply to the post, or with `parent` to one of its replies."""
    viewer = request.auth
    post = access.get_or_404(viewer, Post, post_id)
    parent = None
    if data.parent is not None:
        try:
            parent = access.get_or_404(viewer, Reply, data.parent)
        except Http404:
            raise ValidationFailed(
                _("The reply you answer is no longer there."), field="parent"
            ) from None
    return Status(
        201, services.reply_create(actor=viewer, post=post, body=data.body, parent=parent)
    )
