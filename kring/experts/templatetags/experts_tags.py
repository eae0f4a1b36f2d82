"""`{% who_knows topic=topic %}` and `{% who_knows query=query %}`: the "Wie weet hier meer
van?" block. Per reader, so never inside a cached fragment."""

from django import template

from kring.experts.selectors import experts_for
from kring.topics.models import Topic

register = template.Library()


@register.inclusion_tag("experts/partials/who_knows.html", takes_context=True)
def who_knows(context, *, topic: Topic | None = None, query: str = "") -> dict:
    """The block for the page's reader."""
    request = context["request"]
    return {"experts": experts_for(request.user, topic=topic, query=query or None)}
