"""Rendered HTML fragments (a post card, a reply) kept in memory, keyed by their content.

A feed page shows twenty post cards that mostly look the same for every reader; rendering
them with the template engine is most of the page's cost (bench/README.md). A fragment
is therefore rendered once and reused, under a key made from *everything its HTML depends
on*: the text, the author's name and photo, the space, the reader's rights on it, the
language. When any of those changes, the key changes; nothing is ever invalidated, and
an entry that is no longer asked for simply ages out.

That is why the first tier is per process (alias "fragments", kring/core/memory_cache.py):
an entry can never be stale, so processes need not share it, and a hit costs no network
round trip. It is bounded by KRING_FRAGMENT_CACHE_MB (docs/configuration.md). When REDIS_URL is set, a second tier in Redis (alias
"fragments_shared") holds what any process rendered, so a fragment is rendered once for
the site; only then does the key also carry a digest of Kring's code and templates, so
another release never reads this one's HTML. When that tier fails, fragments are rendered
here.

A fragment must not contain anything that depends on the moment it is shown: times are
rendered as absolute moments and made relative in the browser (`{% moment %}`).
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# Bump when the markup of any cached fragment changes in a way its inputs do not show
# (a template edit between two deployments of the same code would otherwise mix versions;
# every process starts empty, so within one process this only matters for tests).
VERSION = 3
SHARED = "fragments_shared"
logger = logging.getLogger(__name__)


@cache
def _code_digest() -> str:
    """A digest of Kring's Python code and templates as installed, read once per process:
    a fragment rendered by another release (in the shared tier) gets another key."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".html") and "tests" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _shared_get(keys: list[str]) -> dict[str, str]:
    if SHARED not in settings.CACHES or not keys:
        return {}
    try:
        return caches[SHARED].get_many(keys)
    except Exception:  # noqa: BLE001 - any failure of the shared tier: render here instead
        logger.warning("Shared fragment cache unavailable; rendering fragments here.")
        return {}


def _shared_set(fragments: dict[str, str]) -> None:
    if SHARED not in settings.CACHES or not fragments:
        return
    try:
        caches[SHARED].set_many(fragments)
    except Exception:  # noqa: BLE001 - the fragments are on the page anyway
        logger.warning("Shared fragment cache unavailable; fragments kept in this process.")


def fragment_key(kind: str, *parts: object) -> str:
    """A short key for a fragment of `kind` whose HTML depends on exactly `parts`.

    The current language is always part of it. Parts are joined with a separator that
    cannot occur in their text, so ("a|b", "c") and ("a", "b|c") differ.
    """
    # Only a shared tier can hold another release's HTML: only then is the code read.
    release = _code_digest() if SHARED in settings.CACHES else ""
    # map(str, ...), not a generator: a thread page makes fifty keys of twenty-odd parts.
    material = "\x1f".join(map(str, (VERSION, release, kind, get_language(), *parts)))
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
    return render_fragments_keyed(items, key=key, render=render)[1]


def render_fragments_keyed[T](
    items: Iterable[T],
    *,
    key: Callable[[T], str],
    render: Callable[[T], str],
) -> tuple[list[str], list[SafeString]]:
    """`render_fragments`, with the fragments' keys: (keys, HTML), in the items' order."""
    items = list(items)
    if not items:
        return [], []
    local = caches["fragments"]
    keys = [key(item) for item in items]
    found = local.get_many(keys)
    shared = _shared_get([k for k in keys if k not in found])
    if shared:
        local.set_many(shared)
        found.update(shared)
    fresh = {k: str(render(item)) for k, item in zip(keys, items, strict=True) if k not in found}
    if fresh:
        local.set_many(fresh)
        _shared_set(fresh)
    # SafeString itself, not mark_safe: fifty replies, and every one is a str already.
    return keys, [SafeString(found[k] if k in found else fresh[k]) for k in keys]


def render_fragment_list(
    key: str, render: Callable[[], tuple[list[str], list[SafeString]]]
) -> list[SafeString]:
    """A list of kept fragments, found by one key that names them all.

    `key` (from `fragment_key`, with every input of the list) keeps only the fragments'
    own keys, not their HTML a second time: a hit costs two lookups and builds nothing.
    `render()` returns (keys, HTML) as `render_fragments_keyed` does; it is called when
    the list is not kept, or when one of its fragments has aged out of the cache.
    """
    local = caches["fragments"]
    named = local.get(key)
    if named is not None:
        keys = named.split(" ") if named else []
        found = local.get_many(keys)
        if len(found) == len(keys):
            return [SafeString(found[k]) for k in keys]
    keys, fragments = render()
    local.set(key, " ".join(keys))
    return fragments


def render_fragment(key: str, render: Callable[[], str]) -> SafeString:
    """One fragment: `render_fragments` of a single item whose key is `key`."""
    (html,) = render_fragments([key], key=lambda k: k, render=lambda _k: render())
    return html


# A form inside a cached fragment cannot carry the reader's CSRF token (the fragment is
# shared between readers): it writes CSRF_SLOT instead, and whoever puts the fragment on a
# page replaces it with `csrf_fill`. (issue 4: reaction bars are such forms.)
CSRF_SLOT = mark_safe("<!--kring:csrf-->")  # noqa: S308 (a constant)


def csrf_fill(fragments: list[SafeString], token: str) -> list[SafeString]:
    """The fragments with CSRF_SLOT replaced by a hidden field carrying `token`."""
    field = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">'
    return [
        SafeString(html.replace(CSRF_SLOT, field)) if CSRF_SLOT in html else html
        for html in fragments
    ]


# A kept fragment that needs the bare token (an htmx header, a form rendered by a template
# that asks for `csrf_token`) is rendered with CSRF_TOKEN_STAND_IN as the token, and
# `token_fill` puts the reader's in. Whoever writes the stand-in into their own text (a
# name, a search) gets their own token shown on their own page: it is theirs already.
CSRF_TOKEN_STAND_IN = "kringcsrfstandin4f1c9e"


def token_fill(html: str, token: str) -> SafeString:
    """`html` with CSRF_TOKEN_STAND_IN replaced by `token`."""
    return mark_safe(html.replace(CSRF_TOKEN_STAND_IN, str(token)))  # noqa: S308
