from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kring import access
from kring.announcements.selectors import PINNED_KEY
from kring.core.htmx import HtmxHttpRequest
from kring.core.kept import reads_kept
from kring.feeds.discover import discoveries_for
from kring.feeds.foryou import feed_for_you
from kring.feeds.kept import mine_key, ranking_key
from kring.feeds.selectors import feed_company_for, feed_home_for, feed_news_for
from kring.groups.models import Group
from kring.groups.selectors import groups_postable_for
from kring.notifications.header import header_counts_key
from kring.posts.forms import PostForm


def render_feed(request: HtmxHttpRequest, template: str, page, context: dict):
    """Render a whole feed page, or only its posts for htmx: the next page ("load more"),
    or the first page again for the feed itself (the "new posts" bar of live.js)."""
    # An open page hears of posts newer than the newest it shows (live.js).
    live_after = max((post.pk for post in page.items), default=0)
    # A ranked page need not show the newest post; it still knows of it (`newest_id`).
    live_after = max(live_after, context.pop("newest_id", 0))
    context = {**context, "page": page, "live_after": live_after}
    if request.htmx and (request.GET.get("cursor") or request.htmx.target == "feed"):
        return render(request, "feeds/partials/page.html", context)
    return render(request, template, context)


TAB_FOR_YOU, TAB_NEWEST = "foryou", "newest"


def feed_kept_keys(request: HtmxHttpRequest, *_args, **_kwargs) -> list[str]:
    """What a feed page reads from the kept values (one round trip, kring/core/kept.py):
    the header's counts and the pinned announcements."""
    return [header_counts_key(request.user.pk), PINNED_KEY]


def _home_kept_keys(request: HtmxHttpRequest) -> list[str]:
    """A feed page's, and on "Voor jou" the reader's kept ranking."""
    keys = feed_kept_keys(request)
    if request.GET.get("tab") != TAB_NEWEST:
        keys += [ranking_key(request.user.pk), mine_key(request.user.pk)]
    return keys


@login_required
@reads_kept(_home_kept_keys)
def home(request: HtmxHttpRequest):
    """The home feed in two tabs: "Voor jou" (ranked, the default) and "Nieuwste"."""
    cursor = request.GET.get("cursor")
    tab = TAB_NEWEST if request.GET.get("tab") == TAB_NEWEST else TAB_FOR_YOU
    newest_id, catch_up = 0, False
    if tab == TAB_NEWEST:
        page, reasons = feed_home_for(request.user, cursor=cursor), None
    else:
        # The "new posts" bar asks for the first page again: rank afresh for it.
        fresh = bool(request.htmx and request.htmx.target == "feed" and not cursor)
        ranked = feed_for_you(request.user, cursor=cursor, kept=not fresh)
        page, reasons, newest_id = ranked.page, ranked.reasons, ranked.newest_id
        # Ranked on an earlier visit: live.js asks at once what came after it.
        catch_up = ranked.from_kept and not cursor
    home_url = reverse("feeds:home")
    return render_feed(
        request,
        "feeds/home.html",
        page,
        {
            "composer_form": PostForm(),
            "composer_groups": groups_postable_for(request.user),
            "composer_company": access.can_post_in(request.user, None),
            "tab": tab,
            "tabs": [
                (TAB_FOR_YOU, _("For you"), home_url),
                (TAB_NEWEST, _("Newest"), f"{home_url}?tab={TAB_NEWEST}"),
            ],
            "reasons": reasons,
            "newest_id": newest_id,
            "live_catch_up": catch_up,
            "feed_url": f"{home_url}?tab={tab}",
            "cursor_joint": "&",
            "empty_text": _("Nothing here yet. Write the first post, or join a group."),
        },
    )


@login_required
@reads_kept(feed_kept_keys)
def company(request: HtmxHttpRequest):
    page = feed_company_for(request.user, cursor=request.GET.get("cursor"))
    return render_feed(
        request,
        "feeds/company.html",
        page,
        {
            "composer_form": PostForm(),
            "composer_fixed": "company" if access.can_post_in(request.user, None) else None,
            "feed_url": reverse("feeds:company"),
            "empty_text": _("No posts for everyone yet. Write the first!"),
        },
    )


@login_required
def discover(request: HtmxHttpRequest):
    return render(request, "feeds/discover.html", {"found": discoveries_for(request.user)})


@login_required
def news(request: HtmxHttpRequest):
    """The ids of posts newer than `?after=<post id>` in `?space=home|company|<group id>`.

    live.js asks after a reconnect, to show the "new posts" bar for what it missed.
    An unknown or invisible space is a 404, as any page of it would be.
    """
    space = request.GET.get("space", "")
    try:
        after = int(request.GET.get("after", ""))
    except ValueError:
        after = -1
    if not 0 <= after < 2**63:
        return JsonResponse({"message": _("That link is damaged. Reload the page.")}, status=400)
    if space in ("home", "company"):
        group = space
    elif space.isdigit():
        group = access.get_or_404(request.user, Group, space)
    else:
        raise Http404
    return JsonResponse({"post_ids": feed_news_for(request.user, space=group, after=after)})
