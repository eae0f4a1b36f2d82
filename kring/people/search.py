"""Colleagues in search (registered with kring.search, decision 0020)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.people.models import User
from kring.search.registry import Document, SearchKind, register


def person_document(person: User) -> Document | None:
    if not person.is_active:
        return None
    department = person.department.name if person.department_id else ""
    expertise = " ".join(e.name for e in person.expertise.all())
    parts = [person.job_title, department, person.location, expertise, person.about]
    return Document(
        scope="person",
        title=person.display_name,
        text="\n".join(part for part in parts if part),
        url=person.get_absolute_url(),
        created_at=person.date_joined,
        updated_at=person.date_joined,
        language=person.language,
    )


register(
    SearchKind(
        kind="person",
        label=_("People"),
        result_label=pgettext_lazy("search result", "Person"),
        model=User,
        queryset=lambda: User.objects.select_related("department").prefetch_related("expertise"),
        document=person_document,
        order=50,
    )
)
