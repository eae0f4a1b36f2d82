"""Pages for lists that are sorted by name rather than by time (people, groups)."""

from django.db.models import QuerySet

from kring.core.pagination import Page

PER_PAGE = 20
# Far beyond any real directory; keeps a forged cursor from reaching the database as a huge OFFSET.
_MAX_OFFSET = 1_000_000


def offset_page(queryset: QuerySet, *, cursor: str | None, per_page: int = PER_PAGE) -> Page:
    """Return one page of an ordered queryset; its opaque cursor is where the next page starts.

    A damaged cursor means "from the start", as for the feeds.
    """
    try:
        start = min(max(int(cursor or 0), 0), _MAX_OFFSET)
    except ValueError:
        start = 0
    items = list(queryset[start : start + per_page + 1])
    next_cursor = str(start + per_page) if len(items) > per_page else None
    return Page(items=items[:per_page], next_cursor=next_cursor)
