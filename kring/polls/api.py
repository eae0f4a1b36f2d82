"""Voting through the API: `POST /posts/{id}/poll/vote`."""

from collections.abc import Iterable
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router

from kring import access
from kring.api.schemas import MAX_ID, Message
from kring.core.errors import NotFound
from kring.polls import services
from kring.polls.schemas import PollOut, PollVoteIn
from kring.polls.selectors import PollView, poll_view_for, poll_views_for
from kring.posts.models import Post

router = Router(tags=["polls"])

PostId = Annotated[int, Path(ge=1, le=MAX_ID)]


def polls_attach(viewer: Any, posts: Iterable[Post]) -> None:
    """Set `poll_view` on each post with a poll, for a page in the API: a fixed number of queries."""
    posts = list(posts)
    views = poll_views_for(viewer, posts)
    for post in posts:
        post.poll_view = views.get(post.pk)


@router.post(
    "/posts/{post_id}/poll/vote",
    response={200: PollOut, 400: Message, 404: Message, 409: Message},
    summary="Vote in a post's poll",
)
def poll_vote(request: HttpRequest, post_id: PostId, data: PollVoteIn) -> PollView:
    """Choose one option (or several in a multiple-choice poll); voting again replaces the
    earlier choice until the poll closes (then 409). Returns the poll with its results."""
    post = access.get_or_404(request.auth, Post, post_id)
    services.poll_vote(actor=request.auth, post=post, option_ids=data.options)
    poll = poll_view_for(request.auth, post)
    if poll is None:
        raise NotFound(_("This message has no poll (any more)."))
    return poll
