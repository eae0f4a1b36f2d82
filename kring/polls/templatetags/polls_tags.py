"""`{% poll_composer %}`: the composer's "Add a poll" part."""

from django import template

from kring.polls.forms import poll_composer_context

register = template.Library()


@register.inclusion_tag("polls/partials/composer_poll.html", takes_context=True)
def poll_composer(context) -> dict:
    """The poll part with what was typed (`poll_composer` in the context), or empty rows."""
    return {"poll": context.get("poll_composer") or poll_composer_context()}
