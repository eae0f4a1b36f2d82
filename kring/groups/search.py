"""Groups in search (registered with kring.search, decision 0020)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.groups.models import Group
from kring.search.registry import Document, SearchKind, register


def group_document(group: Group) -> Document:
    return Document(
        scope="group",
        title=group.name,
        text=group.description,
        url=group.get_absolute_url(),
        created_at=group.created_at,
        updated_at=group.created_at,
        group_id=group.pk,
    )


register(
    SearchKind(
        kind="group",
        label=_("Groups"),
        result_label=pgettext_lazy("search result", "Group"),
        model=Group,
        queryset=lambda: Group.objects.all(),
        document=group_document,
        order=60,
    )
)
