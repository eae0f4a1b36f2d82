"""Marking an announcement read, the who-read page, and the leaders page for site admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring import access
from kring.announcements import selectors, services
from kring.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from kring.core.htmx import HtmxHttpRequest
from kring.notifications.digests import notification_snippet_of_post
from kring.people.models import User
from kring.posts.models import Post


def _announcement(request: HtmxHttpRequest, pk: int) -> Post:
    """The announcement `pk` for the viewer; a post that is none is as missing as an invisible one."""
    post = access.get_or_404(request.user, Post, pk)
    if not post.is_announcement:
        raise Http404
    return post


@login_required
@require_POST
def announcement_read(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """ "Gelezen": htmx swaps the status in place; a plain form goes back where it came from."""
    post = _announcement(request, pk)
    services.announcement_read(actor=request.user, post=post)
    if request.htmx:
        may_count = access.can_view_reads(request.user, post)  # an admin keeps the count
        return render(
            request,
            "announcements/partials/status.html",
            {
                "post": post,
                "has_read": True,
                "just_read": True,
                "summary": selectors.read_summary(post) if may_count else None,
            },
        )
    messages.success(request, _("Marked as read. Thank you!"))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = post.get_absolute_url()
    return redirect(back)


@login_required
def announcement_reads(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Who read the announcement and who not yet: for its author and the space's admins."""
    post = _announcement(request, pk)
    if not access.can_view_reads(request.user, post):
        raise PermissionDenied(_("Only the author and the admins can see who read this."))
    lists = selectors.read_lists(post)
    return render(
        request,
        "announcements/reads.html",
        {
            "post": post,
            "excerpt": notification_snippet_of_post(post),
            "lists": lists,
            "audience_count": lists.read_count + lists.waiting_count,
            "more_waiting": lists.waiting_count - len(lists.waiting),
            "more_readers": lists.read_count - len(lists.readers),
            "pinned": selectors.is_pinned(post),
        },
    )


@login_required
@require_POST
def announcement_unpin(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    post = _announcement(request, pk)
    services.announcement_unpin(actor=request.user, post=post)
    messages.success(request, _("The announcement is no longer pinned."))
    return redirect(post.get_absolute_url())


@login_required
def leaders(request: HtmxHttpRequest) -> HttpResponse:
    """Site admins give colleagues the leader role, or take it back."""
    if not access.can_appoint_leaders(request.user):
        raise PermissionDenied(_("Only site admins can choose the leaders."))
    error, typed = "", ""
    if request.method == "POST":
        typed = request.POST.get("username", "").strip()
        try:
            _leaders_change(request, typed)
        except ApplicationError as failure:
            error = str(failure.message)
        else:
            return redirect("announcements:leaders")
    return render(
        request,
        "announcements/leaders.html",
        {"leaders": selectors.leaders(), "error": error, "typed": typed},
        status=400 if error else 200,
    )


def _leaders_change(request: HtmxHttpRequest, username: str) -> None:
    dismiss = request.POST.get("action") == "dismiss"
    user = User.objects.filter(username__iexact=username).first() if username else None
    if user is None:
        raise ValidationFailed(_("There is no colleague with that user name."), field="username")
    if dismiss:
        services.leader_dismiss(actor=request.user, user=user)
        messages.success(
            request, _("%(name)s is no longer a leader.") % {"name": user.display_name}
        )
    else:
        services.leader_appoint(actor=request.user, user=user)
        messages.success(request, _("%(name)s is now a leader.") % {"name": user.display_name})
