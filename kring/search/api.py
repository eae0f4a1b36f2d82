"""Search in the API: GET /api/v1/search (the same search as the page)."""

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema

from kring.search.selectors import PER_PAGE, SearchFilters, author_to_filter_for, search_for
from kring.search.text import QUERY_MAX_LENGTH

router = Router(tags=["search"])


class SearchResultOut(Schema):
    kind: str
    id: int = Field(description="The id of the object (post, reply, person, group, topic)")
    title: str
    snippet: str = Field(description="HTML: escaped text with matches in <mark>")
    url: str
    group_id: int | None
    author_id: int | None
    created_at: datetime


class SearchFacetOut(Schema):
    kind: str
    label: str
    count: int


class SearchPageOut(Schema):
    query: str
    total: int
    capped: bool = Field(description="True when there are more matches than `total`")
    page: int
    pages: int
    per_page: int
    facets: list[SearchFacetOut]
    results: list[SearchResultOut]


@router.get("/search", response=SearchPageOut, summary="Search everything")
def search(
    request: HttpRequest,
    q: str = "",
    kind: str = "",
    group: int | None = None,
    author: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    sort: str = "relevance",
    page: int = 1,
) -> dict:
    """Search what you may read; any of the words may match, best matches first.

    `kind`: post, reply, person, group or topic; `group`: a group id; `author`: a
    username; `sort`: relevance or date. Counts and facets only count what you may read.
    """
    person = author_to_filter_for(request.auth, author) if author else None
    filters = SearchFilters(
        kind=kind[:20],
        group_id=group if group is not None and 0 < group < 2**63 else None,
        author_id=person.pk if person else (-1 if author else None),
        date_from=date_from,
        date_to=date_to,
        sort="date" if sort == "date" else "relevance",
    )
    found = search_for(
        request.auth, query=q[:QUERY_MAX_LENGTH], filters=filters, page=max(1, min(page, 10_000))
    )
    return {
        "query": found.query,
        "total": found.total,
        "capped": found.capped,
        "page": found.page,
        "pages": found.pages,
        "per_page": PER_PAGE,
        "facets": [{"kind": k, "label": label, "count": n} for k, label, n in found.facets],
        "results": [
            {
                "kind": r.document.kind,
                "id": r.document.object_id,
                "title": r.title,
                "snippet": str(r.snippet),
                "url": r.document.url,
                "group_id": r.document.group_id,
                "author_id": r.document.author_id,
                "created_at": r.document.created_at,
            }
            for r in found.results
        ],
    }
