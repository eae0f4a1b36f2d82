"""`{% pinned_announcements space %}`, `{% announcement_status post %}` and the composer option.

All three are per viewer and stay outside the cached post cards (decision 0015): the
card only knows that a post is an announcement, which is the same for every reader.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from kring import access
from kring.announcements.selectors import has_read, pinned_for, read_summary
from kring.groups.models import Group

register = template.Library()


@register.simple_tag(takes_context=True)
def pinned_announcements(context, space: Group | str) -> SafeString:
    """The unread announcements on top of a feed ("home", "company" or a group)."""
    request = context["request"]
    posts = pinned_for(request.user, space=space)
    if not posts:
        return SafeString("")
    return render_to_string("announcements/partials/pinned.html", {"posts": posts}, request=request)


@register.simple_tag(takes_context=True)
def announcement_status(context, post) -> SafeString:
    """Under an announcement's card: "Moet je lezen" + "Gelezen", and the read count for its
    author and the admins."""
    if not post.is_announcement:
        return SafeString("")
    request = context["request"]
    viewer = request.user
    mine = post.author_id == viewer.pk
    summary = read_summary(post) if access.can_view_reads(viewer, post) else None
    return render_to_string(
        "announcements/partials/status.html",
        {
            "post": post,
            "has_read": mine or has_read(viewer, post),
            "mine": mine,
            "summary": summary,
        },
        request=request,
    )


def announcement_offered(viewer, fixed: str | None) -> bool:
    """Whether the composer offers "Post as an announcement": in its fixed space (a group's
    id, "company"), or anywhere when the writer chooses the space."""
    if fixed == "company":
        return access.can_announce_in(viewer, None)
    if fixed:
        return access.is_leader(viewer) or access.is_group_admin(viewer, Group(pk=int(fixed)))
    return access.can_announce_anywhere(viewer)


@register.inclusion_tag("announcements/partials/composer_option.html", takes_context=True)
def announcement_option(context) -> dict:
    """The composer's "Post as an announcement" box, for those who may announce somewhere.

    With a fixed space (a group page, the company page) only when they may announce there.
    """
    offered = announcement_offered(context["request"].user, context.get("composer_fixed"))
    form = context.get("form")
    # Ticked again only when the composer comes back with errors (a bound form).
    checked = bool(form is not None and form.is_bound and form.data.get("announcement") == "on")
    return {"offered": offered, "checked": checked}
