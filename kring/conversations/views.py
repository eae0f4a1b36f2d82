"""Pages of private conversations. Every one asks the access policy; invisible is 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring import access
from kring.access.conversations import participant_ids
from kring.conversations import selectors, services
from kring.conversations.forms import MessageForm, StartForm
from kring.conversations.models import Conversation, Message
from kring.core.errors import ApplicationError
from kring.core.htmx import HtmxHttpRequest
from kring.people.models import User


def _chosen(request: HtmxHttpRequest, data) -> list[User]:
    """The people ticked in a picker, leniently: unknown or invisible names drop out."""
    names = data.getlist("to")[:100]
    chosen = access.visible(request.user, User.objects.filter(username__in=names))
    return list(chosen.exclude(pk=request.user.pk).order_by("first_name", "last_name")[:100])


def _already_in(request: HtmxHttpRequest, data) -> set[int]:
    """Who is in the conversation named by `in` (the add picker), if the viewer is in it too."""
    try:
        pk = int(data.get("in", ""))
        if not 0 < pk < 2**63:
            return set()
        conversation = access.get_or_404(request.user, Conversation, pk)
    except (ValueError, Http404):
        return set()
    return participant_ids(conversation)


def _picker(request: HtmxHttpRequest, data, chosen: list[User]) -> dict:
    query = data.get("q", "")[:100]
    exclude = {person.pk for person in chosen} | _already_in(request, data)
    results = selectors.people_to_message(request.user, query=query, exclude=exclude)
    return {"chosen": chosen, "results": results, "query": query}


@login_required
def conversation_list(request: HtmxHttpRequest) -> HttpResponse:
    page = selectors.conversations_for(request.user, cursor=request.GET.get("cursor"))
    context = {"page": page}
    if request.htmx and request.htmx.target == "conversations-more":
        return render(request, "conversations/partials/rows_more.html", context)
    return render(request, "conversations/list.html", context)


@login_required
def people_search(request: HtmxHttpRequest) -> HttpResponse:
    """The picker's options for the typed name: who is ticked, then who matches (htmx)."""
    chosen = _chosen(request, request.GET)
    return render(
        request, "conversations/partials/picker_options.html", _picker(request, request.GET, chosen)
    )


@login_required
def conversation_new(request: HtmxHttpRequest) -> HttpResponse:
    """Choose colleagues and write the first message; `?to=<username>` ticks someone already."""
    data = request.POST if request.method == "POST" else request.GET
    form = StartForm(request.POST or None)
    chosen = _chosen(request, data)
    context = {"form": form, **_picker(request, data, chosen)}
    if len(chosen) == 1:
        context["existing"] = selectors.conversation_between(request.user, chosen[0])
    if request.method != "POST" or request.POST.get("search"):
        return render(request, "conversations/new.html", context)
    form.is_valid()
    try:
        people = selectors.people_by_username_for(request.user, request.POST.getlist("to"))
        conversation = services.conversation_start(
            actor=request.user,
            participants=people,
            body=form.cleaned_data.get("body", ""),
            subject=form.cleaned_data.get("subject", ""),
        )
    except ApplicationError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(request, "conversations/new.html", context, status=error.status)
    return redirect(conversation)


def _detail_context(
    request: HtmxHttpRequest, conversation: Conversation, *, before: str | None = None
) -> dict:
    page = selectors.messages_page_for(request.user, conversation, before=before)
    people = selectors.participants_of(conversation)
    return {
        "conversation": conversation,
        "page": page,
        "people": people,
        "others": [person for person in people if person.pk != request.user.pk],
        "form": MessageForm(),
        "before": before,
        "chosen": [],
        "results": [],
        "query": "",
    }


def _earlier_url(conversation: Conversation, cursor: str) -> str:
    return (
        f"{reverse('conversations:detail', args=[conversation.pk])}?{urlencode({'before': cursor})}"
    )


@login_required
def conversation_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The latest messages (oldest first) with the reply box; `?before=` for earlier ones."""
    conversation = access.get_or_404(request.user, Conversation, pk)
    before = request.GET.get("before") or None
    if before and not selectors.cursor_is_valid(before):
        before = None
    if request.htmx and request.htmx.target == "messages-earlier":
        page = selectors.messages_page_for(request.user, conversation, before=before)
        context = {"conversation": conversation, "page": page}
        return render(request, "conversations/partials/earlier_page.html", context)
    context = _detail_context(request, conversation, before=before)
    if before is None:
        services.conversation_mark_read(actor=request.user, conversation=conversation)
    return render(request, "conversations/detail.html", context)


@login_required
@require_POST
def message_send(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    conversation = access.get_or_404(request.user, Conversation, pk)
    form = MessageForm(request.POST)
    form.is_valid()
    try:
        message = services.message_send(
            actor=request.user, conversation=conversation, body=form.cleaned_data.get("body", "")
        )
    except ApplicationError as error:
        form.add_error("body", error.message)
        if request.htmx:
            context = {"conversation": conversation, "form": form}
            return render(
                request, "conversations/partials/message_form.html", context, status=error.status
            )
        context = _detail_context(request, conversation)
        context["form"] = form
        return render(request, "conversations/detail.html", context, status=error.status)
    if not request.htmx:
        return redirect(f"{conversation.get_absolute_url()}#message-{message.pk}")
    message.author = request.user
    context = {"conversation": conversation, "form": MessageForm(), "message": message}
    return render(request, "conversations/partials/message_sent.html", context)


@login_required
def messages_new(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The messages after `?after=<message id>` for an open page (live.js); they are read now."""
    conversation = access.get_or_404(request.user, Conversation, pk)
    try:
        after = max(0, min(int(request.GET.get("after", "0")), 2**63 - 1))
    except ValueError:
        after = 0
    new = selectors.messages_after_for(request.user, conversation, after=after)
    services.conversation_mark_read(actor=request.user, conversation=conversation)
    context = {"conversation": conversation, "messages": new}
    return render(request, "conversations/partials/messages_new.html", context)


@login_required
def unread_badge(request: HtmxHttpRequest) -> HttpResponse:
    """The "Messages" badge alone, for live.js after a new message or a reconnect."""
    return render(request, "conversations/partials/unread_badge.html")


@login_required
@require_POST
def participant_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    conversation = access.get_or_404(request.user, Conversation, pk)
    chosen = _chosen(request, request.POST)
    if request.POST.get("search"):
        context = _detail_context(request, conversation)
        context.update(_picker(request, request.POST, chosen))
        context["add_open"] = True
        return render(request, "conversations/detail.html", context)
    try:
        people = selectors.people_by_username_for(request.user, request.POST.getlist("to"))
        added = services.participant_add(
            actor=request.user, conversation=conversation, people=people
        )
    except ApplicationError as error:
        context = _detail_context(request, conversation)
        context.update(_picker(request, request.POST, chosen))
        context.update(add_open=True, add_error=error.message)
        return render(request, "conversations/detail.html", context, status=error.status)
    names = ", ".join(person.display_name for person in added)
    messages.success(
        request, _("Added: %(names)s. They can read the whole conversation.") % {"names": names}
    )
    return redirect(conversation)


@login_required
def conversation_leave(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Ask (GET) and leave (POST); the conversation disappears from the leaver's list."""
    conversation = access.get_or_404(request.user, Conversation, pk)
    if request.method == "POST":
        services.conversation_leave(actor=request.user, conversation=conversation)
        messages.success(request, _("You left the conversation."))
        return redirect("conversations:list")
    return render(request, "conversations/confirm_leave.html", {"conversation": conversation})


@login_required
def message_permalink(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    message = access.get_or_404(request.user, Message, pk)
    before = selectors.message_page_before(message)
    url = message.conversation.get_absolute_url()
    if before:
        url = _earlier_url(message.conversation, before)
    return redirect(f"{url}#message-{message.pk}")
