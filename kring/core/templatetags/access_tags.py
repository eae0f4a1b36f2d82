"""`{% allowed "can_reply" user post as may_reply %}`: ask the access policy from a template."""

from django import template

from kring import access

register = template.Library()


@register.simple_tag
def allowed(verb: str, viewer, obj=None) -> bool:
    if not verb.startswith("can_") or verb not in access.__all__:
        raise template.TemplateSyntaxError(f"Unknown access rule {verb!r}")
    return bool(getattr(access, verb)(viewer, obj))
