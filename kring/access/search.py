"""Rules for search documents: each follows the rule of the object it stands for.

`visible_documents` is the query form that search puts inside its query, so counts,
snippets and facets are computed over visible documents only. `scope` says which rule a
document follows; the group is joined live, so a group turning secret hides at once.
"""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from kring.access.groups import OPEN, group_rule, space_rule, visible_groups
from kring.access.people import visible_people
from kring.access.topics import topic_used_visibly_rule, topics_used_visibly
from kring.access.viewers import is_employee, is_signed_in


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


def document_reach_rule(viewer: Any) -> Q:
    """The spaces and groups of `visible_documents` as literal ids, to AND with it.

    Never wider than the rule (used with it, never instead), so it changes no result. It
    lets the database narrow a large full-text match by indexed columns first: a guest
    with two groups is not made to walk a million company posts for a common word, and
    its estimates pick the plan (one small query: the viewer's groups, open and closed ones).
    """
    from kring.groups.models import Group, Membership
    from kring.search.models import SearchDocument

    scope = SearchDocument.Scope
    if not is_signed_in(viewer):
        return Q(pk__in=[])
    employee = is_employee(viewer)
    # The groups the viewer sees (visible_groups: the one rule), and of those the ones
    # whose conversations they read (can_read_space: member, or an employee in an open one).
    member = Exists(Membership.objects.filter(group_id=OuterRef("pk"), user_id=viewer.pk))
    groups = visible_groups(viewer, Group.objects.annotate(member=member))
    readable, seen = set(), set()
    for pk, visibility, is_member in groups.values_list("pk", "visibility", "member"):
        seen.add(pk)
        if is_member or (employee and visibility == OPEN):
            readable.add(pk)
    rule = Q(group__isnull=True, scope__in=[scope.SIGNED_IN, scope.PERSON])
    if employee:
        rule |= Q(group__isnull=True, scope=scope.SPACE)
    rule |= Q(scope=scope.SPACE, group_id__in=sorted(readable))
    rule |= Q(scope=scope.GROUP, group_id__in=sorted(seen))
    return rule


def document_reach_is_narrow(viewer: Any) -> bool:
    """Whether the viewer may read only a small part of the documents: a guest reads their
    own groups, never the company space. Search then starts from what they may read
    instead of from every document holding the word (only a matter of speed: the rule is
    the same either way)."""
    return is_signed_in(viewer) and not is_employee(viewer)


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
