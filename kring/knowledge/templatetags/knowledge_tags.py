"""`{% page_badges page %}`, `{% saved_in_knowledge post %}` and the revision note filter."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from kring import access
from kring.knowledge.models import Page, Revision
from kring.knowledge.selectors import pages_saved_from

register = template.Library()


@register.simple_tag
def page_badges(page: Page) -> SafeString:
    """The quiet labels next to a page's title: kind, onboarding, "mogelijk verouderd"."""
    return SafeString(render_to_string("knowledge/partials/badges.html", {"page": page}))


@register.filter
def revision_note(revision: Revision) -> str:
    if revision.note.startswith("restored:"):
        return _("Restored version %(number)s") % {"number": revision.note.split(":", 1)[1]}
    return ""


@register.simple_tag(takes_context=True)
def saved_in_knowledge(context, post) -> SafeString:
    """Under a thread: the pages it was saved as, and "Bewaar als best practice" (per reader,
    outside the cached card)."""
    request = context["request"]
    viewer = request.user
    pages = pages_saved_from(viewer, post)
    can_save = access.can_save_post_as_knowledge(viewer, post)
    if not pages and not can_save:
        return SafeString("")
    return render_to_string(
        "knowledge/partials/saved_in.html",
        {"pages": pages, "can_save": can_save, "post": post},
        request=request,
    )
