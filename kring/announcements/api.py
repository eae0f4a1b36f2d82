"""Announcements through the API: mark one read, and see how many of its readers did."""

from typing import Annotated

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema

from kring import access
from kring.announcements import selectors, services
from kring.api.schemas import MAX_ID, Message
from kring.core.errors import PermissionDenied
from kring.posts.models import Post

router = Router(tags=["announcements"])

PostId = Annotated[int, Path(ge=1, le=MAX_ID)]


class ReadState(Schema):
    read: bool


class ReadCount(Schema):
    read: int
    audience: int


def _announcement(request: HttpRequest, post_id: int) -> Post:
    post = access.get_or_404(request.auth, Post, post_id)
    if not post.is_announcement:
        raise Http404
    return post


@router.post(
    "/announcements/{post_id}/read",
    response={200: ReadState, 404: Message},
    summary="Mark an announcement read",
)
def announcement_read(request: HttpRequest, post_id: PostId) -> dict:
    """Say you read the announcement (again is harmless); 404 for a post that is none."""
    services.announcement_read(actor=request.auth, post=_announcement(request, post_id))
    return {"read": True}


@router.get(
    "/announcements/{post_id}/reads",
    response={200: ReadCount, 403: Message, 404: Message},
    summary="How many read an announcement",
)
def announcement_reads(request: HttpRequest, post_id: PostId) -> selectors.ReadSummary:
    """How many of those who may read it marked it read: for its author and the space's admins."""
    post = _announcement(request, post_id)
    if not access.can_view_reads(request.auth, post):
        raise PermissionDenied(_("Only the author and the admins can see who read this."))
    return selectors.read_summary(post)
