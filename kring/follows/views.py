"""Follow buttons and the list of what you follow."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from kring import access
from kring.core.errors import NotFound
from kring.core.htmx import HtmxHttpRequest
from kring.follows import services
from kring.follows.selectors import following_of
from kring.follows.templatetags.follows_tags import button_context
from kring.groups.models import Group
from kring.people.models import User
from kring.topics.models import Topic, topic_key

_KINDS = {"person": (User, "username"), "group": (Group, "slug"), "topic": (Topic, "key")}


def _target(viewer, kind: str, ident: str):
    if kind not in _KINDS:
        raise Http404
    model, field = _KINDS[kind]
    if model is Topic:
        return Topic.objects.get_or_create(key=topic_key(ident), defaults={"name": ident})[0]
    return access.get_or_404(viewer, model, ident, field=field)


@login_required
@require_POST
def follow_toggle(request: HtmxHttpRequest, kind: str, ident: str) -> HttpResponse:
    """Follow (action=follow) or unfollow; htmx gets the new button, a plain form goes back."""
    if kind == "topic" and not Topic.objects.filter(key=topic_key(ident)).exists():
        _valid_topic_or_404(ident)
    target = _target(request.user, kind, ident)
    following = request.POST.get("action") != "unfollow"
    try:
        if following:
            services.follow_add(actor=request.user, target=target)
        else:
            services.follow_remove(actor=request.user, target=target)
    except NotFound:
        raise Http404 from None
    if request.htmx:
        context = button_context(request.user, target, following=following)
        return render(
            request, "follows/partials/follow_button.html", {**context, "request": request}
        )
    next_url = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    return redirect(next_url)


def _valid_topic_or_404(ident: str) -> None:
    from kring.core.markdown import extract_tags

    if extract_tags(f"#{ident}").hashtags != [ident]:
        raise Http404


@login_required
@require_GET
def following_list(request: HtmxHttpRequest, username: str) -> HttpResponse:
    """Your own list; someone else's is not shown (it says who they watch)."""
    if username != request.user.username:
        raise Http404
    return render(request, "follows/following.html", {"following": following_of(request.user)})
