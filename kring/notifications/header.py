"""The counts every signed-in page shows in its header, kept in the cache per reader.

The bell (unread notifications the reader may still see) and the "Berichten" badge
(conversations with new messages) cost two queries through the access policy on every
page; they change far less often than pages are read. They live in the default cache
(Redis, or the database's cache table: shared by all web processes) under one key per
reader. Every write that changes them forgets the reader's entry (`header_counts_forget`,
kring/core/kept.py); the short lifetime covers what no write announces (a post
deleted with its notifications, a group made secret). The entry holds two numbers: at
worst a count is a minute old, and the list behind the bell is always checked afresh.
"""

from collections.abc import Iterable
from typing import Any, NamedTuple

from kring.core.kept import kept_forget, kept_get, kept_set

HEADER_COUNTS_SECONDS = 60


class HeaderCounts(NamedTuple):
    notifications: int
    conversations: int


def header_counts_key(user_id: int) -> str:
    return f"header-counts:{user_id}"


def header_counts_for(user: Any) -> HeaderCounts:
    """The signed-in `user`'s header counts, from the cache or counted (two queries) and kept."""
    from kring.conversations.selectors import unread_conversation_count
    from kring.notifications.selectors import unread_count_for

    kept = kept_get(header_counts_key(user.pk))
    if kept is not None:
        return HeaderCounts(*kept)
    counts = HeaderCounts(unread_count_for(user), unread_conversation_count(user))
    kept_set(header_counts_key(user.pk), tuple(counts), HEADER_COUNTS_SECONDS)
    return counts


def header_counts_forget(user_ids: Iterable[int]) -> None:
    """Drop the kept counts of `user_ids` (now, and again after the commit)."""
    kept_forget(header_counts_key(int(user_id)) for user_id in user_ids)
