import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring import access
from kring.announcements.services import announcement_publish
from kring.core.errors import ApplicationError, PermissionDenied, ValidationFailed
from kring.core.fragments import CSRF_TOKEN_STAND_IN, fragment_key, render_fragment, token_fill
from kring.core.htmx import HtmxHttpRequest
from kring.groups.models import Group
from kring.groups.selectors import groups_postable_for
from kring.knowledge.selectors import saved_as_knowledge_column
from kring.polls.forms import poll_composer_context, poll_draft_from
from kring.polls.services import poll_create
from kring.posts import services
from kring.posts.forms import EditForm, PostForm, ReplyForm
from kring.posts.loading import posts_by_id_for
from kring.posts.models import BODY_MAX_LENGTH, Post, Reply
from kring.posts.replies_html import replies_html, thread_replies_html
from kring.posts.selectors import (
    LIVE_BATCH,
    latest_reply_column,
    path_is_valid,
    replies_since,
    reply_before,
    reply_latest_id,
    reply_on_page,
    reply_page_after,
    thread_page_for,
)
from kring.questions.forms import question_composer_context, question_title_from
from kring.questions.services import question_create
from kring.reactions.services import praise_create
from kring.reactions.views import praise_picker_context
from kring.topics.services import body_prepare  # issue 4: preview shows tags as links


def _safe_next(request, candidate: str | None, fallback: str) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, {request.get_host()}, request.is_secure()
    ):
        return candidate
    return fallback


def _group_from_field(viewer, value: str) -> Group | None:
    """Resolve the composer's group field: empty or "company" is the company space."""
    if value in ("", "company"):
        return None
    try:
        return access.get_or_404(viewer, Group, int(value))
    except Exception:
        raise ValidationFailed(_("That group does not exist."), field="group", status=404) from None


def _form_error(form, error: ApplicationError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _composer_again(
    request: HtmxHttpRequest,
    form: PostForm,
    fixed: str | None,
    *,
    praise_error: str = "",
    poll_error: ApplicationError | None = None,
    question_error: ApplicationError | None = None,
    status: int = 200,
):
    """The composer with what was typed, its errors, the praise picker's and the poll's state."""
    context = {
        "form": form,
        "composer_groups": groups_postable_for(request.user),
        "composer_company": access.can_post_in(request.user, None),
        "composer_fixed": fixed,
        "praise_picker": praise_picker_context(request.user, request.POST, error=praise_error),
        "poll_composer": poll_composer_context(
            request.POST,
            error=str(poll_error.message) if poll_error else "",
            field=(poll_error.field or "") if poll_error else "",
        ),
        "question_composer": question_composer_context(  # issue 5: questions
            request.POST,
            error=str(question_error.message) if question_error else "",
            field=(question_error.field or "") if question_error else "",
        ),
    }
    template = "posts/partials/composer_again.html" if request.htmx else "posts/post_new.html"
    return render(request, template, context, status=status)


def _wants_praise(data) -> bool:
    """Whether the composer was sent with the "Give a compliment" part filled in."""
    return bool(data.getlist("praised") or (data.get("praise_reason") or "").strip())


def _post_write(request: HtmxHttpRequest, group: Group | None, body: str) -> Post:
    """Write the composer's post (a compliment, an announcement) with its poll: all or nothing."""
    poll = poll_draft_from(request.POST)  # issue 4: polls
    question_title = question_title_from(request.POST)  # issue 5: questions
    with transaction.atomic():
        if _wants_praise(request.POST):  # issue 4: praise
            post = praise_create(
                actor=request.user,
                group=group,
                body=body,
                praised_ids=request.POST.getlist("praised"),
                reason=request.POST.get("praise_reason", ""),
            )
        else:
            post = services.post_create(actor=request.user, group=group, body=body)
        if request.POST.get("announcement") == "on":  # issue 4: announcements
            announcement_publish(actor=request.user, post=post)
        if poll is not None:
            poll_create(actor=request.user, post=post, draft=poll)
        if question_title is not None:
            question_create(actor=request.user, post=post, title=question_title)
    return post


@login_required
@require_POST
def post_create(request: HtmxHttpRequest):
    form = PostForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    fixed = request.POST.get("fixed") or None
    if request.POST.get("praise_search"):
        # The praise picker's Search (or Enter in its fields): the composer again, with matches.
        return _composer_again(request, form, fixed)
    try:
        group = _group_from_field(request.user, data.get("group", ""))
        post = _post_write(request, group, data.get("body", ""))
    except ApplicationError as error:
        if error.field in ("praised", "reason"):
            return _composer_again(
                request, form, fixed, praise_error=str(error.message), status=error.status
            )
        if (error.field or "").startswith("poll_"):
            return _composer_again(request, form, fixed, poll_error=error, status=error.status)
        if (error.field or "").startswith("question_"):
            return _composer_again(request, form, fixed, question_error=error, status=error.status)
        _form_error(form, error)
        return _composer_again(request, form, fixed, status=error.status)
    if request.htmx:
        return render(
            request,
            "posts/partials/composer_sent.html",
            {
                "form": PostForm(),
                "post": post,
                "composer_groups": groups_postable_for(request.user),
                "composer_company": access.can_post_in(request.user, None),
                "composer_fixed": fixed,
            },
        )
    messages.success(request, _("Your post is online."))
    return redirect(_safe_next(request, data.get("next"), post.get_absolute_url()))


@login_required
@require_POST
def markdown_preview(request: HtmxHttpRequest):
    """Render the composer's Markdown exactly as it will be shown, for the Preview button."""
    body = request.POST.get("body", "")[: BODY_MAX_LENGTH + 1]
    return render(
        request,
        "posts/partials/preview.html",
        {"html": body_prepare(author=request.user, body=body).html},
    )


def _thread_url(post_id: int, *, after: str, reply_id: int) -> str:
    """The thread page starting after the path `after`, scrolled to a reply."""
    query = f"?{urlencode({'after': after})}" if after else ""
    return f"{reverse('posts:detail', args=[post_id])}{query}#reply-{reply_id}"


def _reply_url(reply: Reply) -> str:
    """Where a reply is read: the thread page that shows it, scrolled to it."""
    return _thread_url(reply.post_id, after=reply_page_after(reply), reply_id=reply.pk)


def _thread_context(
    request: HtmxHttpRequest,
    post: Post,
    *,
    after: str = "",
    reply_to: Reply | None = None,
    failed: dict | None = None,
) -> dict:
    """One page of the thread with the reply form (answering `reply_to`, if given)."""
    may_reply = access.can_reply(request.user, post)
    page = thread_page_for(request.user, post, after=after)
    # One masked token for the page: the replies' forms and the template's (csrf_token).
    csrf_token = get_token(request)
    # Also the reader's own reactions on the post, for its card.
    html = thread_replies_html(request.user, post, page, may_reply=may_reply, csrf_token=csrf_token)
    cancel_url = None
    if reply_to is not None:
        cancel_url = _thread_url(post.pk, after=after, reply_id=reply_to.pk)
    return {
        "post": post,
        "page": page,
        "replies_html": html,
        "may_reply": may_reply,
        "reply_to": reply_to,
        "cancel_url": cancel_url,
        "failed": failed,
        "live_since": reply_latest_id(post),
        "csrf_token": csrf_token,
    }


def _reply_to_from(post: Post, value: str | None) -> Reply | None:
    """The reply named by `?reply_to=` if it belongs to this post and can be answered."""
    try:
        pk = int(value or "")
    except ValueError:
        return None
    if not 0 < pk < 2**63:
        return None
    return Reply.objects.select_related("author").filter(pk=pk, post=post, deleted_at=None).first()


@login_required
def post_detail(request: HtmxHttpRequest, pk: int):
    """The post with one page of its replies; `?after=<path>` for the next, htmx or not."""
    # What the page asks of the post itself comes with it: one query instead of three.
    columns = {
        "latest_reply_id": latest_reply_column,
        "saved_as_knowledge": saved_as_knowledge_column,
    }
    # Missing and unreadable alike: the same 404 (access.get_or_404).
    post = posts_by_id_for(request.user, [pk], columns=columns).get(pk)
    if post is None:
        raise Http404
    after = request.GET.get("after", "")
    damaged = bool(after) and not path_is_valid(after)
    if damaged:
        after = ""
    if request.htmx and request.htmx.target == "replies-more":
        if damaged:
            message = _("That link to more replies is damaged. Reload the page to read on.")
            return render(
                request, "posts/partials/thread_more_failed.html", {"message": message}, status=400
            )
        context = _thread_context(request, post, after=after)
        return render(request, "posts/partials/thread_page.html", context)
    reply_to = _reply_to_from(post, request.GET.get("reply_to"))
    if reply_to is not None and not after:
        after = reply_page_after(reply_to)
    context = _thread_context(request, post, after=after, reply_to=reply_to)
    context["after_damaged"] = damaged
    if reply_to is None and not damaged:
        context["thread_html"] = _thread_section(context)
    return render(request, "posts/post_detail.html", context, status=400 if damaged else 200)


_REPLIES_SLOT = "<!--kring:thread-replies-->"


def _thread_section(context: dict) -> SafeString:
    """The thread's section (posts/partials/thread.html) as most visits show it: no reply
    answered yet, no failed reply. The same for every reader with the same right to reply
    on the same page of the post, so it is kept (kring/core/fragments.py); the page's
    replies and the reader's CSRF token go in afterwards."""
    post, page = context["post"], context["page"]
    key = fragment_key(
        "thread-section",
        get_script_prefix(),
        post.pk,
        post.reply_count,
        page.after,
        page.next_after,
        context["may_reply"],
        context["live_since"],
    )

    def render_section() -> str:
        section = {
            **context,
            "replies_html": mark_safe(_REPLIES_SLOT),  # noqa: S308 (a constant)
            "csrf_token": CSRF_TOKEN_STAND_IN,
        }
        return render_to_string("posts/partials/thread.html", section)

    html = render_fragment(key, render_section)
    html = token_fill(html, context["csrf_token"])
    return mark_safe(html.replace(_REPLIES_SLOT, context["replies_html"], 1))  # noqa: S308


@login_required
def reply_create(request: HtmxHttpRequest, pk: int):
    """Answer the post or one of its replies.

    htmx gets a fresh form, the new count and the new reply's `<li>` (thread.js puts it in
    reading order); a plain form post is sent to the reply on its page. On an error the
    form comes back with the message and the typed text, answering the same reply.
    """
    post = access.get_or_404(request.user, Post, pk)
    if request.method != "POST":
        return redirect(post)
    form = ReplyForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    parent = None
    try:
        if data.get("parent"):
            parent = _reply_to_from(post, str(data["parent"]))
            if parent is None:
                raise ValidationFailed(
                    _("The reply you answer is no longer there."), field="parent"
                )
        reply = services.reply_create(
            actor=request.user, post=post, parent=parent, body=data.get("body", "")
        )
    except ApplicationError as error:
        failed = {"message": error.message, "body": request.POST.get("body", "")}
        reply_to = None if error.field == "parent" else parent
        if request.htmx:
            context = {"post": post, "reply_to": reply_to, "failed": failed}
            return render(request, "posts/partials/reply_form.html", context, status=error.status)
        after = reply_page_after(reply_to) if reply_to is not None else ""
        context = _thread_context(request, post, after=after, reply_to=reply_to, failed=failed)
        return render(request, "posts/post_detail.html", context, status=error.status)
    if not request.htmx:
        return redirect(_reply_url(reply))
    post.refresh_from_db(fields=["reply_count"])
    reply = reply_on_page(post, reply.pk)
    html = replies_html(
        request.user,
        post,
        [reply],
        may_reply=access.can_reply(request.user, post),
        new_reply_after=reply_before(reply),
        csrf_token=get_token(request),
    )
    return render(request, "posts/partials/reply_sent.html", {"post": post, "reply_html": html[0]})


def _id_from(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 0 <= number < 2**63 else None


@login_required
def replies_new(request: HtmxHttpRequest, pk: int):
    """The replies an open thread page has not shown yet (live.js asks after an event).

    `?since=<id>`: every reply after that one; `&reply=<id>`: that one too. Each `<li>`
    goes to `#replies-sent`, where thread.js puts it in reading order; the count follows.
    """
    post = access.get_or_404(request.user, Post, pk)
    since = _id_from(request.GET.get("since"))
    if since is None:
        return HttpResponseBadRequest(_("That link is damaged. Reload the page."))
    replies = replies_since(
        request.user, post, since=since, reply_id=_id_from(request.GET.get("reply"))
    )
    may_reply = access.can_reply(request.user, post)
    html = [
        replies_html(
            request.user, post, [reply], may_reply=may_reply, new_reply_after=reply_before(reply)
        )[0]
        for reply in replies
    ]
    context = {"post": post, "replies_html": mark_safe("".join(html))}  # noqa: S308 (our templates)
    response = render(request, "posts/partials/replies_new.html", context)
    # Where the page asks from next time, and whether more replies are waiting already.
    newest = max([since, *(reply.pk for reply in replies)])
    response["HX-Trigger"] = json.dumps(
        {
            "kring:replies-since": {
                "since": newest,
                "count": len(replies),
                "more": len(replies) >= LIVE_BATCH,
            }
        }
    )
    return response


@login_required
def reply_permalink(request, pk: int):
    reply = access.get_or_404(request.user, Reply, pk)
    return redirect(_reply_url(reply))


def _edit_page(request: HtmxHttpRequest, item: Post | Reply, *, may_edit: bool, refusal: str, save):
    """Show and handle the edit form of a post or reply; `save(body)` is the service call."""
    if not may_edit:
        raise PermissionDenied(refusal)
    form = EditForm(request.POST or None, initial={"body": item.body})
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data["body"])
        except ApplicationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(item.get_absolute_url())
    context = {"form": form, "item": item, "cancel_url": item.get_absolute_url()}
    return render(request, "posts/edit.html", context, status=400 if form.errors else 200)


def _delete_page(
    request: HtmxHttpRequest,
    item: Post | Reply,
    *,
    may_delete: bool,
    refusal: str,
    delete,
    done: str,
    then: str,
):
    """Ask for confirmation (GET) and delete (POST) a post or reply."""
    if not may_delete:
        raise PermissionDenied(refusal)
    if request.method == "POST":
        delete()
        messages.success(request, done)
        return redirect(then)
    context = {"item": item, "cancel_url": item.get_absolute_url()}
    return render(request, "posts/confirm_delete.html", context)


@login_required
def post_edit(request: HtmxHttpRequest, pk: int):
    post = access.get_or_404(request.user, Post, pk)
    return _edit_page(
        request,
        post,
        may_edit=access.can_edit_post(request.user, post),
        refusal=_("Only the author can edit this message."),
        save=lambda body: services.post_update(actor=request.user, post=post, body=body),
    )


@login_required
def reply_edit(request: HtmxHttpRequest, pk: int):
    reply = access.get_or_404(request.user, Reply, pk)
    return _edit_page(
        request,
        reply,
        may_edit=access.can_edit_reply(request.user, reply),
        refusal=_("Only the author can edit this reply."),
        save=lambda body: services.reply_update(actor=request.user, reply=reply, body=body),
    )


@login_required
def post_delete(request: HtmxHttpRequest, pk: int):
    post = access.get_or_404(request.user, Post, pk)
    return _delete_page(
        request,
        post,
        may_delete=access.can_delete_post(request.user, post),
        refusal=_("You may not delete this message."),
        delete=lambda: services.post_delete(actor=request.user, post=post),
        done=_("The post is deleted."),
        then=post.group.get_absolute_url() if post.group_id else reverse("feeds:home"),
    )


@login_required
def reply_delete(request: HtmxHttpRequest, pk: int):
    reply = access.get_or_404(request.user, Reply, pk)
    return _delete_page(
        request,
        reply,
        may_delete=access.can_delete_reply(request.user, reply),
        refusal=_("You may not delete this reply."),
        delete=lambda: services.reply_delete(actor=request.user, reply=reply),
        done=_("The reply is deleted."),
        then=reply.post.get_absolute_url(),
    )
