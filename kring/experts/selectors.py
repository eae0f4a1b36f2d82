"""Who knows about a topic or a search, counted only over what the viewer may see.

Every signal starts from `access.visible(...)`: an accepted answer, a knowledge page or a
post in a space the viewer may not read never raises anyone's rank nor shows as a reason.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kring import access
from kring.core.compiled_sql import CompiledSelect, model_from_row
from kring.groups.models import Group
from kring.knowledge.models import Page
from kring.people.models import User
from kring.posts.loading import GROUP_COLUMNS, POST_COLUMNS
from kring.posts.models import Post, Reply
from kring.questions.models import Question
from kring.search.selectors import documents_matching_for
from kring.topics.models import Topic, TopicUse

EXPERTS_SHOWN = 5
# What one piece of evidence weighs: an accepted answer is shown knowledge, a page one
# keeps is knowledge written down, a tag is what someone says they know, and talking
# about a subject counts a little, up to ACTIVITY_MAX (so chatter never beats answers).
ACCEPTED_WEIGHT = 3
PAGE_WEIGHT = 2
EXPERTISE_WEIGHT = 2
ACTIVITY_WEIGHT = 1
ACTIVITY_MAX = 5
ACTIVITY_DAYS = 365
EXPERTISE_MIN_LENGTH = 3
PROFILE_ITEMS = 5


@dataclass
class Expert:
    """A colleague with their score and the reasons, in words, for showing them."""

    person: User
    score: int = 0
    accepted: int = 0
    pages: int = 0
    expertise: list[str] = field(default_factory=list)
    activity: int = 0
    reasons: list[str] = field(default_factory=list)


@dataclass
class _Evidence:
    accepted: Counter = field(default_factory=Counter)
    pages: Counter = field(default_factory=Counter)
    activity: Counter = field(default_factory=Counter)
    expertise: dict[int, list[str]] = field(default_factory=dict)

    def people_ids(self) -> set[int]:
        return set(self.accepted) | set(self.pages) | set(self.activity) | set(self.expertise)


def _accepted_authors(viewer: Any, matching: Q) -> Counter:
    questions = Question.objects.filter(
        matching, accepted_answer__isnull=False, accepted_answer__deleted_at__isnull=True
    )
    return Counter(
        access.visible(viewer, questions).values_list("accepted_answer__author_id", flat=True)
    )


def _page_owners(viewer: Any, page_ids: set[int]) -> Counter:
    if not page_ids:
        return Counter()
    pages = Page.objects.filter(pk__in=page_ids, owner__isnull=False)
    return Counter(access.visible(viewer, pages).values_list("owner_id", flat=True))


def _expertise_of(words: list[str]) -> dict[int, list[str]]:
    """Who carries a tag containing one of the words (whoever may be seen is decided later)."""
    words = [word for word in words if len(word) >= EXPERTISE_MIN_LENGTH][:8]
    if not words:
        return {}
    matching = Q()
    for word in words:
        matching |= Q(expertise__name__icontains=word)
    tags: dict[int, list[str]] = {}
    rows = User.expertise.through.objects.filter(matching).values_list("user_id", "expertise__name")
    for user_id, name in rows.order_by("expertise__name"):
        tags.setdefault(user_id, []).append(name)
    return tags


def _evidence_for_query(viewer: Any, query: str) -> _Evidence:
    matches = documents_matching_for(
        viewer, query=query, kinds=("question", "reply", "page", "post")
    )
    ids: dict[str, set[int]] = {"question": set(), "reply": set(), "page": set()}
    evidence = _Evidence()
    since = timezone.now() - timedelta(days=ACTIVITY_DAYS)
    for document in matches.documents:
        if document.kind in ids:
            ids[document.kind].add(document.object_id)
        recent = document.created_at >= since
        if document.kind in ("post", "reply") and document.author_id and recent:
            evidence.activity[document.author_id] += 1
    if ids["question"] or ids["reply"]:
        evidence.accepted = _accepted_authors(
            viewer, Q(pk__in=ids["question"]) | Q(accepted_answer_id__in=ids["reply"])
        )
    evidence.pages = _page_owners(viewer, ids["page"])
    evidence.expertise = _expertise_of(matches.asked)
    return evidence


def _evidence_for_topic(viewer: Any, topic: Topic) -> _Evidence:
    # Pages carry no hashtags: they (and questions that do not use the tag) are found by
    # the topic's name through the search index, like a search for it.
    matches = documents_matching_for(viewer, query=topic.name, kinds=("question", "reply", "page"))
    ids: dict[str, set[int]] = {"question": set(), "reply": set(), "page": set()}
    for document in matches.documents:
        ids[document.kind].add(document.object_id)
    evidence = _Evidence()
    evidence.accepted = _accepted_authors(
        viewer,
        Q(pk__in=ids["question"])
        | Q(accepted_answer_id__in=ids["reply"])
        | Q(post_id__in=TopicUse.objects.filter(topic=topic).values("post_id")),
    )
    evidence.pages = _page_owners(viewer, ids["page"])
    evidence.expertise = _expertise_of([*matches.asked, topic.key])
    since = timezone.now() - timedelta(days=ACTIVITY_DAYS)
    uses = TopicUse.objects.filter(topic=topic)
    posts = Post.objects.filter(
        pk__in=uses.filter(reply__isnull=True).values("post_id"), created_at__gte=since
    )
    replies = Reply.objects.filter(
        pk__in=uses.filter(reply__isnull=False).values("reply_id"),
        created_at__gte=since,
        deleted_at__isnull=True,
    )
    for items in (posts, replies):
        evidence.activity.update(access.visible(viewer, items).values_list("author_id", flat=True))
    return evidence


def _reasons(expert: Expert, *, topic: Topic | None, query: str | None) -> list[str]:
    reasons = []
    if expert.accepted:
        reasons.append(
            ngettext("%(count)d accepted answer", "%(count)d accepted answers", expert.accepted)
            % {"count": expert.accepted}
        )
    if expert.pages:
        reasons.append(
            ngettext(
                "Owns %(count)d knowledge page", "Owns %(count)d knowledge pages", expert.pages
            )
            % {"count": expert.pages}
        )
    if expert.expertise:
        reasons.append(_("Expertise: %(names)s") % {"names": ", ".join(expert.expertise)})
    if expert.activity:
        values = {"count": expert.activity}
        if topic is not None:
            values["topic"] = topic.name
            text = ngettext(
                "Wrote %(count)d post about #%(topic)s",
                "Wrote %(count)d posts about #%(topic)s",
                expert.activity,
            )
        else:
            values["query"] = Truncator(query or "").chars(40)
            text = ngettext(
                "Wrote %(count)d post about “%(query)s”",
                "Wrote %(count)d posts about “%(query)s”",
                expert.activity,
            )
        reasons.append(text % values)
    return reasons


def experts_for(
    viewer: Any,
    *,
    topic: Topic | None = None,
    query: str | None = None,
    limit: int = EXPERTS_SHOWN,
) -> list[Expert]:
    """Colleagues who know about `topic` (or what `query` asks), best first, with reasons.

    Counts only content the viewer may see, shows only colleagues the viewer may see and
    write to (not deactivated accounts, not guests outside the viewer's groups), never
    the viewer. A bounded number of queries, however many matches or people.
    """
    if not access.is_signed_in(viewer):
        return []
    if topic is not None and topic.pk:
        # A tag used only where the viewer cannot read looks like one nobody wrote: no
        # block, or its presence would tell that hidden posts use it (decision 0012).
        if not access.topics_used_visibly(viewer).filter(topic_id=topic.pk).exists():
            return []
        evidence = _evidence_for_topic(viewer, topic)
    elif query and query.strip():
        topic, evidence = None, _evidence_for_query(viewer, query.strip())
    else:
        return []
    candidates = evidence.people_ids() - {viewer.pk}
    if not candidates:
        return []
    people = access.visible(viewer, User.objects.filter(pk__in=candidates)).select_related(
        "department"
    )
    experts = []
    for person in people:
        expert = Expert(
            person=person,
            accepted=evidence.accepted[person.pk],
            pages=evidence.pages[person.pk],
            expertise=evidence.expertise.get(person.pk, []),
            activity=evidence.activity[person.pk],
        )
        expert.score = (
            ACCEPTED_WEIGHT * expert.accepted
            + PAGE_WEIGHT * expert.pages
            + EXPERTISE_WEIGHT * len(expert.expertise)
            + ACTIVITY_WEIGHT * min(expert.activity, ACTIVITY_MAX)
        )
        expert.reasons = _reasons(expert, topic=topic, query=query)
        experts.append(expert)
    experts.sort(key=lambda e: (-e.score, e.person.display_name.casefold(), e.person.pk))
    return experts[:limit]


@dataclass(frozen=True)
class FewOf:
    """The first few of a list for a profile, and how many there are in all."""

    items: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def _few(viewer: Any, person: User, shape, make, queryset: QuerySet, limit: int) -> FewOf:
    """The first `limit` rows of the compiled query `shape(kind, limit)` as objects, and
    how many there are.

    The count is asked (of `queryset`, the same query through the ORM) only when the
    first rows fill the list. Each object passes `access.can_view` before anyone sees it.
    """
    kind = access.reader_kind(viewer)
    if kind is access.ReaderKind.NOBODY:
        return FewOf(items=[], total=0)
    db = queryset.db
    rows = shape(kind, limit).rows(viewer.pk, person.pk, using=db)
    items = [item for item in (make(row, db) for row in rows) if access.can_view(viewer, item)]
    total = len(items) if len(rows) < limit else access.visible(viewer, queryset).count()
    return FewOf(items=items, total=total)


def _group_from(values: tuple, db: str) -> Group | None:
    return model_from_row(Group, GROUP_COLUMNS, values, db) if values[0] else None


def _answered(person_id: int) -> QuerySet:
    return Question.objects.filter(
        accepted_answer__author_id=person_id, accepted_answer__deleted_at__isnull=True
    )


_QUESTION_COLUMNS = ("post_id", "title", "accepted_answer_id", "answered_at")
_QUESTION_POST_COLUMNS = tuple(f"post__{name}" for name in POST_COLUMNS)


@cache
def _answered_query(kind: access.ReaderKind, limit: int) -> CompiledSelect:
    """A colleague's accepted answers' questions, for a reader: compiled once per kind."""

    def build(viewer_id: int, person_id: int) -> QuerySet:
        questions = access.visible_of(kind, viewer_id, _answered(person_id))
        return questions.order_by("-answered_at", "-pk").values_list(
            *_QUESTION_COLUMNS,
            *_QUESTION_POST_COLUMNS,
            *(f"post__group__{name}" for name in GROUP_COLUMNS),
        )[:limit]

    return CompiledSelect(build, slots=(int, int))


def _question_from(row: tuple, db: str) -> Question:
    question = model_from_row(Question, _QUESTION_COLUMNS, row[: len(_QUESTION_COLUMNS)], db)
    post_end = len(_QUESTION_COLUMNS) + len(POST_COLUMNS)
    post = model_from_row(Post, POST_COLUMNS, row[len(_QUESTION_COLUMNS) : post_end], db)
    post._state.fields_cache["group"] = _group_from(row[post_end:], db)
    question._state.fields_cache["post"] = post
    return question


def answered_questions_of_for(viewer: Any, person: User, *, limit: int = PROFILE_ITEMS) -> FewOf:
    """Questions whose accepted answer `person` wrote, in spaces the viewer may read, newest first."""
    return _few(viewer, person, _answered_query, _question_from, _answered(person.pk), limit)


# A profile lists a page's title, space and whether it is still current: not its text.
_PAGE_COLUMNS = tuple(
    field.attname for field in Page._meta.concrete_fields if field.name not in ("body", "body_html")
)


@cache
def _owned_query(kind: access.ReaderKind, limit: int) -> CompiledSelect:
    """The knowledge pages a colleague owns, for a reader: compiled once per kind."""

    def build(viewer_id: int, person_id: int) -> QuerySet:
        pages = access.visible_of(kind, viewer_id, Page.objects.filter(owner_id=person_id))
        return pages.order_by("-updated_at", "-pk").values_list(
            *_PAGE_COLUMNS, *(f"group__{name}" for name in GROUP_COLUMNS)
        )[:limit]

    return CompiledSelect(build, slots=(int, int))


def _page_from(row: tuple, db: str) -> Page:
    page = model_from_row(Page, _PAGE_COLUMNS, row[: len(_PAGE_COLUMNS)], db)
    page._state.fields_cache["group"] = _group_from(row[len(_PAGE_COLUMNS) :], db)
    return page


def pages_owned_by_for(viewer: Any, person: User, *, limit: int = PROFILE_ITEMS) -> FewOf:
    """Knowledge pages `person` owns, in spaces the viewer may read, last changed first."""
    pages = Page.objects.filter(owner=person)
    return _few(viewer, person, _owned_query, _page_from, pages, limit)
