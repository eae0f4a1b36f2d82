"""The knowledge base's pages: a space's tree, a page, its editor, history and diff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring import access
from kring.core.errors import ApplicationError
from kring.core.htmx import HtmxHttpRequest
from kring.groups.models import Group
from kring.knowledge import selectors, services
from kring.knowledge.forms import FolderForm, PageForm
from kring.knowledge.models import Folder, Page
from kring.knowledge.templates_md import starting_body
from kring.posts.models import Post
from kring.questions.selectors import question_for


def _space_or_404(request: HtmxHttpRequest, slug: str | None) -> Group | None:
    """The group of `slug` (None: the company space), if the viewer may read its knowledge."""
    group = access.get_or_404(request.user, Group, slug, field="slug") if slug else None
    if not access.can_read_space(request.user, group):
        raise Http404
    return group


def space_url(group: Group | None) -> str:
    return reverse("knowledge:group", args=[group.slug]) if group else reverse("knowledge:company")


@login_required
def knowledge_index(request: HtmxHttpRequest, slug: str | None = None) -> HttpResponse:
    group = _space_or_404(request, slug)
    viewer = request.user
    tree = selectors.knowledge_tree_for(viewer, group)
    context = {
        "group": group,
        "space_url": space_url(group),
        "tree": tree,
        "onboarding": selectors.onboarding_pages_for(viewer, group),
        "can_write": access.can_write_knowledge_in(viewer, group),
        "can_manage": access.can_manage_folders_in(viewer, group),
        "folder_form": FolderForm(folders=selectors.folders_in_order(tree)),
        "kinds": Page.Kind.choices,
    }
    return render(request, "knowledge/index.html", context)


@login_required
@require_POST
def folder_create(request: HtmxHttpRequest, slug: str | None = None) -> HttpResponse:
    group = _space_or_404(request, slug)
    form = FolderForm(request.POST, folders=selectors.folders_for(request.user, group))
    form.is_valid()
    try:
        services.folder_create(
            actor=request.user,
            group=group,
            name=form.cleaned_data.get("name", ""),
            parent=form.chosen_parent(),
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect(space_url(group))


@login_required
@require_POST
def folder_move(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    folder = access.get_or_404(request.user, Folder, pk)
    form = FolderForm(request.POST, folders=selectors.folders_for(request.user, folder.group))
    form.is_valid()
    try:
        services.folder_move(actor=request.user, folder=folder, parent=form.chosen_parent())
        messages.success(request, _("The folder was moved."))
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect(space_url(folder.group))


def _editor(request, *, group, page, form, status=200, source_post=None, error=""):
    context = {
        "group": group,
        "page": page,
        "form": form,
        "space_url": space_url(group),
        "source_post": source_post,
        "error": error,
    }
    return render(request, "knowledge/edit.html", context, status=status)


def _page_form(request, group, data=None, initial=None) -> PageForm:
    return PageForm(data, initial=initial, folders=selectors.folders_for(request.user, group))


@login_required
def page_new(request: HtmxHttpRequest, slug: str | None = None) -> HttpResponse:
    """A new page, starting from the template of the chosen kind (`?kind=tip`)."""
    group = _space_or_404(request, slug)
    if not access.can_write_knowledge_in(request.user, group):
        raise Http404
    if request.method != "POST":
        kind = request.GET.get("kind", Page.Kind.PAGE)
        kind = kind if kind in Page.Kind.values else Page.Kind.PAGE
        initial = {"kind": kind, "body": starting_body(kind), "folder": request.GET.get("folder")}
        return _editor(
            request, group=group, page=None, form=_page_form(request, group, None, initial)
        )
    return _save_new(request, group=group, source_post=None)


def _save_new(request, *, group, source_post) -> HttpResponse:
    form = _page_form(request, group, request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        page = services.page_create(
            actor=request.user,
            group=group,
            title=data.get("title", ""),
            body=data.get("body", ""),
            folder=form.chosen_folder(),
            kind=data.get("kind") or Page.Kind.PAGE,
            is_onboarding=bool(data.get("is_onboarding")),
            review_by=data.get("review_by"),
            source_post=source_post,
        )
    except ApplicationError as error:
        form.add_error(error.field if error.field in form.fields else None, str(error.message))
        return _editor(
            request, group=group, page=None, form=form, status=400, source_post=source_post
        )
    messages.success(request, _("The page is saved."))
    return redirect(page)


@login_required
def page_from_post(request: HtmxHttpRequest, post_pk: int) -> HttpResponse:
    """ "Bewaar als best practice": a page drafted from the thread, editable before saving."""
    post = access.get_or_404(request.user, Post, post_pk)
    if not access.can_save_post_as_knowledge(request.user, post):
        raise Http404
    if request.method == "POST":
        return _save_new(request, group=post.group, source_post=post)
    title, body = selectors.post_as_page_draft(request.user, post)
    initial = {"title": title, "body": body, "kind": Page.Kind.BEST_PRACTICE}
    form = _page_form(request, post.group, None, initial)
    return _editor(request, group=post.group, page=None, form=form, source_post=post)


@login_required
def page_from_answer(request: HtmxHttpRequest, post_pk: int) -> HttpResponse:
    """ "Bewaar als best practice" on a question's accepted answer: the question and that
    answer first; the page links back to the question's thread."""
    post = access.get_or_404(request.user, Post, post_pk)
    question = question_for(request.user, post)
    if question is None or not access.can_save_post_as_knowledge(request.user, post):
        raise Http404
    if request.method == "POST":
        return _save_new(request, group=post.group, source_post=post)
    draft = selectors.answer_as_page_draft(request.user, post, question)
    if draft is None:
        raise Http404
    title, body = draft
    initial = {"title": title, "body": body, "kind": Page.Kind.BEST_PRACTICE}
    form = _page_form(request, post.group, None, initial)
    return _editor(request, group=post.group, page=None, form=form, source_post=post)


@login_required
def page_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    page = access.get_or_404(request.user, Page, pk)
    viewer = request.user
    source = page.source_post
    context = {
        "page": page,
        "group": page.group,
        "space_url": space_url(page.group),
        "can_edit": access.can_edit_page(viewer, page),
        "can_confirm": access.can_confirm_page(viewer, page),
        # The thread it came from, only for a reader who may still see it.
        "source": source if source is not None and access.can_view(viewer, source) else None,
    }
    return render(request, "knowledge/page.html", context)


@login_required
def page_confirm(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    page = access.get_or_404(request.user, Page, pk)
    if request.method != "POST":
        return redirect(page)
    try:
        services.page_confirm(actor=request.user, page=page)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(page)
    if request.htmx:
        context = {"page": page, "can_confirm": True, "just_confirmed": True}
        return render(request, "knowledge/partials/review.html", context)
    messages.success(request, _("Thanks! The page is marked as still up to date."))
    return redirect(page)


@login_required
def page_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Edit a page; a save on top of someone else's newer one is a conflict that keeps the text."""
    page = access.get_or_404(request.user, Page, pk)
    if not access.can_edit_page(request.user, page):
        raise Http404
    if request.method != "POST":
        initial = {
            "title": page.title,
            "body": page.body,
            "kind": page.kind,
            "folder": page.folder_id,
            "is_onboarding": page.is_onboarding,
            "review_by": page.review_by,
            "review_by_was": page.review_by,
            "version": page.version,
        }
        return _editor(
            request,
            group=page.group,
            page=page,
            form=_page_form(request, page.group, None, initial),
        )
    form = _page_form(request, page.group, request.POST)
    form.is_valid()
    data = form.cleaned_data
    try:
        services.page_update(
            actor=request.user,
            page=page,
            base_version=data.get("version") or 0,
            title=data.get("title", ""),
            body=data.get("body", ""),
            folder=form.chosen_folder(),
            kind=data.get("kind") or page.kind,
            is_onboarding=bool(data.get("is_onboarding")),
            review_by=data.get("review_by"),
            review_by_was=data.get("review_by_was"),
        )
    except services.EditConflict as error:
        page.refresh_from_db()
        return _editor(
            request, group=page.group, page=page, form=form, status=409, error=str(error.message)
        )
    except ApplicationError as error:
        form.add_error(error.field if error.field in form.fields else None, str(error.message))
        return _editor(request, group=page.group, page=page, form=form, status=400)
    messages.success(request, _("The page is saved."))
    return redirect(page)


@login_required
def page_history(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    page = access.get_or_404(request.user, Page, pk)
    revisions = selectors.revisions_for(request.user, page)
    context = {
        "page": page,
        "group": page.group,
        "space_url": space_url(page.group),
        "revisions": revisions,
        "can_edit": access.can_edit_page(request.user, page),
    }
    return render(request, "knowledge/history.html", context)


def _revision_number(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


@login_required
def page_diff(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The changes between two revisions (`?from=2&to=5`; missing ones: the latest two)."""
    page = access.get_or_404(request.user, Page, pk)
    revisions = {r.number: r for r in selectors.revisions_for(request.user, page)}
    new_number = _revision_number(request.GET.get("to")) or page.version
    old_number = _revision_number(request.GET.get("from")) or max(new_number - 1, 1)
    old, new = revisions.get(old_number), revisions.get(new_number)
    if old is None or new is None:
        raise Http404
    if old.number > new.number:
        old, new = new, old
    context = {
        "page": page,
        "group": page.group,
        "space_url": space_url(page.group),
        "old": old,
        "new": new,
        "lines": selectors.revision_diff(old, new),
        "numbers": sorted(revisions, reverse=True),
        "can_edit": access.can_edit_page(request.user, page),
    }
    return render(request, "knowledge/diff.html", context)


@login_required
@require_POST
def page_restore(request: HtmxHttpRequest, pk: int, number: int) -> HttpResponse:
    page = access.get_or_404(request.user, Page, pk)
    if not access.can_edit_page(request.user, page):
        raise Http404
    try:
        services.page_restore(actor=request.user, page=page, number=number)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("knowledge:history", pk=page.pk)
    messages.success(
        request, _("Version %(number)s is back, as a new version of the page.") % {"number": number}
    )
    return redirect(page)
