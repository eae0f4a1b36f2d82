from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kring import access
from kring.core.htmx import HtmxHttpRequest
from kring.feeds.selectors import feed_company_for, feed_home_for
from kring.groups.selectors import groups_postable_for
from kring.posts.forms import PostForm


def render_feed(request: HtmxHttpRequest, template: str, page, context: dict):
    """Render a whole feed page, or only the next page of posts for htmx's "load more"."""
    context = {**context, "page": page}
    if request.htmx and request.GET.get("cursor"):
        return render(request, "feeds/partials/page.html", context)
    return render(request, template, context)


@login_required
def home(request: HtmxHttpRequest):
    page = feed_home_for(request.user, cursor=request.GET.get("cursor"))
    return render_feed(
        request,
        "feeds/home.html",
        page,
        {
            "composer_form": PostForm(),
            "composer_groups": groups_postable_for(request.user),
            "composer_company": access.can_post_in(request.user, None),
            "feed_url": reverse("feeds:home"),
            "empty_text": _("Nothing here yet. Write the first post, or join a group."),
        },
    )


@login_required
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
