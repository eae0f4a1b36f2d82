"""Rules for search documents: each follows the rule of the object it stands for.

`visible_documents` is the query form that search puts inside its query, so counts,
snippets and facets are computed over visible documents only. `scope` says which rule a
document follows; the group is joined live, so a group turning secret hides at once.
"""

from typing import Any

from django.db.models import Q, QuerySet

from kring.access.groups import group_rule, space_rule
from kring.access.people import visible_people
from kring.access.topics import topic_used_visibly_rule, topics_used_visibly
from kring.access.viewers import is_signed_in


def visible_documents(viewer: Any, queryset: QuerySet) -> QuerySet:
    from kring.people.models import User
    from kring.search.models import SearchDocument

    if not is_signed_in(viewer):
        return queryset.none()
    scope = SearchDocument.Scope
    people = visible_people(viewer, User.objects.all()).values("pk")
    # Topics are the only signed_in kind: listed only if used where the viewer reads.
    used = topic_used_visibly_rule(viewer, topic_ref="object_id")
    rule = Q(scope=scope.SIGNED_IN) & (~Q(kind="topic") | used)
    rule |= Q(scope=scope.PERSON, object_id__in=people)
    rule |= Q(scope=scope.SPACE) & space_rule(viewer)
    rule |= Q(scope=scope.GROUP) & group_rule(viewer, prefix="group__")
    return queryset.filter(rule)


def can_view_document(viewer: Any, document: Any) -> bool:
    """The per-object face: the document's object itself must be visible."""
    from kring.access import can_view
    from kring.search.registry import kind_for

    search_kind = kind_for(document.kind)
    if search_kind is None or not is_signed_in(viewer):
        return False
    obj = search_kind.queryset().filter(pk=document.object_id).first()
    if obj is None or not can_view(viewer, obj):
        return False
    if document.kind == "topic":
        return topics_used_visibly(viewer).filter(topic_id=obj.pk).exists()
    return True
