"""The "Wie weet hier meer van?" block on its own, loaded beside search results."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kring.core.htmx import HtmxHttpRequest
from kring.experts.selectors import experts_for

QUERY_MAX_LENGTH = 200


@login_required
@require_GET
def who_knows_block(request: HtmxHttpRequest) -> HttpResponse:
    """The block for `?q=`, loaded after the results so the search page is not kept waiting
    (the experts need a second search). Empty, not an error, for a query nobody knows."""
    query = (request.GET.get("q") or "")[:QUERY_MAX_LENGTH]
    experts = experts_for(request.user, query=query)
    return render(request, "experts/partials/who_knows.html", {"experts": experts})
