import functools


def conversations(request) -> dict:
    """`unread_conversations` for the navigation badge: one query, only if a page shows it.

    Templates call a callable when they read it; the cache makes the sidenav and the
    bottom bar share the one query.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from kring.conversations.selectors import unread_conversation_count

    return {"unread_conversations": functools.cache(lambda: unread_conversation_count(user))}
