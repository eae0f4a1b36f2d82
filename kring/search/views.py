"""The search page: one view for the full page and the htmx results fragment."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kring.core.htmx import HtmxHttpRequest
from kring.search import selectors
from kring.search.forms import SearchForm


@login_required
@require_GET
def search_page(request: HtmxHttpRequest) -> HttpResponse:
    groups = selectors.groups_to_filter_for(request.user)
    form = SearchForm(request.GET, groups=groups)
    form.is_valid()  # a filter we cannot use is left out, never an error page
    asked_author = form.data.get("author") or ""
    author = selectors.author_to_filter_for(request.user, asked_author)
    query = form.query()
    # An author you may not see (or who does not exist) finds nothing, like a missing one.
    author_id = author.pk if author else (-1 if asked_author else None)
    found = selectors.search_for(
        request.user,
        query=query,
        filters=form.filters(author_id=author_id),
        page=selectors.page_number(request.GET.get("page")),
    )
    context = {"form": form, "found": found, "query": query, "author": author}
    if request.htmx and request.htmx.target == "search-results":
        context["who_knows_oob"] = True  # issue 5: "Wie weet hier meer van?" follows the query
        return render(request, "search/partials/results.html", context)
    return render(request, "search/page.html", context)
