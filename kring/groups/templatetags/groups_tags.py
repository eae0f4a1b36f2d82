"""`{% side_people %}`: the group page's admins and newest members, from the fragment cache."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString

from kring.core.fragments import fragment_key, render_fragments

register = template.Library()

SIDE_PEOPLE_TEMPLATE = "groups/partials/side_people.html"


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
    (html,) = render_fragments(
        [key], key=lambda k: k, render=lambda _k: get_template(SIDE_PEOPLE_TEMPLATE).render(values)
    )
    return html
