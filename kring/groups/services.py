"""Creating groups and managing who is in them."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kring import access
from kring.core.errors import NotFound, PermissionDenied, ValidationFailed
from kring.core.validators import validate_no_markup
from kring.feeds.kept import for_you_forget
from kring.groups.models import Group, JoinRequest, Membership
from kring.notifications.header import header_counts_forget
from kring.notifications.models import Notification
from kring.notifications.services import notify
from kring.people.models import User
from kring.search.services import index_later  # issue 5: search

Role = Membership.Role
# Slugs that would shadow a fixed address under /groups/ (groups:create is /groups/new/).
RESERVED_SLUGS = {"new"}


def _unique_slug(name: str) -> str:
    base = slugify(name)[:80] or "groep"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Group.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


NAME_MAX_LENGTH = Group._meta.get_field("name").max_length
DESCRIPTION_MAX_LENGTH = Group._meta.get_field("description").max_length


def _clean_group_fields(name: str, description: str, visibility: str) -> tuple[str, str]:
    """Return the stripped name and description, or raise ValidationFailed on the first bad field."""
    name = (name or "").strip()
    description = (description or "").strip()
    if not name:
        raise ValidationFailed(_("Give the group a name."), field="name")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationFailed(
            _("A group name can be at most %(limit)s characters.") % {"limit": NAME_MAX_LENGTH},
            field="name",
        )
    try:
        validate_no_markup(name)
    except ValidationError as error:
        raise ValidationFailed(error.messages[0], field="name") from None
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise ValidationFailed(
            _("A description can be at most %(limit)s characters.")
            % {"limit": DESCRIPTION_MAX_LENGTH},
            field="description",
        )
    if visibility not in Group.Visibility.values:
        raise ValidationFailed(_("Choose open, closed or secret."), field="visibility")
    return name, description


def _add_member(group: Group, user: User, role: str) -> Membership:
    # A double click or two admins at once must not end in an IntegrityError (a 500).
    try:
        with transaction.atomic():
            membership = Membership.objects.create(group=group, user=user, role=role)
    except IntegrityError:
        raise ValidationFailed(
            _("%(name)s is already a member.") % {"name": user.display_name}, field="username"
        ) from None
    Group.objects.filter(pk=group.pk).update(member_count=F("member_count") + 1)
    JoinRequest.objects.filter(group=group, user=user).delete()
    access.forget(user)
    header_counts_forget([user.pk])  # the bell counts only what members may see
    for_you_forget([user.pk])
    return membership


@transaction.atomic
def group_create(
    *, actor: User, name: str, description: str = "", visibility: str = Group.Visibility.OPEN
) -> Group:
    """Create a group with the actor as its first admin."""
    if not access.can_create_group(actor):
        raise PermissionDenied(_("Only colleagues can create groups."))
    name, description = _clean_group_fields(name, description, visibility)
    if Group.objects.filter(name__iexact=name).exists():
        raise ValidationFailed(_("A group with this name already exists."), field="name")
    group = Group.objects.create(
        name=name,
        slug=_unique_slug(name),
        description=description,
        visibility=visibility,
        created_by=actor,
    )
    _add_member(group, actor, Role.ADMIN)
    group.refresh_from_db(fields=["member_count"])
    index_later("group", group.pk)
    return group


@transaction.atomic
def group_update(
    *, actor: User, group: Group, name: str, description: str, visibility: str
) -> Group:
    """Change the group's name, description and visibility (its admins only)."""
    if not access.can_manage(actor, group):
        raise PermissionDenied(_("Only group admins can change the group."))
    name, description = _clean_group_fields(name, description, visibility)
    if Group.objects.filter(name__iexact=name).exclude(pk=group.pk).exists():
        raise ValidationFailed(_("A group with this name already exists."), field="name")
    group.name, group.description, group.visibility = name, description, visibility
    group.save(update_fields=["name", "description", "visibility"])
    # Its content follows the group's visibility at once (joined live); its own document
    # carries the name and description.
    index_later("group", group.pk)
    return group


@transaction.atomic
def group_join(*, actor: User, group: Group) -> Membership:
    """Join an open group."""
    if access.is_member(actor, group):
        raise ValidationFailed(_("You are already a member of this group."))
    if not access.can_join(actor, group):
        if group.visibility == Group.Visibility.CLOSED and access.can_view(actor, group):
            raise PermissionDenied(
                _("This group is closed: ask to join and a group admin decides.")
            )
        raise NotFound(_("That group does not exist."))
    return _add_member(group, actor, Role.MEMBER)


@transaction.atomic
def join_request_create(*, actor: User, group: Group, message: str = "") -> JoinRequest:
    """Ask to join a closed group; its admins decide."""
    if not access.can_request_to_join(actor, group):
        if access.is_member(actor, group):
            raise ValidationFailed(_("You are already a member of this group."))
        if group.visibility == Group.Visibility.OPEN and access.can_join(actor, group):
            raise ValidationFailed(_("This group is open: you can join it right away."))
        raise NotFound(_("That group does not exist."))
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                group=group, user=actor, message=(message or "").strip()[:500]
            )
    except IntegrityError:
        raise ValidationFailed(_("You already asked to join; a group admin will decide.")) from None
    admins = Membership.objects.filter(group=group, role=Role.ADMIN).values_list(
        "user_id", flat=True
    )
    notify(kind=Notification.Kind.JOIN_REQUEST, recipients=list(admins), actor=actor, target=group)
    return join_request


@transaction.atomic
def join_request_decide(
    *, actor: User, join_request: JoinRequest, approve: bool
) -> Membership | None:
    """Approve (the requester becomes a member) or decline a request to join."""
    group = join_request.group
    if not access.can_manage(actor, group):
        raise PermissionDenied(_("Only group admins can decide on requests."))
    if approve:
        existing = Membership.objects.filter(group=group, user=join_request.user).first()
        if existing is not None:
            # Added directly in the meantime: the request is simply done.
            join_request.delete()
            return existing
        membership = _add_member(group, join_request.user, Role.MEMBER)
        notify(
            kind=Notification.Kind.INVITATION,
            recipients=[join_request.user_id],
            actor=actor,
            target=group,
        )
        return membership
    join_request.delete()
    return None


@transaction.atomic
def membership_add(*, actor: User, group: Group, user: User, role: str = Role.MEMBER) -> Membership:
    """Add a colleague to the group (how group admins invite)."""
    if not access.can_manage(actor, group):
        raise PermissionDenied(_("Only group admins can add members."))
    if role not in Role.values:
        raise ValidationFailed(_("Unknown role."), field="role")
    if not user.is_active:
        raise ValidationFailed(_("This account is not active."), field="username")
    if Membership.objects.filter(group=group, user=user).exists():
        raise ValidationFailed(
            _("%(name)s is already a member.") % {"name": user.display_name}, field="username"
        )
    membership = _add_member(group, user, role)
    notify(kind=Notification.Kind.INVITATION, recipients=[user.pk], actor=actor, target=group)
    return membership


def _admin_count(group: Group) -> int:
    return Membership.objects.filter(group=group, role=Role.ADMIN).count()


@transaction.atomic
def membership_remove(*, actor: User, group: Group, user: User) -> None:
    """Remove a member (a group admin), or leave (the member); the last admin stays."""
    if actor.pk != user.pk and not access.can_manage(actor, group):
        raise PermissionDenied(_("Only group admins can remove members."))
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None:
        raise NotFound(_("This colleague is not a member."))
    if membership.role == Role.ADMIN and _admin_count(group) == 1:
        raise ValidationFailed(
            _("A group needs at least one admin: make someone else admin first.")
        )
    membership.delete()
    Group.objects.filter(pk=group.pk).update(member_count=F("member_count") - 1)
    access.forget(user, actor)
    header_counts_forget([user.pk])
    for_you_forget([user.pk])


@transaction.atomic
def membership_set_role(*, actor: User, group: Group, user: User, role: str) -> Membership:
    """Make a member admin or back; the group keeps at least one admin."""
    if not access.can_manage(actor, group):
        raise PermissionDenied(_("Only group admins can change roles."))
    if role not in Role.values:
        raise ValidationFailed(_("Unknown role."), field="role")
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None:
        raise NotFound(_("This colleague is not a member."))
    if membership.role == Role.ADMIN and role != Role.ADMIN and _admin_count(group) == 1:
        raise ValidationFailed(
            _("A group needs at least one admin: make someone else admin first.")
        )
    membership.role = role
    membership.save(update_fields=["role"])
    access.forget(user, actor)
    return membership
