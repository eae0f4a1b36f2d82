"""Follows in the API: what you follow, following and unfollowing."""

from typing import Literal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from kring import access
from kring.api.schemas import GroupSummary, Message, PersonSummary
from kring.core.errors import NotFound
from kring.follows import services
from kring.follows.selectors import following_of
from kring.groups.models import Group
from kring.people.models import User
from kring.topics.api import TopicOut, topic_or_none
from kring.topics.models import Topic, topic_key

router = Router(tags=["follows"])
ERRORS = {400: Message, 403: Message, 404: Message}
Kind = Literal["person", "group", "topic"]


class FollowingOut(Schema):
    people: list[PersonSummary]
    groups: list[GroupSummary]
    topics: list[TopicOut]


class FollowIn(Schema):
    kind: Kind
    id: str  # a username, a group's short name (slug) or a topic's hashtag


def _target(viewer: User, kind: str, ident: str) -> User | Group | Topic:
    try:
        if kind == "person":
            return access.get_or_404(viewer, User, ident, field="username")
        if kind == "group":
            return access.get_or_404(viewer, Group, ident, field="slug")
        topic = topic_or_none(ident.lstrip("#"))
    except Http404:
        raise NotFound(_("There is nothing to follow here."), field="id") from None
    if topic is None:
        name = ident.lstrip("#")
        topic = Topic.objects.get_or_create(key=topic_key(name), defaults={"name": name})[0]
    return topic


@router.get("/follows", response={200: FollowingOut}, summary="What you follow")
def follow_list(request: HttpRequest):
    """The colleagues, groups and topics you follow and may still see."""
    return following_of(request.auth)


@router.post("/follows", response={201: FollowingOut, **ERRORS}, summary="Follow")
def follow_add(request: HttpRequest, data: FollowIn):
    """Follow a colleague, a group whose posts you may read, or a topic; returns your list.

    Something you may not see or read gives 404, the same as something that does not exist.
    """
    services.follow_add(actor=request.auth, target=_target(request.auth, data.kind, data.id))
    return Status(201, following_of(request.auth))


@router.delete("/follows/{kind}/{ident}", response={204: None, **ERRORS}, summary="Unfollow")
def follow_remove(request: HttpRequest, kind: Kind, ident: str):
    """Stop following; following nothing there is fine, something invisible is 404."""
    services.follow_remove(actor=request.auth, target=_target(request.auth, kind, ident))
    return Status(204, None)
