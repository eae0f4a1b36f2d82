"""`{% follow_button target %}`: follow or unfollow a colleague, group or topic."""

from django import template

from kring import access
from kring.follows.selectors import is_following
from kring.follows.services import target_field

register = template.Library()


def button_context(viewer, target, *, following: bool | None = None) -> dict:
    kind = target_field(target)
    ident = {"person": "username", "group": "slug", "topic": "key"}[kind]
    return {
        "kind": kind,
        "ident": getattr(target, ident),
        "name": getattr(target, "display_name", None) or str(target),
        "following": is_following(viewer, target) if following is None else following,
        "may_follow": access.can_follow(viewer, target),
    }


@register.inclusion_tag("follows/partials/follow_button.html", takes_context=True)
def follow_button(context, target) -> dict:
    """The button, or nothing where the viewer may not follow (themselves, an unreadable group)."""
    return {**button_context(context["user"], target), "request": context.get("request")}
