"""The access policy: the one place that decides who may see or do what.

Every object kind has four faces: `can_view(viewer, obj)` for one object,
`visible(viewer, queryset)` for the same rule as a query filter, `get_or_404(viewer,
model, pk)` which treats missing and invisible alike, and `audience(obj)` with the ids
of the users who may see it. Verbs (`can_post_in`, `can_reply`, ...) decide actions.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404

from kring.access.announcements import (  # issue 4: announcements
    can_announce_anywhere,
    can_announce_in,
    can_appoint_leaders,
    can_mark_read,
    can_view_reads,
    forget_leader,
    is_leader,
)
from kring.access.conversations import (
    can_add_participant,
    can_message,
    can_send_message,
    can_view_conversation,
    can_view_message,
    conversation_audience,
    visible_conversations,
    visible_messages,
)
from kring.access.files import (  # issue 5: file libraries
    can_manage_file,
    can_upload_file,
    can_view_file,
    can_view_file_version,
    visible_files,
)
from kring.access.groups import (
    ReaderKind,
    can_create_group,
    can_join,
    can_leave,
    can_manage,
    can_moderate_in,
    can_post_in,
    can_read_space,
    can_reply_in,
    can_request_to_join,
    can_view_group,
    group_audience,
    group_rule_of,
    groups_beyond_every_employee,
    is_group_admin,
    is_member,
    reader_kind,
    role_in,
    visible_groups,
)
from kring.access.knowledge import (  # issue 5: the knowledge base
    can_confirm_page,
    can_edit_page,
    can_manage_folders_in,
    can_save_post_as_knowledge,
    can_view_knowledge_item,
    can_view_revision,
    can_write_knowledge_in,
    visible_knowledge_items,
)
from kring.access.notifications import can_view_notification, visible_notifications
from kring.access.people import (
    can_edit_profile,
    can_view_person,
    visible_people,
    visible_people_ids,
    visible_people_of,
)
from kring.access.polls import can_see_poll_results, can_vote  # issue 4: polls
from kring.access.posts import (
    can_delete_post,
    can_delete_reply,
    can_edit_post,
    can_edit_reply,
    can_reply,
    can_view_post,
    can_view_reply,
    posts_every_employee_reads,
    reply_rights,
    visible_posts,
    visible_posts_of,
)
from kring.access.questions import (  # issue 5: questions
    can_accept_answer,
    can_ask_in,
    can_vote_answer,
)
from kring.access.reactions import (  # issue 4: reactions
    can_react,
    can_react_to_each,
    can_react_to_replies,
)
from kring.access.search import (  # issue 5: search
    can_view_document,
    document_reach_is_narrow,
    document_reach_rule,
    visible_documents,
)
from kring.access.topics import (
    can_follow,
    can_merge_topic,
    can_view_topic,
    topics_used_visibly,
    visible_topics,
)
from kring.access.viewers import forget, is_employee, is_signed_in, is_site_admin
from kring.conversations.models import Conversation, Message
from kring.files.models import FileVersion, LibraryFile
from kring.files.models import Folder as FileFolder
from kring.groups.models import Group
from kring.knowledge.models import Folder as KnowledgeFolder
from kring.knowledge.models import Page, Revision
from kring.notifications.models import Notification
from kring.people.models import User
from kring.posts.models import Post, Reply
from kring.questions.models import Question
from kring.search.models import SearchDocument
from kring.topics.models import Topic

__all__ = [
    "audience",
    "can_accept_answer",
    "can_ask_in",
    "can_vote_answer",
    "can_add_participant",
    "can_announce_anywhere",
    "can_announce_in",
    "can_appoint_leaders",
    "can_mark_read",
    "can_view_reads",
    "forget_leader",
    "is_leader",
    "can_confirm_page",
    "can_create_group",
    "can_edit_page",
    "can_manage_folders_in",
    "can_save_post_as_knowledge",
    "can_write_knowledge_in",
    "can_delete_post",
    "can_delete_reply",
    "can_edit_post",
    "can_edit_profile",
    "can_edit_reply",
    "can_follow",
    "can_merge_topic",
    "topics_used_visibly",
    "can_join",
    "can_leave",
    "can_message",
    "can_manage",
    "can_manage_file",
    "document_reach_is_narrow",
    "document_reach_rule",
    "can_moderate_in",
    "can_post_in",
    "can_react",
    "can_react_to_each",
    "can_react_to_replies",
    "can_read_space",
    "can_reply",
    "can_reply_in",
    "can_see_poll_results",
    "can_request_to_join",
    "can_send_message",
    "can_upload_file",
    "can_view",
    "can_vote",
    "forget",
    "get_or_404",
    "groups_beyond_every_employee",
    "is_employee",
    "is_group_admin",
    "is_member",
    "is_signed_in",
    "is_site_admin",
    "posts_every_employee_reads",
    "ReaderKind",
    "reader_kind",
    "visible_of",
    "reply_rights",
    "role_in",
    "visible",
    "visible_people_ids",
]

_VIEW_RULES = {
    Group: (can_view_group, visible_groups),
    Post: (can_view_post, visible_posts),
    Reply: (can_view_reply, lambda viewer, qs: visible_posts(viewer, qs, prefix="post__")),
    User: (can_view_person, visible_people),
    Notification: (can_view_notification, visible_notifications),
    Topic: (can_view_topic, visible_topics),
    Conversation: (can_view_conversation, visible_conversations),
    Message: (can_view_message, visible_messages),
    KnowledgeFolder: (can_view_knowledge_item, visible_knowledge_items),
    Page: (can_view_knowledge_item, visible_knowledge_items),
    Revision: (
        can_view_revision,
        lambda viewer, qs: visible_knowledge_items(viewer, qs, prefix="page__"),
    ),
    SearchDocument: (can_view_document, visible_documents),
    # A question is its post (issue 5: search finds questions as their own kind).
    Question: (
        lambda viewer, question: can_view_post(viewer, question.post),
        lambda viewer, qs: visible_posts(viewer, qs, prefix="post__"),
    ),
    LibraryFile: (can_view_file, visible_files),
    FileFolder: (can_view_file, visible_files),
    FileVersion: (
        can_view_file_version,
        lambda viewer, qs: visible_files(viewer, qs, prefix="file__"),
    ),
}


def _rules_for(model: type[Model]):
    try:
        return _VIEW_RULES[model]
    except KeyError:
        raise TypeError(f"The access policy has no rule for {model.__name__}") from None


def can_view(viewer: Any, obj: Model) -> bool:
    """Return whether the viewer may see this object at all."""
    return _rules_for(type(obj))[0](viewer, obj)


def visible(viewer: Any, queryset: QuerySet) -> QuerySet:
    """Return `queryset` narrowed to what the viewer may see (the query form of can_view)."""
    return _rules_for(queryset.model)[1](viewer, queryset)


def _in_groups_of(kind: ReaderKind, viewer_id: int | None, queryset: QuerySet) -> QuerySet:
    rule = group_rule_of(kind, viewer_id)
    return queryset.none() if rule is None else queryset.filter(rule)


def _in_spaces_of(prefix: str):
    return lambda kind, viewer_id, queryset: visible_posts_of(kind, viewer_id, queryset, prefix)


# `visible` of a viewer given by kind and id: the same rules, for models whose rule reads
# nothing else of the viewer (kring/access/tests/test_rules_of.py keeps them equal).
_RULES_OF = {
    Group: _in_groups_of,
    Post: _in_spaces_of(""),
    Reply: _in_spaces_of("post__"),
    Question: _in_spaces_of("post__"),
    User: visible_people_of,
    KnowledgeFolder: _in_spaces_of(""),
    Page: _in_spaces_of(""),
    Revision: _in_spaces_of("page__"),
}


def visible_of(kind: ReaderKind, viewer_id: int | None, queryset: QuerySet) -> QuerySet:
    """`visible(viewer, queryset)` of a viewer given as `reader_kind(viewer)` and `viewer.pk`.

    Its SQL is the same for every viewer of a kind but for their id, so a query built with
    it can be compiled once per kind (kring/core/compiled_sql.py).
    """
    try:
        rule = _RULES_OF[queryset.model]
    except KeyError:
        name = queryset.model.__name__
        raise TypeError(f"The access policy has no id-only rule for {name}") from None
    return rule(kind, viewer_id, queryset)


_LOOKUPS = {
    Group: lambda: Group.objects.all(),
    Post: lambda: Post.objects.select_related("author", "author__department", "group"),
    Reply: lambda: Reply.objects.select_related("post", "post__group", "author"),
    User: lambda: User.objects.select_related("department"),
    Notification: lambda: Notification.objects.select_related(
        "post", "post__group", "group", "conversation", "page", "page__group"
    ),
    Topic: lambda: Topic.objects.all(),
    Conversation: lambda: Conversation.objects.all(),
    Message: lambda: Message.objects.select_related("conversation"),
    KnowledgeFolder: lambda: KnowledgeFolder.objects.select_related("group"),
    Page: lambda: Page.objects.select_related("group", "folder", "owner", "source_post"),
    Revision: lambda: Revision.objects.select_related("page", "page__group", "author"),
    SearchDocument: lambda: SearchDocument.objects.all(),
    LibraryFile: lambda: LibraryFile.objects.select_related("group", "folder", "current"),
    FileFolder: lambda: FileFolder.objects.select_related("group"),
    FileVersion: lambda: FileVersion.objects.select_related("file", "file__group"),
}


def get_or_404(
    viewer: Any,
    model: type[Model],
    pk: Any,
    *,
    field: str = "pk",
) -> Any:
    """Load one object for the viewer; a missing and an invisible object raise the same Http404."""
    lookup = _LOOKUPS[model]()
    try:
        obj = lookup.get(**{field: pk})
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_view(viewer, obj):
        raise Http404
    return obj


def audience(obj: Model | None, *, among: Iterable[int] | None = None) -> set[int]:
    """Return the ids of the active users who may read `obj`'s content (None: the company space).

    With `among`, only those of these user ids (cheap for a few people in a big space).
    """
    if obj is None or isinstance(obj, Group):
        return group_audience(obj, among=among)
    if isinstance(obj, Post | KnowledgeFolder | Page):
        return group_audience(obj.group, among=among)
    if isinstance(obj, Reply):
        return group_audience(obj.post.group, among=among)
    if isinstance(obj, Notification):
        target = obj.post or obj.group or obj.conversation or obj.page
        return {obj.recipient_id} & audience(target) if target is not None else set()
    if isinstance(obj, LibraryFile | FileFolder):
        return group_audience(obj.group, among=among)
    if isinstance(obj, FileVersion):
        return group_audience(obj.file.group, among=among)
    if isinstance(obj, Conversation):
        return conversation_audience(obj)
    if isinstance(obj, Message):
        return conversation_audience(obj.conversation)
    raise TypeError(f"The access policy has no audience for {type(obj).__name__}")
