"""Voting (htmx or a plain form post) and one poll's block on its own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kring import access
from kring.core.errors import ApplicationError
from kring.core.htmx import HtmxHttpRequest
from kring.polls import services
from kring.polls.blocks import poll_block_html
from kring.polls.selectors import poll_view_for
from kring.posts.models import Post


def _back(request: HtmxHttpRequest, post: Post) -> str:
    """Where a plain form post returns: the page it came from, at the card."""
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, {request.get_host()}, request.is_secure()
    ):
        return referer.split("#")[0] + f"#post-{post.pk}"
    return post.get_absolute_url() + f"#post-{post.pk}"


def _gone(request: HtmxHttpRequest, pk: int, message: str) -> HttpResponse:
    """For htmx a message in the place of the poll; a plain 404 otherwise."""
    if not request.htmx:
        raise Http404
    context = {"message": message, "post_id": pk}
    return render(request, "polls/partials/gone.html", context, status=404)


def _post_or_gone(request: HtmxHttpRequest, pk: int) -> Post | HttpResponse:
    """The readable post, or the answer for a missing or invisible one."""
    try:
        return access.get_or_404(request.user, Post, pk)
    except Http404:
        return _gone(request, pk, _("This message is not there (any more)."))


def _poll_response(
    request: HtmxHttpRequest,
    post: Post,
    *,
    change: bool = False,
    error: str = "",
    message: str = "",
    status: int = 200,
) -> HttpResponse:
    poll = poll_view_for(request.user, post)
    if poll is None:
        raise Http404
    block = poll_block_html(
        poll, csrf_token=get_token(request), change=change, error=error, message=message
    )
    if request.htmx:
        return HttpResponse(block, status=status)
    context = {"post": post, "poll_html": block}
    return render(request, "polls/poll_page.html", context, status=status)


@login_required
@require_GET
def poll_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The poll block alone (`?change=1`: the form again, to change one's vote)."""
    post = _post_or_gone(request, pk)
    if isinstance(post, HttpResponse):
        return post
    return _poll_response(request, post, change=request.GET.get("change") == "1")


@login_required
@require_POST
def poll_vote(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    post = _post_or_gone(request, pk)
    if isinstance(post, HttpResponse):
        return post
    try:
        services.poll_vote(actor=request.user, post=post, option_ids=request.POST.getlist("option"))
    except ApplicationError as error:
        if error.status == 404:
            return _gone(request, pk, str(error.message))
        return _poll_response(request, post, error=str(error.message), status=error.status)
    if not request.htmx:
        messages.success(request, _("Your vote is counted."))
        return redirect(_back(request, post))
    return _poll_response(request, post, message=_("Your vote is counted."))
