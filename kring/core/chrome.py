"""What every page has around its content: the head's scripts, the top bar with the
navigation, and the phone's bottom bar (base.html), rendered with Jinja2 (decision 0027).

Every page pays for these; with Django's template language they cost more than many a
page's own content. The page itself stays a Django template: `{% chrome "top" %}` puts
a part in its place. The bell and the messages badge keep their Django templates, which
also answer the live updates on their own.
"""

from functools import cache, lru_cache
from types import SimpleNamespace
from typing import Any

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django_htmx.jinja import htmx_script

from kring.core.fragments import CSRF_TOKEN_STAND_IN, fragment_key, token_fill

PARTS = {
    "head": "core/chrome_head.html",
    "top": "core/chrome_top.html",
    "bottom": "core/chrome_bottom.html",
}
_KEPT = "_kring_chrome"  # the values of one page's parts, kept on its request


@cache
def _nav(script_prefix: str) -> dict[str, str]:
    """The navigation's addresses (they depend on nothing but where the site is mounted)."""
    del script_prefix  # the cache key: reverse() reads it itself
    names = {
        "home": "feeds:home",
        "discover": "feeds:discover",
        "questions": "questions:list",
        "company": "feeds:company",
        "knowledge": "knowledge:company",
        "groups": "groups:list",
        "people": "people:list",
        "messages": "conversations:list",
    }
    return {key: reverse(name) for key, name in names.items()}


def _search_query(request: Any) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name != "search:page":
        return ""
    return request.GET.get("q", "")[:200]


def _bell(context: Context) -> SafeString:
    """The top bar's bell with the unread count (kept per reader: kring.notifications.header)."""
    count = context.get("unread")  # the notification list counted already
    if count is None:
        count = context["header_counts"]().notifications
    return _bell_html(count, get_language(), get_script_prefix())


@lru_cache(maxsize=256)
def _bell_html(count: int, language: str | None, script_prefix: str) -> SafeString:
    """The bell depends on nothing but its count, the language and where the site is
    mounted (the arguments): rendered once per process for each, not on every page."""
    del language, script_prefix  # the cache key: the template reads them itself
    return render_to_string("notifications/partials/bell.html", {"bell_count": count})


@lru_cache(maxsize=256)
def _badge_html(count: int, language: str | None, script_prefix: str) -> SafeString:
    """The messages badge, as the bell: rendered once per process per count and language."""
    del language, script_prefix  # the cache key: the template reads them itself
    return render_to_string(
        "conversations/partials/unread_badge.html",
        {"header_counts": SimpleNamespace(conversations=count)},
    )


def _values(context: Context) -> dict[str, Any]:
    request = context["request"]
    kept = getattr(request, _KEPT, None)
    if kept is not None:
        return kept
    user = context["user"]
    signed_in = user.is_authenticated
    nonce = context.get("csp_nonce")
    values = {
        "signed_in": signed_in,
        "user": user,
        "organisation": context["organisation"],
        "csp_nonce": nonce,
    }
    if signed_in:
        values.update(
            replies_one=ngettext("%(counter)s reply", "%(counter)s replies", 1) % {"counter": 1},
            replies_other=ngettext("%(counter)s reply", "%(counter)s replies", 2) % {"counter": 2},
            nav=_nav(get_script_prefix()),
            search_query=_search_query(request),
            my_groups=list(context.get("my_groups") or ()),
            bell=_bell(context),
            messages_badge=_badge_html(
                context["header_counts"]().conversations, get_language(), get_script_prefix()
            ),
        )
        values["current"] = _current(request.path, values["nav"], values["my_groups"])
    setattr(request, _KEPT, values)
    return values


def _current(path: str, nav: dict[str, str], my_groups: list[Any]) -> str:
    """The address the navigation marks as this page, or "" when it names no link to it.

    The parts depend on this, not on the page's address: a thread or a profile (most pages
    a reader opens) all share one kept top bar, instead of one per address.
    """
    if path in nav.values() or any(path == group.get_absolute_url() for group in my_groups):
        return path
    return ""


# Stands for the request's CSP nonce in a kept part, as CSRF_TOKEN_STAND_IN for its token.
_NONCE_STAND_IN = "kringchromenonce0b93d4"
_CSRF_INPUT = mark_safe(  # noqa: S308 (a constant)
    f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_TOKEN_STAND_IN}">'
)


def _person_parts(user: Any) -> tuple:
    """What the parts show of the reader: avatar, name, profile link, menu and navigation
    (is_site_admin and is_employee follow from kind, is_staff and is_active)."""
    photo = user.photo.name if user.photo else ""
    return (user.pk, user.username, user.first_name, user.last_name, photo, user.kind,
            user.is_staff, user.is_active)  # fmt: skip


def _key(part: str, values: dict[str, Any]) -> str:
    """Every input of a part but the CSRF token and the nonce (put in afterwards)."""
    user = values["user"]
    signed_in = values["signed_in"]
    if part == "head":  # scripts and styles: the same for every reader
        return fragment_key("chrome", part, get_script_prefix(), signed_in)
    return fragment_key(
        "chrome",
        part,
        get_script_prefix(),
        values.get("current", ""),
        values["organisation"],
        signed_in,
        *(_person_parts(user) if signed_in else ()),
        values.get("search_query", ""),
        *((group.pk, group.slug, group.name) for group in values.get("my_groups", ())),
        values.get("bell", ""),
        values.get("messages_badge", ""),
    )


def chrome_html(context: Context, part: str) -> SafeString:
    """One part of the page around its content (`PARTS`), for base.html.

    A part depends on the reader, on which link the navigation marks as this page and on
    the unread counts, and costs more to render than many a page's content: it is kept per
    process (the fragments cache) and the request's CSRF token and nonce are put in
    afterwards. Not in the shared tier: the parts name static files, whose addresses
    change with a release's CSS and JavaScript, which the shared tier's release digest
    does not read.
    """
    request = context["request"]
    values = _values(context)
    key = _key(part, values)
    local = caches["fragments"]
    html = local.get(key)
    if html is None:
        template = get_template(PARTS[part], using="jinja2")
        html = template.render(
            {
                **values,
                "csrf_token": CSRF_TOKEN_STAND_IN,
                "csrf_input": _CSRF_INPUT,
                "csp_nonce": _NONCE_STAND_IN,
                "htmx_script": htmx_script(nonce=_NONCE_STAND_IN),
            }
        )
        local.set(key, html)
    nonce = values["csp_nonce"]
    html = html.replace(_NONCE_STAND_IN, "" if nonce is None else str(nonce))
    return token_fill(html, context.get("csrf_token") or get_token(request))
