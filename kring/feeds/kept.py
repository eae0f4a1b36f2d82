"""Where a reader's "Voor jou" ranking is kept, and dropping it (no imports of other apps:
posts, follows and groups call `for_you_forget` from their services)."""

from collections.abc import Iterable

from kring.core.kept import kept_forget


def ranking_key(user_id: int) -> str:
    return f"for-you:2:{user_id}"  # 2: the kept Ranking changed shape (five minutes)


def for_you_forget(user_ids: Iterable[int]) -> None:
    """Drop the kept rankings of `user_ids` (they posted, followed, joined or left)."""
    kept_forget(ranking_key(int(user_id)) for user_id in user_ids)
