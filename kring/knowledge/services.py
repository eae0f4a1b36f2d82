"""Writing the knowledge base: pages (every save a revision), folders, confirming, reminders."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from kring.core.markdown import render_markdown
from kring.groups.models import Group
from kring.knowledge.models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, Folder, Page, Revision
from kring.people.models import User
from kring.posts.models import Post
from kring.search.services import index_later  # issue 5: search


class EditConflict(ApplicationError):
    """Someone saved the page after the editor opened it; their text must not be lost."""

    status = 409


def review_period() -> timedelta:
    return timedelta(days=getattr(settings, "KRING_KNOWLEDGE_REVIEW_DAYS", 180))


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationFailed(_("Give the page a title."), field="title")
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationFailed(
            _("Keep the title under %(max)s characters.") % {"max": TITLE_MAX_LENGTH},
            field="title",
        )
    return title


def _clean_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n")
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationFailed(_("This text is too long for one page."), field="body")
    return body


def _check_folder(folder: Folder | None, group: Group | None) -> None:
    if folder is not None and folder.group_id != (group.pk if group else None):
        raise ValidationFailed(_("Choose a folder of this knowledge base."), field="folder")


def _revision_add(page: Page, *, actor: User, note: str = "") -> Revision:
    return Revision.objects.create(
        page=page, number=page.version, title=page.title, body=page.body, author=actor, note=note
    )


@transaction.atomic
def page_create(
    *,
    actor: User,
    group: Group | None,
    title: str,
    body: str,
    folder: Folder | None = None,
    kind: str = Page.Kind.PAGE,
    is_onboarding: bool = False,
    review_by: date | None = None,
    source_post: Post | None = None,
) -> Page:
    """Create a page in `group`'s knowledge base (None: the company space) with revision 1.

    The actor becomes its owner. Raises PermissionDenied unless they may write there.
    """
    if not access.can_write_knowledge_in(actor, group):
        raise PermissionDenied(_("You cannot write in this knowledge base."))
    if source_post is not None and not access.can_save_post_as_knowledge(actor, source_post):
        raise PermissionDenied(_("You cannot save this conversation here."))
    if source_post is not None and source_post.group_id != (group.pk if group else None):
        raise ValidationFailed(_("A conversation is saved in its own space."))
    _check_folder(folder, group)
    if kind not in Page.Kind.values:
        raise ValidationFailed(_("Choose one of the kinds."), field="kind")
    now = timezone.now()
    page = Page(
        group=group,
        folder=folder,
        kind=kind,
        title=_clean_title(title),
        body=_clean_body(body),
        owner=actor,
        review_by=review_by or (timezone.localdate() + review_period()),
        is_onboarding=is_onboarding,
        source_post=source_post,
        created_at=now,
        updated_at=now,
    )
    page.body_html = render_markdown(page.body)
    page.save()
    _revision_add(page, actor=actor)
    index_later("page", page.pk)
    return page


@transaction.atomic
def page_update(
    *,
    actor: User,
    page: Page,
    base_version: int,
    title: str,
    body: str,
    folder: Folder | None,
    kind: str,
    is_onboarding: bool,
    review_by: date | None = None,
    review_by_was: date | None = None,
) -> Page:
    """Save a new revision; `base_version` is the version the editor started from.

    `review_by_was` is the review date the editor opened with: a date left as it was keeps
    the stored one, which a confirmation may have moved meanwhile. Raises EditConflict
    when someone saved in between (nothing is written then).
    """
    if not access.can_edit_page(actor, page):
        raise PermissionDenied(_("You cannot edit this page."))
    title, body = _clean_title(title), _clean_body(body)
    _check_folder(folder, page.group)
    if kind not in Page.Kind.values:
        raise ValidationFailed(_("Choose one of the kinds."), field="kind")
    current = Page.objects.select_for_update().get(pk=page.pk)
    if current.version != base_version:
        raise EditConflict(
            _(
                "Someone else saved this page while you were editing it. Your text is still "
                "below: compare it with the current version and save again."
            )
        )
    changed_text = (title, body) != (current.title, current.body)
    # Written on the locked row, naming its fields: a confirmation or reminder saved
    # meanwhile (they do not change the version) is kept.
    current.title, current.body, current.folder, current.kind = title, body, folder, kind
    current.is_onboarding = is_onboarding
    if review_by is not None and review_by != review_by_was:
        current.review_by = review_by
    current.body_html = render_markdown(body)
    current.updated_at = timezone.now()
    current.version += 1 if changed_text else 0
    current.save(
        update_fields=[
            "title",
            "body",
            "folder",
            "kind",
            "is_onboarding",
            "review_by",
            "body_html",
            "updated_at",
            "version",
        ]
    )
    if changed_text:
        _revision_add(current, actor=actor)
    index_later("page", current.pk)
    return current


@transaction.atomic
def page_restore(*, actor: User, page: Page, number: int) -> Page:
    """Make an old revision's title and text the newest revision (history is never rewritten)."""
    if not access.can_edit_page(actor, page):
        raise PermissionDenied(_("You cannot edit this page."))
    old = Revision.objects.filter(page=page, number=number).first()
    if old is None:
        raise ValidationFailed(_("That version of the page does not exist."))
    current = Page.objects.select_for_update().get(pk=page.pk)
    page.title, page.body = old.title, old.body
    page.body_html = render_markdown(old.body)
    page.version = current.version + 1
    page.updated_at = timezone.now()
    page.save(update_fields=["title", "body", "body_html", "version", "updated_at"])
    _revision_add(page, actor=actor, note=f"restored:{number}")
    index_later("page", page.pk)
    return page


def page_confirm(*, actor: User, page: Page) -> Page:
    """ "Nog actueel": the page is still right; set its next review date."""
    if not access.can_confirm_page(actor, page):
        raise PermissionDenied(_("Only the page's owner can confirm it."))
    page.confirmed_at = timezone.now()
    page.review_by = timezone.localdate() + review_period()
    page.save(update_fields=["confirmed_at", "review_by"])
    index_later("page", page.pk)  # a confirmed page ranks higher
    return page


@transaction.atomic
def folder_create(*, actor: User, group: Group | None, name: str, parent: Folder | None) -> Folder:
    if not access.can_manage_folders_in(actor, group):
        raise PermissionDenied(_("Only the admins arrange the folders."))
    name = " ".join((name or "").split())
    if not name:
        raise ValidationFailed(_("Give the folder a name."), field="name")
    if len(name) > 80:
        raise ValidationFailed(_("Keep the name under 80 characters."), field="name")
    if parent is not None and parent.group_id != (group.pk if group else None):
        raise ValidationFailed(_("Choose a folder of this knowledge base."), field="parent")
    return Folder.objects.create(group=group, parent=parent, name=name, created_by=actor)


@transaction.atomic
def folder_move(*, actor: User, folder: Folder, parent: Folder | None) -> Folder:
    """Put `folder` inside `parent` (None: the top level); refuses a cycle."""
    if not access.can_manage_folders_in(actor, folder.group):
        raise PermissionDenied(_("Only the admins arrange the folders."))
    if parent is not None:
        if parent.group_id != folder.group_id:
            raise ValidationFailed(_("Choose a folder of this knowledge base."), field="parent")
        ancestor: Folder | None = parent
        seen: set[int] = set()
        while ancestor is not None and ancestor.pk not in seen:
            if ancestor.pk == folder.pk:
                raise ValidationFailed(
                    _("A folder cannot go inside itself or one of its own folders."),
                    field="parent",
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
    folder.parent = parent
    folder.save(update_fields=["parent"])
    return folder


def page_reviews_remind() -> int:
    """Remind the owners of pages past their review date, once per date; return how many."""
    from kring.notifications.services import notify

    today = timezone.localdate()
    due = Page.objects.filter(review_by__lt=today, owner__isnull=False).exclude(
        reminded_for=F("review_by")
    )
    count = 0
    for page in due.select_related("group").iterator():
        with transaction.atomic():
            notify(kind="page_review", recipients=[page.owner_id], actor=None, target=page)
            Page.objects.filter(pk=page.pk).update(reminded_for=page.review_by)
            index_later("page", page.pk)  # past its review date: it ranks lower now
        count += 1
    return count
