"""Groups: the directory, creating one, membership and joining."""

from typing import Annotated, Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router, Status

from kring import access
from kring.api.paging import offset_page
from kring.api.schemas import (
    MAX_ID,
    GroupIn,
    GroupOut,
    GroupPage,
    JoinOut,
    MemberIn,
    MembershipOut,
    Message,
)
from kring.core.errors import NotFound
from kring.core.pagination import Page
from kring.groups import services
from kring.groups.models import Group, Membership
from kring.groups.selectors import group_directory_for
from kring.people.models import User

router = Router(tags=["groups"])

GroupId = Annotated[int, Path(ge=1, le=MAX_ID)]
ERRORS = {400: Message, 403: Message, 404: Message}


def _person_or_404(viewer: User, username: str) -> User:
    try:
        return access.get_or_404(viewer, User, username.strip(), field="username")
    except Http404:
        raise NotFound(_("There is no colleague with this username."), field="username") from None


@router.get("/groups", response=GroupPage, summary="List groups")
def group_list(
    request: HttpRequest, q: str = "", mine: bool = False, cursor: str | None = None
) -> Page:
    """The groups you may see, by name, 20 per page; `mine=true` only yours."""
    groups = group_directory_for(request.auth, query=q[:200], mine=mine)
    return offset_page(groups, cursor=cursor)


@router.post("/groups", response={201: GroupOut, **ERRORS}, summary="Create a group")
def group_create(request: HttpRequest, data: GroupIn) -> Status[Group]:
    """Create a group; you become its first admin."""
    group = services.group_create(
        actor=request.auth,
        name=data.name,
        description=data.description,
        visibility=data.visibility,
    )
    return Status(201, group)


@router.get("/groups/{group_id}", response={200: GroupOut, 404: Message}, summary="One group")
def group_detail(request: HttpRequest, group_id: GroupId) -> Group:
    """One group; 404 when it does not exist or is secret and you are not in it."""
    return access.get_or_404(request.auth, Group, group_id)


@router.post(
    "/groups/{group_id}/members",
    response={201: MembershipOut, **ERRORS},
    summary="Add a member",
)
def member_add(request: HttpRequest, group_id: GroupId, data: MemberIn) -> Status[Membership]:
    """Add a colleague to the group (group admins only)."""
    group = access.get_or_404(request.auth, Group, group_id)
    person = _person_or_404(request.auth, data.username)
    membership = services.membership_add(
        actor=request.auth, group=group, user=person, role=data.role
    )
    return Status(201, membership)


@router.delete(
    "/groups/{group_id}/members/{username}",
    response={204: None, **ERRORS},
    summary="Remove a member or leave",
)
def member_remove(request: HttpRequest, group_id: GroupId, username: str) -> Status[None]:
    """A group admin removes a member; with your own username you leave the group.

    The last admin cannot leave: make someone else admin first.
    """
    viewer = request.auth
    group = access.get_or_404(viewer, Group, group_id)
    person = viewer if username == viewer.username else _person_or_404(viewer, username)
    services.membership_remove(actor=viewer, group=group, user=person)
    return Status(204, None)


@router.post(
    "/groups/{group_id}/join",
    response={200: JoinOut, 202: JoinOut, **ERRORS},
    summary="Join a group",
)
def group_join(request: HttpRequest, group_id: GroupId) -> Status[dict[str, Any]]:
    """Join an open group (200), or ask to join a closed one (202: a group admin decides)."""
    viewer = request.auth
    group = access.get_or_404(viewer, Group, group_id)
    if access.can_request_to_join(viewer, group):
        services.join_request_create(actor=viewer, group=group)
        message = _("Your request is sent. A group admin of %(group)s decides.")
        return Status(
            202,
            {
                "status": "requested",
                "message": message % {"group": group.name},
                "group": group,
            },
        )
    services.group_join(actor=viewer, group=group)
    group.refresh_from_db(fields=["member_count"])
    message = _("You are now a member of %(group)s.")
    return Status(
        200, {"status": "joined", "message": message % {"group": group.name}, "group": group}
    )
