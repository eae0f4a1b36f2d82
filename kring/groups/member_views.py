"""The members page of a group and the admin actions on it: add, remove, roles, requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import ApplicationError, NotFound, ValidationFailed
from kring.core.htmx import HtmxHttpRequest
from kring.groups import selectors, services
from kring.groups.forms import VISIBILITY_HELP, MemberAddForm
from kring.groups.models import Group, Membership
from kring.groups.views import form_error, next_url, refuse
from kring.people.models import User


def _group(request: HtmxHttpRequest, slug: str) -> Group:
    return access.get_or_404(request.user, Group, slug, field="slug")


def _members_url(group: Group) -> str:
    return reverse("groups:members", args=[group.slug])


def _person(request: HtmxHttpRequest, username: str) -> User:
    """A colleague the viewer may see, by username; anyone else is 'not found'."""
    try:
        return access.get_or_404(request.user, User, username.strip().lstrip("@"), field="username")
    except Http404:
        raise ValidationFailed(
            _("We could not find a colleague with that username."), field="username", status=400
        ) from None


def render_members(
    request: HtmxHttpRequest,
    group: Group,
    *,
    status: int = 200,
    add_form: MemberAddForm | None = None,
    action_error: str | None = None,
) -> HttpResponse:
    """The members page, for whoever may read the group; admins also get the tools."""
    viewer = request.user
    if not access.can_read_space(viewer, group):
        return refuse(request, _("This group is closed. Ask to join to see who is in it."))
    may_manage = access.can_manage(viewer, group)
    context = {
        "group": group,
        "visibility_help": VISIBILITY_HELP[group.visibility],
        "memberships": selectors.group_members(group),
        "can_manage": may_manage,
        "add_form": add_form or MemberAddForm(),
        "addable": selectors.people_addable_to(viewer, group) if may_manage else [],
        "join_requests": selectors.join_requests_for(viewer, group),
        "action_error": action_error,
    }
    return render(request, "groups/members.html", context, status=status)


@login_required
def group_members(request: HtmxHttpRequest, slug: str):
    return render_members(request, _group(request, slug))


def _admins_only(request: HtmxHttpRequest, group: Group, message: str) -> HttpResponse | None:
    """Refuse a member tool to whoever does not administer the group (before any lookup)."""
    if access.can_manage(request.user, group):
        return None
    return render_members(request, group, status=403, action_error=message)


@login_required
def member_add(request: HtmxHttpRequest, slug: str):
    group = _group(request, slug)
    if request.method != "POST":
        return redirect(_members_url(group))
    if refused := _admins_only(request, group, _("Only group admins can add members.")):
        return refused
    form = MemberAddForm(request.POST)
    if not form.is_valid():
        return render_members(request, group, status=400, add_form=form)
    try:
        person = _person(request, form.cleaned_data["username"])
        services.membership_add(actor=request.user, group=group, user=person)
    except ApplicationError as error:
        form_error(form, error)
        return render_members(request, group, status=error.status, add_form=form)
    messages.success(
        request, _("%(name)s is now a member of the group.") % {"name": person.display_name}
    )
    return redirect(_members_url(group))


@login_required
def member_remove(request: HtmxHttpRequest, slug: str, username: str):
    group = _group(request, slug)
    if request.method != "POST":
        return redirect(_members_url(group))
    if refused := _admins_only(request, group, _("Only group admins can remove members.")):
        return refused
    try:
        person = _person(request, username)
        services.membership_remove(actor=request.user, group=group, user=person)
    except ApplicationError as error:
        return render_members(request, group, status=error.status, action_error=error.message)
    messages.success(request, _("%(name)s is no longer a member.") % {"name": person.display_name})
    if not access.can_read_space(request.user, group):
        return redirect("groups:list")
    return redirect(next_url(request, _members_url(group)))


@login_required
def member_role(request: HtmxHttpRequest, slug: str, username: str):
    group = _group(request, slug)
    if request.method != "POST":
        return redirect(_members_url(group))
    if refused := _admins_only(request, group, _("Only group admins can change roles.")):
        return refused
    role = request.POST.get("role", "")
    try:
        person = _person(request, username)
        services.membership_set_role(actor=request.user, group=group, user=person, role=role)
    except ApplicationError as error:
        return render_members(request, group, status=error.status, action_error=error.message)
    if role == Membership.Role.ADMIN:
        done = _("%(name)s is now a group admin.")
    else:
        done = _("%(name)s is now a member (no longer an admin).")
    messages.success(request, done % {"name": person.display_name})
    return redirect(_members_url(group))


@login_required
def join_request_decide(request: HtmxHttpRequest, slug: str, pk: int):
    group = _group(request, slug)
    if request.method != "POST":
        return redirect(_members_url(group))
    if refused := _admins_only(request, group, _("Only group admins can decide on requests.")):
        return refused
    approve = request.POST.get("decision") == "approve"
    try:
        join_request = selectors.join_requests_for(request.user, group).filter(pk=pk).first()
        if join_request is None:
            raise NotFound(_("This request is no longer there: perhaps another admin decided."))
        services.join_request_decide(actor=request.user, join_request=join_request, approve=approve)
    except ApplicationError as error:
        return render_members(request, group, status=error.status, action_error=error.message)
    name = join_request.user.display_name
    if approve:
        messages.success(request, _("%(name)s is now a member of the group.") % {"name": name})
    else:
        messages.success(request, _("You declined the request of %(name)s.") % {"name": name})
    return redirect(_members_url(group))
