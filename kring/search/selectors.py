"""Searching for a viewer: the access filter is inside the query (kring.access)."""

import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from kring import access
from kring.access import visible
from kring.search.backends import Hit, backend
from kring.search.backends.base import MAX_HITS
from kring.search.models import SearchDocument
from kring.search.query import QueryPlan, query_plan
from kring.search.registry import kind_for, kinds
from kring.search.text import highlight

PER_PAGE = 20
# Recent activity lifts a result a little: +25 % now, half of that after RECENT_HALF_LIFE.
RECENT_BOOST = 0.25
RECENT_HALF_LIFE_DAYS = 180


@dataclass(frozen=True)
class SearchFilters:
    kind: str = ""  # one kind shown; the facets still count every kind
    kinds: tuple[str, ...] = ()  # only these kinds, asked in the query (no facets for others)
    group_id: int | None = None
    author_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"  # or "date"


@dataclass(frozen=True)
class Result:
    document: SearchDocument
    kind_label: str
    snippet: SafeString

    @property
    def title(self) -> str:
        return self.document.title or self.document.text[:120] or self.kind_label


@dataclass
class SearchResults:
    query: str
    plan: QueryPlan
    total: int = 0
    capped: bool = False
    page: int = 1
    pages: int = 0
    results: list[Result] = field(default_factory=list)
    facets: list[tuple[str, str, int]] = field(default_factory=list)  # kind, label, count

    @property
    def start(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def previous_page(self) -> int:
        return self.page - 1

    @property
    def next_page(self) -> int:
        return self.page + 1


# Dates outside these are clamped: the edges of the calendar overflow in time zone maths.
EARLIEST, LATEST = date(1900, 1, 1), date(9998, 12, 31)


def _moment(day: date, *, end: bool) -> datetime:
    day = min(max(day, EARLIEST), LATEST)
    moment = datetime.combine(day + timedelta(days=1) if end else day, time.min)
    return timezone.make_aware(moment)


def _filtered(viewer, filters: SearchFilters) -> QuerySet:
    documents = visible(viewer, SearchDocument.objects.all())
    # The same documents, with the reach as literal ids the planner can use (access).
    documents = documents.filter(access.document_reach_rule(viewer))
    if filters.kinds:
        documents = documents.filter(kind__in=filters.kinds)
    if filters.group_id is not None:
        documents = documents.filter(group_id=filters.group_id)
    if filters.author_id is not None:
        documents = documents.filter(author_id=filters.author_id)
    if filters.date_from is not None:
        documents = documents.filter(created_at__gte=_moment(filters.date_from, end=False))
    if filters.date_to is not None:
        documents = documents.filter(created_at__lt=_moment(filters.date_to, end=True))
    return documents


def _ranked(hits: list[Hit], sort: str) -> list[Hit]:
    if sort == "date":
        return sorted(hits, key=lambda hit: (hit.created_at, hit.id), reverse=True)
    now = timezone.now()

    def score(hit: Hit) -> float:
        age = max((now - hit.created_at).total_seconds() / 86400, 0.0)
        recent = 1 + RECENT_BOOST * math.pow(0.5, age / RECENT_HALF_LIFE_DAYS)
        return hit.score * hit.boost * recent

    return sorted(hits, key=lambda hit: (-score(hit), -hit.id))


def _kind_label(search_kind) -> str:
    return str(search_kind.result_label or search_kind.label)


def search_for(
    viewer, *, query: str, filters: SearchFilters = SearchFilters(), page: int = 1
) -> SearchResults:
    """Search what the viewer may see; counts and facets are over visible documents only."""
    engine = backend()
    plan = query_plan(query, engine)
    found = SearchResults(query=query, plan=plan)
    if not plan.words:
        return found
    narrow = access.document_reach_is_narrow(viewer)
    hits = engine.hits(_filtered(viewer, filters), plan, narrow=narrow)
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.kind] = counts.get(hit.kind, 0) + 1
    found.facets = [(k.kind, str(k.label), counts[k.kind]) for k in kinds() if k.kind in counts]
    if filters.kind:
        hits = [hit for hit in hits if hit.kind == filters.kind]
    found.total, found.capped = len(hits), len(hits) >= MAX_HITS
    found.pages = max(1, math.ceil(found.total / PER_PAGE))
    found.page = min(max(page, 1), found.pages)
    start = (found.page - 1) * PER_PAGE
    ids = [hit.id for hit in _ranked(hits, filters.sort)[start : start + PER_PAGE]]
    documents = SearchDocument.objects.defer("title_terms", "text_terms").in_bulk(ids)
    terms = set(plan.words)
    for pk in ids:
        document = documents[pk]
        search_kind = kind_for(document.kind)
        snippet = highlight(document.text or document.title, terms)
        found.results.append(
            Result(
                document=document,
                kind_label=_kind_label(search_kind) if search_kind else document.kind,
                snippet=mark_safe(snippet),  # noqa: S308 - escaped by highlight(), only <mark>
            )
        )
    return found


def groups_to_filter_for(viewer) -> list[tuple[int, str]]:
    """(pk, name) of the groups the viewer may see, for the group filter."""
    from kring.groups.models import Group

    return list(visible(viewer, Group.objects.all()).order_by("name").values_list("pk", "name"))


def author_to_filter_for(viewer, username: str):
    """The colleague to filter on, if the viewer may see them (else no filter)."""
    from kring.people.models import User

    if not username:
        return None
    return visible(viewer, User.objects.filter(username=username[:150])).first()


def page_number(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 10_000))
    except ValueError:
        return 1


# "Who knows this" (kring.experts) weighs the best matches only: a loose match on one
# common word of a long question says little about who knows the subject.
MATCHES_FOR_EXPERTS = 200


@dataclass(frozen=True)
class MatchedDocument:
    kind: str
    object_id: int
    author_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class Matches:
    """The words someone asked (folded, without stopwords) and the best visible matches."""

    asked: list[str]
    documents: list[MatchedDocument]


def documents_matching_for(
    viewer, *, query: str, kinds: tuple[str, ...], limit: int = MATCHES_FOR_EXPERTS
) -> Matches:
    """The viewer's visible documents of `kinds` that match `query`, best first (two queries
    plus the query plan's look-ups, whatever the number of matches)."""
    engine = backend()
    plan = query_plan(query, engine)
    if not plan.words:
        return Matches(asked=plan.asked, documents=[])
    documents = _filtered(viewer, SearchFilters()).filter(kind__in=kinds)
    narrow = access.document_reach_is_narrow(viewer)
    ids = [hit.id for hit in engine.hits(documents, plan, narrow=narrow)[:limit]]
    rows = SearchDocument.objects.filter(pk__in=ids).values_list(
        "kind", "object_id", "author_id", "created_at"
    )
    return Matches(asked=plan.asked, documents=[MatchedDocument(*row) for row in rows])
