"""Reading the knowledge base through the API: `GET /knowledge/pages`, one page, its history.

Writing pages goes through the web pages for now (the services are ready for an API).
"""

from typing import Annotated

from django.http import HttpRequest
from ninja import Path, Query, Router

from kring import access
from kring.api.paging import offset_page
from kring.api.schemas import MAX_ID, Message
from kring.core.pagination import Page as ResultPage
from kring.knowledge.models import Page
from kring.knowledge.schemas import PageOut, PagePage, RevisionOut
from kring.knowledge.selectors import revisions_for

router = Router(tags=["knowledge"])

PageId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/knowledge/pages", response=PagePage, summary="List knowledge pages")
def page_list(
    request: HttpRequest,
    group: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    company: bool = False,
    cursor: str | None = None,
) -> ResultPage:
    """The pages you may read, by title, 20 per page; `group=<id>` or `company=true` for one
    knowledge base."""
    pages = access.visible(request.auth, Page.objects.select_related("owner"))
    if group is not None:
        pages = pages.filter(group_id=group)
    elif company:
        pages = pages.filter(group__isnull=True)
    return offset_page(pages.order_by("title", "pk"), cursor=cursor)


@router.get("/knowledge/pages/{page_id}", response={200: PageOut, 404: Message}, summary="One page")
def page_detail(request: HttpRequest, page_id: PageId) -> Page:
    return access.get_or_404(request.auth, Page, page_id)


@router.get(
    "/knowledge/pages/{page_id}/revisions",
    response={200: list[RevisionOut], 404: Message},
    summary="A page's history, newest first",
)
def page_revisions(request: HttpRequest, page_id: PageId) -> list:
    page = access.get_or_404(request.auth, Page, page_id)
    return revisions_for(request.auth, page)
