"""Cursor pagination over a stable (timestamp, id) ordering, newest first."""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db.models import Q, QuerySet


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None


def encode_cursor(moment: datetime, pk: int) -> str:
    raw = json.dumps([moment.isoformat(), pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[datetime, int] | None:
    """Return (moment, id) from a cursor; a damaged cursor means 'from the start'."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        moment, pk = json.loads(base64.urlsafe_b64decode(padded.encode()))
        moment, pk = datetime.fromisoformat(moment), int(pk)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)  # OverflowError at the edges of the calendar
        if not 0 < pk < 2**63:
            return None
        return moment, pk
    except (ValueError, TypeError, OverflowError, binascii.Error, json.JSONDecodeError):
        return None


def newest_first_after(queryset: QuerySet, *, field: str, cursor: str | None) -> QuerySet:
    """Order `queryset` by (`field`, id) descending and keep what comes after `cursor`."""
    queryset = queryset.order_by(f"-{field}", "-id")
    position = decode_cursor(cursor)
    if position:
        moment, pk = position
        queryset = queryset.filter(
            Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "id__lt": pk})
        )
    return queryset


def page_from(items: list[Any], *, field: str, per_page: int) -> Page:
    """Cut up to per_page + 1 newest-first items into a page and the cursor after it."""
    next_cursor = None
    if len(items) > per_page:
        items = items[:per_page]
        last = items[-1]
        next_cursor = encode_cursor(getattr(last, field), last.pk)
    return Page(items=items, next_cursor=next_cursor)


def paginate_newest_first(
    queryset: QuerySet, *, field: str, cursor: str | None, per_page: int = 20
) -> Page:
    """Return one page of `queryset` ordered by (`field`, id) descending, after `cursor`."""
    queryset = newest_first_after(queryset, field=field, cursor=cursor)
    return page_from(list(queryset[: per_page + 1]), field=field, per_page=per_page)
