"""`{% allowed "can_reply" user post as may_reply %}`: ask the access policy from a template."""

from django import template

from kring import access

register = template.Library()


_NO_OBJECT = object()


@register.simple_tag
def allowed(verb: str, viewer, obj=_NO_OBJECT) -> bool:
    """Ask `access.<verb>(viewer[, obj])`; rules about the viewer alone take no object."""
    if not verb.startswith("can_") or verb not in access.__all__:
        raise template.TemplateSyntaxError(f"Unknown access rule {verb!r}")
    rule = getattr(access, verb)
    return bool(rule(viewer) if obj is _NO_OBJECT else rule(viewer, obj))
