"""The caller and the people directory."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Path, Router

from kring import access
from kring.api.paging import offset_page
from kring.api.schemas import MAX_ID, MeOut, PersonOut, PersonPage
from kring.core.pagination import Page
from kring.people.models import Department, User
from kring.people.selectors import people_directory_for

router = Router(tags=["people"])


def _department(value: str) -> Department | None:
    """The department named by id or slug; departments are organisation data, not private."""
    value = value.strip()
    if value.isdecimal() and len(value) < 19:
        return Department.objects.filter(pk=int(value)).first()
    return Department.objects.filter(slug=value).first()


@router.get("/me", response=MeOut, summary="Who am I")
def me(request: HttpRequest) -> User:
    """Your own profile, with your e-mail address and language."""
    return request.auth


@router.get("/people", response=PersonPage, summary="List colleagues")
def people_list(
    request: HttpRequest,
    q: str = "",
    department: str = "",
    expertise: str = "",
    cursor: str | None = None,
) -> Page:
    """The colleagues you may see, by name, 20 per page.

    Every word of `q` must match a name or username; `department` is a department id or
    slug; `expertise` an expertise tag.
    """
    chosen = None
    if department.strip():
        chosen = _department(department[:100])
        if chosen is None:
            return Page(items=[], next_cursor=None)
    people = people_directory_for(
        request.auth, query=q[:200], department=chosen, expertise=expertise[:50]
    )
    return offset_page(people.prefetch_related("expertise"), cursor=cursor)


@router.get("/people/{person_id}", response=PersonOut, summary="One colleague")
def person_detail(request: HttpRequest, person_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> User:
    """One colleague's profile; 404 when they do not exist or you may not see them."""
    return access.get_or_404(request.auth, User, person_id)
