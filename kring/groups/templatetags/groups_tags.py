"""The group page's header and its side's people, from the fragment cache."""

from django import template
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.safestring import SafeString

from kring.core.fragments import CSRF_TOKEN_STAND_IN, fragment_key, render_fragment, token_fill
from kring.follows.templatetags.follows_tags import button_context

register = template.Library()

SIDE_PEOPLE_TEMPLATE = "groups/partials/side_people.html"
HEADER_TEMPLATE = "groups/partials/group_header.html"
# What group_header.html shows besides the group: the reader's place in it and rights.
HEADER_INPUTS = ("description_html", "role", "can_read", "can_join", "can_request", "pending",
                 "can_manage", "request_count", "can_leave")  # fmt: skip


def _person_parts(person) -> tuple:
    # Everything side_people.html shows of a colleague: avatar (photo or initials on a
    # colour from the id), name, profile link and job title.
    photo = person.photo.name if person.photo else ""
    return (person.pk, person.username, person.first_name, person.last_name, person.job_title,
            photo)  # fmt: skip


@register.simple_tag(takes_context=True)
def side_people(context) -> SafeString:
    """The two cards of a group's people: the same HTML for every reader of the group, so
    rendered once per group, language and set of people (kring/core/fragments.py)."""
    group, admins, newest = context["group"], context["admins"], context["member_preview"]
    key = fragment_key(
        "group-side-people",
        group.slug,
        group.member_count,
        len(admins),
        *(part for person in admins for part in _person_parts(person)),
        *(part for person in newest for part in _person_parts(person)),
    )
    values = {"group": group, "admins": admins, "member_preview": newest}
    return render_fragment(key, lambda: get_template(SIDE_PEOPLE_TEMPLATE).render(values))


@register.simple_tag(takes_context=True)
def group_header(context) -> SafeString:
    """The group page's header: kept per group, language, the reader's rights and follow
    button and the page's address (its forms come back to it); the reader's CSRF token is
    put in afterwards."""
    group, request, user = context["group"], context["request"], context["user"]
    values = {name: context.get(name) for name in HEADER_INPUTS}
    button = button_context(user, group) if values["can_read"] else {}
    key = fragment_key(
        "group-header",
        group.pk,
        group.slug,
        group.name,
        group.visibility,
        group.member_count,
        *values.values(),
        *button.values(),
        request.get_full_path(),
    )
    inputs = {**values, "group": group, "user": user, "request": request,
              "csrf_token": CSRF_TOKEN_STAND_IN}  # fmt: skip
    html = render_fragment(key, lambda: get_template(HEADER_TEMPLATE).render(inputs))
    return token_fill(html, context.get("csrf_token") or get_token(request))
