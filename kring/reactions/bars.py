"""The HTML of the reaction bars inside cached cards and replies, rendered once per look.

Most bars on a page differ only in their post or reply id: no reactions yet, or the same
few counts. A bar is therefore rendered once per look (post or reply, the counts, the
reader's own reactions, whether they may react, the language) with ID_SLOT for the id,
kept in the fragment cache (kring/core/fragments.py), and the id is filled in. A thread
page of fifty fresh replies renders a handful of bars instead of fifty; the bars were
half of a reply's rendering time.
"""

from dataclasses import replace

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from kring.core.fragments import CSRF_SLOT, fragment_key
from kring.posts.models import Post, Reply
from kring.reactions.selectors import BarLook

BAR_TEMPLATE = "reactions/partials/bar.html"
# Stands for the id while a bar is rendered: a number (URLs take it), never a real id,
# and the bar holds no user text it could be confused with.
ID_SLOT = 987_654_321_098_765


def bar_html(target: Post | Reply, look: BarLook) -> SafeString:
    """The HTML of `target`'s bar for a cached fragment, with CSRF_SLOT where its token goes."""
    kind = "reply" if isinstance(target, Reply) else "post"
    key = fragment_key("bar", kind, *look.key_parts)
    cache = caches["fragments"]
    html = cache.get(key)
    if html is None:
        bar = replace(look.bar(target), target_id=ID_SLOT)
        html = str(render_to_string(BAR_TEMPLATE, {"bar": bar, "csrf_slot": CSRF_SLOT}))
        cache.set(key, html)
    return mark_safe(html.replace(str(ID_SLOT), str(target.pk)))  # noqa: S308 (our template)
