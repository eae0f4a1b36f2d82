""" "Ask before you post": existing questions and knowledge pages that may already answer a title.

Only a reader of the search index: `kring.search.selectors.search_for` does the matching,
ranking and the access filter (decision 0022).
"""

from dataclasses import dataclass
from itertools import chain, zip_longest
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kring import access
from kring.groups.models import Group
from kring.questions.models import TITLE_MAX_LENGTH, Question
from kring.search.selectors import Result, SearchFilters, search_for

SUGGESTIONS_SHOWN = 5
SUGGESTION_MIN_LENGTH = 3  # characters typed before Kring looks
QUESTION_KIND, PAGE_KIND = "question", "page"


@dataclass(frozen=True)
class Suggestion:
    """One question or page the reader may open instead of asking again."""

    title: str
    url: str
    kind_label: str
    answered: bool
    space_name: str  # the group's name, or "Iedereen" for the company space


def _interleaved(*ranked: list[Result]) -> list[Result]:
    """The best of each kind first, then the second best of each, and so on."""
    return [result for result in chain.from_iterable(zip_longest(*ranked)) if result is not None]


def question_suggestions_for(viewer: Any, *, title: str) -> list[Suggestion]:
    """At most five visible questions and knowledge pages matching `title`, best first.

    Nothing for a signed-out viewer or fewer than three characters. A fixed number of
    queries: one search over both kinds, the spaces' names, the answered questions.
    """
    title = (title or "").strip()[: TITLE_MAX_LENGTH * 2]
    if len(title) < SUGGESTION_MIN_LENGTH or not access.is_signed_in(viewer):
        return []
    found = search_for(viewer, query=title, filters=SearchFilters(kinds=(QUESTION_KIND, PAGE_KIND)))
    ranked = found.results  # the best PER_PAGE of both kinds, best first
    questions = [result for result in ranked if result.document.kind == QUESTION_KIND]
    pages = [result for result in ranked if result.document.kind == PAGE_KIND]
    results = _interleaved(questions, pages)[:SUGGESTIONS_SHOWN]
    if not results:
        return []
    documents = [result.document for result in results]
    group_ids = {d.group_id for d in documents if d.group_id is not None}
    names = (
        dict(Group.objects.filter(pk__in=group_ids).values_list("pk", "name")) if group_ids else {}
    )
    question_ids = [d.object_id for d in documents if d.kind == QUESTION_KIND]
    answered = set(
        Question.objects.filter(pk__in=question_ids, answered_at__isnull=False).values_list(
            "pk", flat=True
        )
        if question_ids
        else ()
    )
    everyone = _("Everyone")
    return [
        Suggestion(
            title=result.title,
            url=result.document.url,
            kind_label=pgettext("ask before you post", "Question")
            if result.document.kind == QUESTION_KIND
            else pgettext("ask before you post", "Knowledge base"),
            answered=result.document.object_id in answered,
            space_name=everyone
            if result.document.group_id is None
            else names.get(result.document.group_id, ""),
        )
        for result in results
    ]
