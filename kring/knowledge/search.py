"""Knowledge pages in search (decision 0020): kind "page", the page's space decides.

A confirmed page that is not past its review date is lifted; a page past its review date
sinks. The hourly review reminder re-indexes a page when it passes its date.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.knowledge.models import Page
from kring.posts.search import plain_text
from kring.search.registry import Document, SearchKind, register

CONFIRMED_BOOST = 1.3
STALE_BOOST = 0.6


def page_boost(page: Page) -> float:
    if page.review_by < timezone.localdate():
        return STALE_BOOST
    return CONFIRMED_BOOST if page.confirmed_at is not None else 1.0


def page_document(page: Page) -> Document:
    return Document(
        scope="space",
        title=page.title,
        text=plain_text(page.body),
        url=page.get_absolute_url(),
        created_at=page.created_at,
        updated_at=page.updated_at,
        group_id=page.group_id,
        author_id=page.owner_id,
        language=page.owner.language if page.owner else "nl",
        boost=page_boost(page),
    )


register(
    SearchKind(
        kind="page",
        label=_("Knowledge base"),
        result_label=pgettext_lazy("search result", "Knowledge page"),
        model=Page,
        queryset=lambda: Page.objects.select_related("owner"),
        document=page_document,
        order=30,
    )
)
