"""Reading the knowledge base for a viewer: always from `access.visible(...)`."""

import difflib
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from kring import access
from kring.groups.models import Group
from kring.knowledge.models import TITLE_MAX_LENGTH, Folder, Page, Revision
from kring.people.models import User
from kring.posts.models import Post, Reply


@dataclass
class FolderNode:
    folder: Folder | None
    children: list["FolderNode"] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)


def _space(queryset: QuerySet, group: Group | None) -> QuerySet:
    return (
        queryset.filter(group=group) if group is not None else queryset.filter(group__isnull=True)
    )


def _tree_of_folders(viewer: User, group: Group | None) -> tuple[FolderNode, dict[int, FolderNode]]:
    folders = list(_space(access.visible(viewer, Folder.objects.all()), group))
    nodes = {folder.pk: FolderNode(folder) for folder in folders}
    root = FolderNode(None)
    for folder in folders:
        nodes.get(folder.parent_id, root).children.append(nodes[folder.pk])
    return root, nodes


def knowledge_tree_for(viewer: User, group: Group | None) -> FolderNode:
    """The space's folders and pages as a tree (two queries, whatever their number)."""
    root, nodes = _tree_of_folders(viewer, group)
    pages = _space(access.visible(viewer, Page.objects.select_related("owner")), group)
    for page in pages:
        nodes.get(page.folder_id, root).pages.append(page)
    return root


def folders_in_order(tree: FolderNode) -> list[tuple[Folder, str]]:
    """The tree's folders in order with their path ("Zorg / Infuus"), for a select."""
    result: list[tuple[Folder, str]] = []

    def walk(node: FolderNode, trail: str) -> None:
        for child in node.children:
            label = f"{trail} / {child.folder.name}" if trail else child.folder.name
            result.append((child.folder, label))
            walk(child, label)

    walk(tree, "")
    return result


def folders_for(viewer: User, group: Group | None) -> list[tuple[Folder, str]]:
    return folders_in_order(_tree_of_folders(viewer, group)[0])


def onboarding_pages_for(viewer: User, group: Group | None) -> list[Page]:
    return list(_space(access.visible(viewer, Page.objects.filter(is_onboarding=True)), group))


def revisions_for(viewer: User, page: Page) -> list[Revision]:
    """A visible page's history, newest first (one query)."""
    return list(access.visible(viewer, Revision.objects.filter(page=page).select_related("author")))


def saved_as_knowledge_column() -> Exists:
    """Whether any page was made from the post, as a column of the post's own query:
    `annotate(saved_as_knowledge=...)`. Most threads have none, and then no query follows."""
    return Exists(Page.objects.filter(source_post=OuterRef("pk")))


def pages_saved_from(viewer: User, post: Post) -> list[Page]:
    """The knowledge pages made from this thread that the viewer may read."""
    if post.__dict__.get("saved_as_knowledge") is False:  # loaded with saved_as_knowledge_column
        return []
    return list(access.visible(viewer, Page.objects.filter(source_post=post)))


@dataclass
class DiffLine:
    kind: str  # "same", "added", "removed"
    old_number: int | None
    new_number: int | None
    text: str


def revision_diff(old: Revision, new: Revision) -> list[DiffLine]:
    """Line by line from `old` to `new` (the title as the first line), for a table."""
    before = [f"# {old.title}", *old.body.splitlines()]
    after = [f"# {new.title}", *new.body.splitlines()]
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                lines.append(
                    DiffLine("same", i1 + offset + 1, j1 + offset + 1, before[i1 + offset])
                )
            continue
        for i in range(i1, i2):
            lines.append(DiffLine("removed", i + 1, None, before[i]))
        for j in range(j1, j2):
            lines.append(DiffLine("added", None, j + 1, after[j]))
    return lines


def _quoted(reply: Reply) -> list[str]:
    quoted = "\n".join(f"> {line}" if line else ">" for line in reply.body.splitlines())
    return [quoted, ">", f"> — *{reply.author.display_name}*", ""]


def answer_as_page_draft(viewer: User, post: Post, question: Any) -> tuple[str, str] | None:
    """A title and Markdown for a page made from a question's accepted answer.

    The question (title, explanation, asker), then the accepted answer quoted with its
    author, then the other answers the viewer may read. None when no answer is accepted
    (or the viewer may not read it). Two queries.
    """
    answers = list(
        access.visible(
            viewer,
            Reply.objects.filter(post=post, parent=None, deleted_at__isnull=True)
            .select_related("author")
            .order_by("path"),
        )
    )
    accepted = next((a for a in answers if a.pk == question.accepted_answer_id), None)
    if accepted is None:
        return None
    others = [a for a in answers if a.pk != accepted.pk]
    asked, accepted_heading, answered, agreed = (
        _("The question"),
        _("The accepted answer"),
        _("What colleagues answered"),
        _("What we agree on"),
    )
    parts = [f"## {asked}", "", f"**{question.title}**", ""]
    if post.body.strip():
        parts += [post.body.strip(), ""]
    parts += [f"*{post.author.display_name}*", "", f"## {accepted_heading}", ""]
    parts += _quoted(accepted)
    if others:
        parts += [f"## {answered}", ""]
        for reply in others:
            parts += _quoted(reply)
    parts += [f"## {agreed}", "", ""]
    return Truncator(question.title).chars(TITLE_MAX_LENGTH), "\n".join(parts)


def post_as_page_draft(viewer: User, post: Post) -> tuple[str, str]:
    """A title and Markdown for a page made from a thread: the post, then its replies."""
    replies = access.visible(
        viewer,
        Reply.objects.filter(post=post, deleted_at__isnull=True)
        .select_related("author")
        .order_by("path"),
    )
    first_line = next((line for line in post.body.splitlines() if line.strip()), "")
    title = Truncator(first_line.lstrip("#> ").strip()).chars(100)
    question, answered, agreed = (
        _("The question"),
        _("What colleagues answered"),
        _("What we agree on"),
    )
    parts = [f"## {question}", "", post.body.strip(), ""]
    parts += [f"*{post.author.display_name}*", ""]
    replies = list(replies)
    if replies:
        parts += [f"## {answered}", ""]
        for reply in replies:
            parts += _quoted(reply)
    parts += [f"## {agreed}", "", ""]
    return title, "\n".join(parts)
