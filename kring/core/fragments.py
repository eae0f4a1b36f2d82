"""Rendered HTML fragments (a post card, a reply) kept in memory, keyed by their content.

A feed page shows twenty post cards that mostly look the same for every reader; rendering
them with the template engine is most of the page's cost (bench/README.md). A fragment
is therefore rendered once and reused, under a key made from *everything its HTML depends
on*: the text, the author's name and photo, the space, the reader's rights on it, the
language. When any of those changes, the key changes; nothing is ever invalidated, and
an entry that is no longer asked for simply ages out.

That is why the cache is per process (Django's local-memory cache, alias "fragments"):
an entry can never be stale, so processes need not share it, and a hit costs no network
round trip. It is bounded by KRING_FRAGMENT_CACHE_ENTRIES (docs/configuration.md).

A fragment must not contain anything that depends on the moment it is shown: times are
rendered as absolute moments and made relative in the browser (`{% moment %}`).
"""

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import caches
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# Bump when the markup of any cached fragment changes in a way its inputs do not show
# (a template edit between two deployments of the same code would otherwise mix versions;
# every process starts empty, so within one process this only matters for tests).
VERSION = 3


def fragment_key(kind: str, *parts: object) -> str:
    """A short key for a fragment of `kind` whose HTML depends on exactly `parts`.

    The current language is always part of it. Parts are joined with a separator that
    cannot occur in their text, so ("a|b", "c") and ("a", "b|c") differ.
    """
    material = "\x1f".join(str(part) for part in (VERSION, kind, get_language(), *parts))
    digest = hashlib.blake2b(material.encode("utf-8", "surrogatepass"), digest_size=16)
    return f"{kind}:{digest.hexdigest()}"


def render_fragments[T](
    items: Iterable[T],
    *,
    key: Callable[[T], str],
    render: Callable[[T], str],
) -> list[SafeString]:
    """Return each item's HTML, rendering only those whose key is not in the cache yet.

    `key(item)` must come from `fragment_key` with every input of `render(item)`.
    """
    items = list(items)
    if not items:
        return []
    cache = caches["fragments"]
    keys = [key(item) for item in items]
    found = cache.get_many(keys)
    fresh = {k: str(render(item)) for k, item in zip(keys, items, strict=True) if k not in found}
    if fresh:
        cache.set_many(fresh)
    return [mark_safe(found[k] if k in found else fresh[k]) for k in keys]  # noqa: S308 (rendered by our templates)


# A form inside a cached fragment cannot carry the reader's CSRF token (the fragment is
# shared between readers): it writes CSRF_SLOT instead, and whoever puts the fragment on a
# page replaces it with `csrf_fill`. (issue 4: reaction bars are such forms.)
CSRF_SLOT = mark_safe("<!--kring:csrf-->")  # noqa: S308 (a constant)


def csrf_fill(fragments: list[SafeString], token: str) -> list[SafeString]:
    """The fragments with CSRF_SLOT replaced by a hidden field carrying `token`."""
    field = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">'
    return [
        mark_safe(html.replace(CSRF_SLOT, field)) if CSRF_SLOT in html else html  # noqa: S308
        for html in fragments
    ]
