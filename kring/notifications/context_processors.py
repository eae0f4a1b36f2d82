import functools
from typing import Any

from django.http import HttpRequest


def header_counts(request: HttpRequest) -> dict[str, Any]:
    """`header_counts` (bell and messages badge) for signed-in pages, fetched only if shown.

    Templates call a callable when they read it; the cache makes the bell, the sidenav and
    the bottom bar share one lookup.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from kring.notifications.header import header_counts_for

    return {"header_counts": functools.cache(lambda: header_counts_for(user))}
