"""The question lists, voting for answers and accepting one (htmx or a plain form post)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kring import access
from kring.core.htmx import HtmxHttpRequest
from kring.groups.models import Group
from kring.groups.selectors import groups_postable_for
from kring.posts.models import Post, Reply
from kring.questions import services
from kring.questions.selectors import (
    SHOW_ALL,
    SHOW_MINE,
    SHOW_OPEN,
    SHOWS,
    answers_for,
    question_for,
    questions_for,
    votes_of,
)
from kring.questions.suggestions import question_suggestions_for


def answers_context(request: HtmxHttpRequest, post: Post) -> dict[str, Any] | None:
    """What the answers block of a question's page shows this reader (None: no question)."""
    question = question_for(request.user, post)
    if question is None:
        return None
    return {
        "post": post,
        "question": question,
        "answers": answers_for(request.user, post, question),
        "may_accept": access.can_accept_answer(request.user, post),
        "may_save": access.can_save_post_as_knowledge(request.user, post),
    }


def _group_filter(request: HtmxHttpRequest) -> Group | None:
    value = request.GET.get("group") or ""
    if not value:
        return None
    try:
        return access.get_or_404(request.user, Group, int(value))
    except ValueError:
        raise Http404 from None


@login_required
@require_GET
def question_list(request: HtmxHttpRequest) -> HttpResponse:
    """Questions the reader may see: open (the default), all, or their own; per group too."""
    show = request.GET.get("show") or SHOW_OPEN
    if show not in SHOWS:
        show = SHOW_OPEN
    group = _group_filter(request)
    page = questions_for(request.user, show=show, group=group, cursor=request.GET.get("cursor"))
    context = {
        "page": page,
        "show": show,
        "group": group,
        "tabs": [
            (SHOW_OPEN, _("Open")),
            (SHOW_ALL, _("All")),
            (SHOW_MINE, _("My questions")),
        ],
        "may_ask": access.can_post_in(request.user, group)
        if group
        else bool(groups_postable_for(request.user)) or access.can_post_in(request.user, None),
    }
    template = "questions/partials/list_page.html" if request.htmx else "questions/list.html"
    return render(request, template, context)


def _answers_response(request: HtmxHttpRequest, post: Post, *, message: str = "") -> HttpResponse:
    context = answers_context(request, post)
    if context is None:
        raise Http404
    context["message"] = message
    return render(request, "questions/partials/answers.html", context)


def _back_to(post: Post, reply_id: int | None = None) -> str:
    return post.get_absolute_url() + (f"#answer-{reply_id}" if reply_id else "#answers")


@login_required
@require_POST
def answer_accept(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Accept the answer `reply` of question `pk`; `undo=1` makes the question open again."""
    post = access.get_or_404(request.user, Post, pk)
    if request.POST.get("undo") == "1":
        services.question_unaccept_answer(actor=request.user, post=post)
        done, reply_id = _("The question is open again."), None
    else:
        reply_id = request.POST.get("reply")
        question = services.question_accept_answer(actor=request.user, post=post, reply_id=reply_id)
        done, reply_id = _("The answer is accepted."), question.accepted_answer_id
    if request.htmx:
        return _answers_response(request, post, message=done)
    messages.success(request, done)
    return redirect(_back_to(post, reply_id))


@login_required
@require_POST
def answer_vote(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Vote for an answer or take the vote back."""
    reply = access.get_or_404(request.user, Reply, pk)
    voted = services.answer_vote_toggle(actor=request.user, reply=reply)
    if not request.htmx:
        messages.success(request, _("Your vote is counted.") if voted else _("Your vote is gone."))
        return redirect(_back_to(reply.post, reply.pk))
    reply.refresh_from_db(fields=["vote_count"])
    context = {
        "reply": reply,
        "voted": pk in votes_of(request.user, [pk]),
        "may_vote": True,
    }
    return render(request, "questions/partials/vote.html", context)


@login_required
@require_GET
def question_suggestions(request: HtmxHttpRequest) -> HttpResponse:
    """ "Ask before you post": what may already answer the title being typed (htmx fragment)."""
    title = request.GET.get("question_title") or ""
    context = {"suggestions": question_suggestions_for(request.user, title=title)}
    return render(request, "questions/partials/suggestions.html", context)
