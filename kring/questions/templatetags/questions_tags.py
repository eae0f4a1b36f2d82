"""`{% question_composer %}` and `{% question_answers post %}`."""

from django import template
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from kring.posts.models import Post
from kring.questions.forms import question_composer_context

register = template.Library()


@register.inclusion_tag("questions/partials/composer_question.html", takes_context=True)
def question_composer(context) -> dict:
    """The question part with what was typed (`question_composer` in the context), or empty;
    opened when the page was asked for with `?ask=1` (the lists' "Ask a question")."""
    question = context.get("question_composer") or question_composer_context()
    request = context.get("request")
    if request is not None and request.GET.get("ask") == "1":
        question = {**question, "open": True}
    # The typed title is kept in this browser like the message (kring.js drafts), per page.
    draft_key = f"{request.path}#question-title" if request is not None else ""
    return {"question": question, "draft_key": draft_key}


@register.simple_tag(takes_context=True)
def question_answers(context, post: Post) -> SafeString:
    """The answers of a question, per reader (votes, accept buttons): never in a cached card."""
    from kring.questions.views import answers_context  # views import the tags' templates

    if not post.is_question:
        return SafeString("")
    request = context["request"]
    data = answers_context(request, post)
    if data is None:
        return SafeString("")
    data["csrf_token"] = get_token(request)
    return SafeString(render_to_string("questions/partials/answers.html", data, request=request))
