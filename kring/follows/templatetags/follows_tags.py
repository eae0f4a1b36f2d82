"""`{% follow_button target %}`: follow or unfollow a colleague, group or topic."""

from django import template

from kring import access
from kring.follows.selectors import is_following
from kring.follows.services import target_field

register = template.Library()


def button_context(
    viewer, target, *, following: bool | None = None, may_follow: bool | None = None
) -> dict:
    kind = target_field(target)
    ident = {"person": "username", "group": "slug", "topic": "key"}[kind]
    return {
        "kind": kind,
        "ident": getattr(target, ident),
        "name": getattr(target, "display_name", None) or str(target),
        "following": is_following(viewer, target) if following is None else following,
        "may_follow": access.can_follow(viewer, target) if may_follow is None else may_follow,
    }


@register.inclusion_tag("follows/partials/follow_button.html", takes_context=True)
def follow_button(context, target, followed: bool = False) -> dict:
    """The button, or nothing where the viewer may not follow (themselves, an unreadable group).

    `followed=True`: the target comes from the viewer's own list, already checked by
    `following_of`, so the button costs no query.
    """
    known = {"following": True, "may_follow": True} if followed else {}
    return {**button_context(context["user"], target, **known), "request": context.get("request")}
