"""Group pages: the directory, creating and editing, the group page, and joining and leaving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import strip_tags
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import ApplicationError
from kring.core.htmx import HtmxHttpRequest
from kring.core.kept import reads_kept
from kring.core.markdown import render_markdown
from kring.feeds.selectors import feed_group_for
from kring.feeds.views import feed_kept_keys, render_feed
from kring.groups import selectors, services
from kring.groups.forms import VISIBILITY_HELP, GroupForm, JoinRequestForm
from kring.groups.models import Group
from kring.posts.forms import PostForm


def refuse(request: HtmxHttpRequest, message: str, *, status: int = 403) -> HttpResponse:
    """A friendly page for something the viewer may see but not do."""
    return render(
        request, "core/error.html", {"title": _("Not allowed"), "message": message}, status=status
    )


def next_url(request: HtmxHttpRequest, fallback: str) -> str:
    """The `next` field of a POST if it points into this site, else `fallback`."""
    candidate = request.POST.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, {request.get_host()}, request.is_secure()
    ):
        return candidate
    return fallback


def form_error(form, error: ApplicationError) -> None:
    """Put a service's message next to its field, or above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _group(request: HtmxHttpRequest, slug: str) -> Group:
    return access.get_or_404(request.user, Group, slug, field="slug")


def _excerpt(markdown: str) -> str:
    return Truncator(strip_tags(render_markdown(markdown)).strip()).chars(140)


@login_required
def group_list(request: HtmxHttpRequest):
    viewer = request.user
    query = request.GET.get("q", "").strip()[:80]
    mine = request.GET.get("show") == "mine"
    pending = selectors.pending_request_group_ids(viewer)
    rows = [
        {
            "group": group,
            "role": access.role_in(viewer, group),
            "pending": group.pk in pending,
            "can_join": access.can_join(viewer, group),
            "can_request": access.can_request_to_join(viewer, group),
            "excerpt": _excerpt(group.description),
        }
        for group in selectors.group_directory_for(viewer, query=query, mine=mine)
    ]
    context = {
        "rows": rows,
        "query": query,
        "mine": mine,
        "can_create": access.can_create_group(viewer),
    }
    if request.htmx and request.htmx.target == "group-results":
        return render(request, "groups/partials/directory_results.html", context)
    return render(request, "groups/list.html", context)


@login_required
def group_create(request: HtmxHttpRequest):
    if not access.can_create_group(request.user):
        return refuse(request, _("Only colleagues can create groups."))
    form = GroupForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        if form.is_valid():
            try:
                group = services.group_create(actor=request.user, **form.cleaned_data)
            except ApplicationError as error:
                form_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Your group is ready. Invite colleagues to join!"))
                return redirect(group)
        else:
            status = 400
    return render(request, "groups/form.html", {"form": form, "group": None}, status=status)


@login_required
def group_edit(request: HtmxHttpRequest, slug: str):
    group = _group(request, slug)
    if not access.can_manage(request.user, group):
        return refuse(request, _("Only group admins can change the group."))
    initial = {"name": group.name, "description": group.description, "visibility": group.visibility}
    form = GroupForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if form.is_bound:
        if form.is_valid():
            try:
                services.group_update(actor=request.user, group=group, **form.cleaned_data)
            except ApplicationError as error:
                form_error(form, error)
                status = error.status
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(group)
        else:
            status = 400
    return render(request, "groups/form.html", {"form": form, "group": group}, status=status)


def _detail_context(request: HtmxHttpRequest, group: Group) -> dict:
    viewer = request.user
    can_read = access.can_read_space(viewer, group)
    may_manage = access.can_manage(viewer, group)
    can_request = access.can_request_to_join(viewer, group)
    admins, newest = selectors.group_side_people(group) if can_read else ([], [])
    return {
        "group": group,
        "description_html": render_markdown(group.description),
        "visibility_help": VISIBILITY_HELP[group.visibility],
        "role": access.role_in(viewer, group),
        "can_read": can_read,
        "can_post": access.can_post_in(viewer, group),
        "can_join": access.can_join(viewer, group),
        "can_request": can_request,
        "can_leave": access.can_leave(viewer, group),
        "can_manage": may_manage,
        # Only who may ask to join can be waiting for an answer (not members, not guests).
        "pending": can_request and group.pk in selectors.pending_request_group_ids(viewer),
        "request_count": selectors.join_requests_for(viewer, group).count() if may_manage else 0,
        "request_form": JoinRequestForm(),
        "admins": admins,
        "member_preview": newest,
        "composer_form": PostForm(),
        "composer_fixed": group.pk,
        "feed_url": group.get_absolute_url(),
        "empty_text": _("No posts in this group yet. Write the first!"),
    }


def render_detail(
    request: HtmxHttpRequest, group: Group, *, status: int = 200, **extra
) -> HttpResponse:
    """The group page: header, and the composer and feed for whoever may read the group."""
    context = {**_detail_context(request, group), **extra}
    if not context["can_read"]:
        return render(request, "groups/detail.html", context, status=status)
    page = feed_group_for(request.user, group, cursor=request.GET.get("cursor"))
    response = render_feed(request, "groups/detail.html", page, context)
    response.status_code = status
    return response


@login_required
@reads_kept(feed_kept_keys)
def group_detail(request: HtmxHttpRequest, slug: str):
    return render_detail(request, selectors.group_or_404(request.user, slug))


@login_required
def group_join(request: HtmxHttpRequest, slug: str):
    group = _group(request, slug)
    if request.method != "POST":
        return redirect(group)
    try:
        services.group_join(actor=request.user, group=group)
    except ApplicationError as error:
        return render_detail(request, group, status=error.status, action_error=error.message)
    messages.success(request, _("Welcome to %(group)s!") % {"group": group.name})
    return redirect(next_url(request, group.get_absolute_url()))


@login_required
def group_leave(request: HtmxHttpRequest, slug: str):
    group = _group(request, slug)
    if request.method != "POST":
        return redirect(group)
    try:
        services.membership_remove(actor=request.user, group=group, user=request.user)
    except ApplicationError as error:
        return render_detail(request, group, status=error.status, action_error=error.message)
    messages.success(request, _("You left %(group)s.") % {"group": group.name})
    # A secret group disappears for whoever leaves it.
    if access.can_view(request.user, group):
        return redirect(group)
    return redirect("groups:list")


@login_required
def join_request_create(request: HtmxHttpRequest, slug: str):
    group = _group(request, slug)
    if request.method != "POST":
        return redirect(group)
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        return render_detail(request, group, status=400, request_form=form)
    try:
        services.join_request_create(
            actor=request.user, group=group, message=form.cleaned_data["message"]
        )
    except ApplicationError as error:
        return render_detail(request, group, status=error.status, action_error=error.message)
    messages.success(request, _("Your request is sent. A group admin will decide."))
    return redirect(next_url(request, group.get_absolute_url()))
