"""The topic page, merging topics, and the @mention autocomplete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kring import access
from kring.core.errors import ApplicationError
from kring.core.htmx import HtmxHttpRequest
from kring.core.markdown import extract_tags
from kring.feeds.views import render_feed
from kring.topics import selectors, services
from kring.topics.forms import TopicMergeForm
from kring.topics.models import Topic, topic_key


def _topic_name_or_404(key: str) -> str:
    """A key must be something a hashtag can say; anything else is no topic page."""
    if extract_tags(f"#{key}").hashtags != [key]:
        raise Http404
    return key


def _canonical(key: str) -> tuple[Topic | None, HttpResponse | None]:
    """The topic of `key`, or a redirect to its canonical page (other case, or merged away)."""
    _topic_name_or_404(key)
    canonical = topic_key(key)
    topic = Topic.objects.select_related("merged_into").filter(key=canonical).first()
    if topic is not None and topic.merged_into_id:
        return topic, redirect(topic.merged_into, permanent=False)
    if canonical != key:
        return topic, redirect("topics:detail", canonical)
    return topic, None


@login_required
@require_GET
def topic_detail(request: HtmxHttpRequest, key: str) -> HttpResponse:
    """Every topic name is a page, also one nobody used in anything you may read (then empty)."""
    topic, moved = _canonical(key)
    if moved is not None:
        return moved
    if topic is None:
        topic = Topic(name=key, key=key)  # shown, not stored: following it stores it
    page = selectors.topic_posts_for(
        request.user, topic if topic.pk else None, cursor=request.GET.get("cursor")
    )
    return render_feed(
        request,
        "topics/detail.html",
        page,
        {
            "topic": topic,
            "post_count": selectors.topic_post_count_for(request.user, topic if topic.pk else None),
            "may_merge": topic.pk is not None and access.can_merge_topic(request.user, topic),
            "feed_url": request.path,
            "empty_text": _("No posts with #%(name)s that you can read yet. Use it in a post!")
            % {"name": topic.name},
        },
    )


@login_required
def topic_merge(request: HtmxHttpRequest, key: str) -> HttpResponse:
    topic, moved = _canonical(key)
    if topic is None or topic.merged_into_id or moved is not None:
        raise Http404
    if not access.can_merge_topic(request.user, topic):
        raise Http404
    form = TopicMergeForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            target_key = topic_key(form.cleaned_data["target"].strip().lstrip("#"))
            target = Topic.objects.filter(key=target_key).first()
            if target is None or not access.can_merge_topic(request.user, target):
                form.add_error(
                    "target", _("There is no topic #%(name)s yet.") % {"name": target_key}
                )
            else:
                try:
                    target = services.topic_merge(actor=request.user, source=topic, target=target)
                except ApplicationError as error:
                    form.add_error("target", error.message)
                    status = error.status
                else:
                    messages.success(
                        request,
                        _("#%(source)s is now part of #%(target)s.")
                        % {"source": topic.name, "target": target.name},
                    )
                    return redirect(target)
    return render(request, "topics/merge.html", {"topic": topic, "form": form}, status=status)


@login_required
@require_GET
def mention_autocomplete(request: HtmxHttpRequest) -> HttpResponse:
    """The listbox options for `@q`: visible colleagues and groups you may post in (max 8)."""
    candidates = selectors.mention_candidates_for(request.user, request.GET.get("q", "")[:64])
    return render(request, "topics/partials/mention_options.html", {"candidates": candidates})
