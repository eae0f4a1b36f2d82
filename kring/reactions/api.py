"""Reactions through the API: give or take back one kind on a post or a reply."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Path, Router, Schema

from kring import access
from kring.api.schemas import MAX_ID, Message, ReactionCounts
from kring.posts.models import Post, Reply
from kring.reactions import services
from kring.reactions.models import Kind
from kring.reactions.selectors import counts_by_kind, my_reactions_of

router = Router(tags=["reactions"])

TargetId = Annotated[int, Path(ge=1, le=MAX_ID)]
ERRORS = {400: Message, 403: Message, 404: Message, 409: Message}


class ReactionState(Schema):
    reactions: ReactionCounts
    my_reactions: list[str]


def _state(request: HttpRequest, target: Post | Reply, kind: str, *, on: bool) -> dict:
    services.reaction_set(actor=request.auth, target=target, kind=kind, on=on)
    return {
        "reactions": counts_by_kind(target),
        "my_reactions": my_reactions_of(request.auth, target),
    }


@router.post(
    "/posts/{post_id}/reactions/{kind}",
    response={200: ReactionState, **ERRORS},
    summary="React to a post",
)
def post_reaction_add(request: HttpRequest, post_id: TargetId, kind: Kind) -> dict:
    """Give a reaction (like, thanks, insightful or celebrate); giving it twice changes nothing."""
    post = access.get_or_404(request.auth, Post, post_id)
    return _state(request, post, kind, on=True)


@router.delete(
    "/posts/{post_id}/reactions/{kind}",
    response={200: ReactionState, **ERRORS},
    summary="Take back a reaction to a post",
)
def post_reaction_remove(request: HttpRequest, post_id: TargetId, kind: Kind) -> dict:
    post = access.get_or_404(request.auth, Post, post_id)
    return _state(request, post, kind, on=False)


@router.post(
    "/replies/{reply_id}/reactions/{kind}",
    response={200: ReactionState, **ERRORS},
    summary="React to a reply",
)
def reply_reaction_add(request: HttpRequest, reply_id: TargetId, kind: Kind) -> dict:
    """Give a reaction to a reply; a removed reply answers 409."""
    reply = access.get_or_404(request.auth, Reply, reply_id)
    return _state(request, reply, kind, on=True)


@router.delete(
    "/replies/{reply_id}/reactions/{kind}",
    response={200: ReactionState, **ERRORS},
    summary="Take back a reaction to a reply",
)
def reply_reaction_remove(request: HttpRequest, reply_id: TargetId, kind: Kind) -> dict:
    reply = access.get_or_404(request.auth, Reply, reply_id)
    return _state(request, reply, kind, on=False)
