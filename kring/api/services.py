"""Personal API tokens: issue, recognise and revoke them. Only a token's SHA-256 is stored."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.api.models import ApiToken
from kring.core.errors import PermissionDenied
from kring.people.models import User

TOKEN_PREFIX = "kring_"
# Writing last_used_at on every request would turn each read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)
_MAX_KEY_LENGTH = 200


@transaction.atomic
def api_token_issue(*, user: User) -> str:
    """Create a personal token for an active user and return its key (shown only this once)."""
    if not access.is_signed_in(user):
        raise PermissionDenied(_("This account is not active."))
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, key_hash=ApiToken.hash(key))
    return key


def api_token_user(*, key: str) -> User | None:
    """Return the active owner of a token key, or None; notes the use at most once a minute."""
    if not key or len(key) > _MAX_KEY_LENGTH:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
        ).update(last_used_at=now)
    return token.user


def api_token_revoke(*, user: User, key: str) -> bool:
    """Delete the user's token with this key; return whether there was one."""
    deleted, _rows = ApiToken.objects.filter(user=user, key_hash=ApiToken.hash(key or "")).delete()
    return bool(deleted)
