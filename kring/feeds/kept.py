"""Where a reader's "Voor jou" ranking is kept, dropping it, and putting their own new post
first in it (no imports of other apps: posts, follows and groups call these from their
services)."""

from collections.abc import Iterable
from functools import partial

from django.core.cache import cache
from django.db import transaction

from kring.core.kept import kept_forget

RANKING_SECONDS = 300  # how long a ranking is kept (decision 0017; kring/feeds/foryou.py)
MINE_KEPT = 20  # own posts remembered to head it


def ranking_key(user_id: int) -> str:
    return f"for-you:3:{user_id}"  # 3: its reasons became named tuples


def for_you_forget(user_ids: Iterable[int]) -> None:
    """Drop the kept rankings of `user_ids` (they followed, joined or left), and their own
    posts remembered to head them: a fresh ranking has those in their place."""
    ids = [int(user_id) for user_id in user_ids]
    kept_forget([*map(ranking_key, ids), *map(mine_key, ids)])


def mine_key(user_id: int) -> str:
    return f"for-you-mine:1:{user_id}"


def for_you_put_first(user_id: int, post_id: int) -> None:
    """Remember the reader's own new post, once committed, to head their kept ranking.

    Their post heads their "Voor jou" at once, as in the tools they know, without ranking
    everything again (a first ranking costs as much as several home pages): a kept
    ranking is shown with their posts newer than it first (foryou._ranking). Kept apart
    from the ranking, so writing a post writes a few ids, not the ranking.
    """
    transaction.on_commit(partial(_remember, user_id, post_id), robust=True)


def _remember(user_id: int, post_id: int) -> None:
    key = mine_key(user_id)
    mine = [pk for pk in cache.get(key, ()) if pk != post_id]
    cache.set(key, [post_id, *mine][:MINE_KEPT], RANKING_SECONDS)


def for_you_let_go(user_id: int, post_id: int) -> None:
    """Forget the reader's own post, once its deletion is committed, as one to head their
    kept ranking: the place it took would stay empty, a page of one card fewer."""
    transaction.on_commit(partial(_let_go, user_id, post_id), robust=True)


def _let_go(user_id: int, post_id: int) -> None:
    key = mine_key(user_id)
    mine = cache.get(key, ())
    if post_id in mine:
        cache.set(key, [pk for pk in mine if pk != post_id], RANKING_SECONDS)
