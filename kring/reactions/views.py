"""Reacting (htmx or a plain form post), the who-reacted lists, and the praise picker."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kring import access
from kring.core.errors import ApplicationError, ValidationFailed
from kring.core.htmx import HtmxHttpRequest
from kring.people.selectors import people_directory_for
from kring.posts.models import Post, Reply
from kring.reactions import selectors, services
from kring.reactions.models import KINDS, PRAISE_MAX_PEOPLE, Kind

PICKER_MATCHES = 8


def _back(request: HtmxHttpRequest, target: Post | Reply) -> str:
    """Where a plain form post returns: the page it came from, at the card or reply."""
    anchor = f"#reply-{target.pk}" if isinstance(target, Reply) else f"#post-{target.pk}"
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, {request.get_host()}, request.is_secure()
    ):
        return referer.split("#")[0] + anchor
    if isinstance(target, Reply):
        return target.get_absolute_url()
    return target.get_absolute_url() + anchor


def _bar_response(
    request: HtmxHttpRequest, target: Post | Reply, *, error: str = "", status: int = 200
) -> HttpResponse:
    mine = selectors.my_reaction_kinds(request.user, [target]).get(target.pk, frozenset())
    bar = selectors.reaction_bar(target, mine, may_react=access.can_react(request.user, target))
    context = {"bar": bar, "error": error}
    return render(request, "reactions/partials/bar.html", context, status=status)


def _react(request: HtmxHttpRequest, target: Post | Reply) -> HttpResponse:
    try:
        services.reaction_toggle(
            actor=request.user, target=target, kind=request.POST.get("kind", "")
        )
    except ApplicationError as error:
        if not request.htmx:
            raise
        return _bar_response(request, target, error=str(error.message), status=error.status)
    if not request.htmx:
        return redirect(_back(request, target))
    return _bar_response(request, target)


def _not_there(request: HtmxHttpRequest) -> HttpResponse:
    """Missing or invisible: a plain 404, or for htmx a message in the place of the bar."""
    if not request.htmx:
        raise Http404
    message = _("This message is not there (any more).")
    return render(request, "reactions/partials/gone.html", {"message": message}, status=404)


@login_required
@require_POST
def post_react(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    try:
        post = access.get_or_404(request.user, Post, pk)
    except Http404:
        return _not_there(request)
    return _react(request, post)


@login_required
@require_POST
def reply_react(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    try:
        reply = access.get_or_404(request.user, Reply, pk)
    except Http404:
        return _not_there(request)
    return _react(request, reply)


@login_required
@require_GET
def post_bar(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The post's reaction bar as the viewer sees it now (live.js after a reaction elsewhere)."""
    return _bar_response(request, access.get_or_404(request.user, Post, pk))


@login_required
@require_GET
def reply_bar(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The reply's reaction bar as the viewer sees it now."""
    return _bar_response(request, access.get_or_404(request.user, Reply, pk))


def _reactors_page(request: HtmxHttpRequest, target: Post | Reply) -> HttpResponse:
    kind = request.GET.get("kind") or None
    if kind not in (None, *KINDS):
        kind = None
    try:
        page = max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        page = 1
    per_page = selectors.PEOPLE_PER_PAGE
    start = (page - 1) * per_page
    rows = list(
        selectors.reactors_for(request.user, target, kind=kind)[start : start + per_page + 1]
    )
    bar = selectors.reaction_bar(target, frozenset(), may_react=False)
    context = {
        "target": target,
        "post": target.post if isinstance(target, Reply) else target,
        "is_reply": isinstance(target, Reply),
        "bar": bar,
        "kind": kind,
        "kind_label": Kind(kind).label if kind else "",
        "reactions": rows[:per_page],
        "page": page,
        "has_next": len(rows) > per_page,
        "icons": {button.kind: button.icon for button in bar.buttons},
    }
    return render(request, "reactions/reactors.html", context)


@login_required
@require_GET
def post_reactors(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _reactors_page(request, access.get_or_404(request.user, Post, pk))


@login_required
@require_GET
def reply_reactors(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    reply = access.get_or_404(request.user, Reply, pk)
    if reply.deleted_at is not None:
        raise ValidationFailed(_("This reply was removed."), status=409)
    return _reactors_page(request, reply)


@login_required
@require_GET
def praise_people(request: HtmxHttpRequest) -> HttpResponse:
    """The praise picker's list: the chosen colleagues (ticked) and matches for `q`."""
    context = praise_picker_context(request.user, request.GET)
    return render(request, "reactions/partials/praise_people.html", context)


def praise_picker_context(viewer, data, *, error: str = "") -> dict:
    """What the picker shows for the submitted `praised` ids and search `praise_q`.

    Only people the viewer may see; `error` is a praise error to show in the picker.
    """
    chosen_ids = []
    for value in data.getlist("praised")[:PRAISE_MAX_PEOPLE]:
        if value.isdigit() and len(value) < 19:
            chosen_ids.append(int(value))
    people = people_directory_for(viewer)
    chosen = list(people.filter(pk__in=chosen_ids)) if chosen_ids else []
    query = (data.get("praise_q") or "").strip()[:100]
    matches = []
    if query:
        found = people_directory_for(viewer, query=query).exclude(pk__in=[*chosen_ids, viewer.pk])
        matches = list(found[:PICKER_MATCHES])
    reason = (data.get("praise_reason") or "")[:500]
    return {
        "chosen": chosen,
        "matches": matches,
        "praise_q": query,
        "reason": reason,
        "error": error,
        "open": bool(chosen_ids or query or reason or error),
    }
