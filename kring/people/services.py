"""Accounts, profiles, photos and invitations."""

import hashlib
import secrets
from datetime import timedelta
from io import BytesIO

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from kring import access
from kring.core.errors import PermissionDenied, ValidationFailed
from kring.people.models import PROFILE_FIELDS, Department, Expertise, Invitation, User
from kring.search.services import index_later  # issue 5: search

PHOTO_SIZE = 512
INVITATION_DAYS = 14
# Names that would be shadowed by fixed addresses under /people/.
RESERVED_USERNAMES = {"invite"}
PROFILE_TEXT_FIELDS = ("job_title", "location", "phone", "about")


@transaction.atomic
def user_create(
    *,
    username: str,
    email: str = "",
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    kind: str = User.Kind.EMPLOYEE,
    site_admin: bool = False,
    department: Department | None = None,
    language: str = settings.LANGUAGE_CODE,
    **profile: str,
) -> User:
    """Create an account; without a password the person signs in after a password reset."""
    username = (username or "").strip()
    if not username:
        raise ValidationFailed(_("Choose a username."), field="username")
    if (
        username.lower() in RESERVED_USERNAMES
        or User.objects.filter(username__iexact=username).exists()
    ):
        raise ValidationFailed(_("This username is taken."), field="username")
    if email and User.objects.filter(email__iexact=email).exists():
        raise ValidationFailed(
            _("An account with this e-mail address already exists."), field="email"
        )
    user = User(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        kind=kind,
        is_staff=site_admin,
        is_superuser=site_admin,
        department=department,
        language=language,
        **{k: v for k, v in profile.items() if k in PROFILE_TEXT_FIELDS},
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    index_later("person", user.pk)  # issue 5: search
    return user


@transaction.atomic
def profile_update(
    *, actor: User, person: User, expertise: list[str] | None = None, **fields
) -> User:
    """Save profile fields (already validated by the form) and the expertise tags."""
    if not access.can_edit_profile(actor, person):
        raise PermissionDenied(_("You can only change your own profile."))
    for name, value in fields.items():
        if name not in PROFILE_FIELDS:
            raise TypeError(f"profile_update does not change {name}")
        setattr(person, name, value)
    person.save(update_fields=list(fields))
    index_later("person", person.pk)  # issue 5: search
    if expertise is not None:
        names = {e.strip().lower()[:50] for e in expertise if e.strip()}
        tags = [Expertise.objects.get_or_create(name=n)[0] for n in sorted(names)]
        person.expertise.set(tags)
    return person


def photo_normalise(upload: UploadedFile) -> ContentFile:
    """Return a square JPEG of PHOTO_SIZE pixels made from an uploaded image, or refuse it."""
    if upload.size > settings.KRING_PHOTO_MAX_BYTES:
        raise ValidationFailed(
            _("This photo is too large; the limit is %(mb)s MB.")
            % {"mb": settings.KRING_PHOTO_MAX_BYTES // (1024 * 1024)},
            field="photo",
        )
    try:
        with Image.open(upload) as image:
            if image.width * image.height > 50_000_000:
                raise ValidationFailed(_("This image has too many pixels."), field="photo")
            image = ImageOps.exif_transpose(image)
            image = ImageOps.fit(
                image.convert("RGB"), (PHOTO_SIZE, PHOTO_SIZE), Image.Resampling.LANCZOS
            )
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError):
        raise ValidationFailed(
            _("This file is not a photo we can read. Use a JPEG, PNG or WebP image."), field="photo"
        ) from None
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name="photo.jpg")


@transaction.atomic
def profile_photo_set(*, actor: User, person: User, upload: UploadedFile | None) -> User:
    """Replace (or with None remove) the profile photo."""
    if not access.can_edit_profile(actor, person):
        raise PermissionDenied(_("You can only change your own profile."))
    old = person.photo.name if person.photo else None
    if upload is None:
        person.photo = ""
    else:
        person.photo.save("photo.jpg", photo_normalise(upload), save=False)
    person.save(update_fields=["photo"])
    if old:
        storage = person.photo.storage
        transaction.on_commit(lambda: storage.delete(old))
    return person


@transaction.atomic
def profile_save(
    *,
    actor: User,
    person: User,
    fields: dict,
    expertise: list[str] | None = None,
    photo: UploadedFile | None = None,
    remove_photo: bool = False,
) -> User:
    """Save the whole profile form at once: the fields, then the photo; a refused photo saves nothing."""
    profile_update(actor=actor, person=person, expertise=expertise, **fields)
    if photo is not None:
        profile_photo_set(actor=actor, person=person, upload=photo)
    elif remove_photo and person.photo:
        profile_photo_set(actor=actor, person=person, upload=None)
    return person


@transaction.atomic
def invitation_create(
    *, actor: User, email: str, kind: str = User.Kind.EMPLOYEE
) -> tuple[Invitation, str]:
    """Invite someone by e-mail; returns the invitation and the one-time token in its link."""
    if not access.is_site_admin(actor):
        raise PermissionDenied(_("Only site admins can invite people."))
    email = (email or "").strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationFailed(
            _("An account with this e-mail address already exists."), field="email"
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        kind=kind,
        token_hash=invitation_token_hash(token),
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    from kring.people.tasks import invitation_send

    transaction.on_commit(lambda: invitation_send.enqueue(invitation.pk, token))
    return invitation, token


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_for_token(token: str) -> Invitation | None:
    """Return the open invitation for a link token, or None when it is unknown, used or expired."""
    return Invitation.objects.filter(
        token_hash=invitation_token_hash(token or ""),
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).first()


@transaction.atomic
def invitation_accept(
    *, token: str, username: str, password: str, first_name: str, last_name: str
) -> User:
    """Create the invited person's account and close the invitation."""
    invitation = invitation_for_token(token)
    if invitation is None:
        raise ValidationFailed(_("This invitation link has expired or was already used."))
    user = user_create(
        username=username,
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        kind=invitation.kind,
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user
