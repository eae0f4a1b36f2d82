"""Personal API tokens: issue, recognise and revoke them. Only a token's SHA-256 is stored."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kring import access
from kring.api.models import ApiToken
from kring.core.compiled_sql import CompiledSelect, model_from_row
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


_USER_COLUMNS = tuple(field.attname for field in User._meta.concrete_fields)
# Every API call asks it: compiled once (kring/core/compiled_sql.py). A token's hash is
# unique: one row or none.
_TOKEN = CompiledSelect(
    lambda key_hash: ApiToken.objects.filter(key_hash=key_hash).values_list(
        "pk", "last_used_at", *(f"user__{name}" for name in _USER_COLUMNS)
    ),
    slots=(str,),
)


def api_token_user(*, key: str) -> User | None:
    """Return the active owner of a token key, or None; notes the use at most once a minute."""
    if not key or len(key) > _MAX_KEY_LENGTH:
        return None
    db = ApiToken.objects.db
    rows = _TOKEN.rows(ApiToken.hash(key), using=db)
    if not rows:
        return None
    token_id, last_used_at, *user_values = rows[0]
    user = model_from_row(User, _USER_COLUMNS, tuple(user_values), db)
    if not user.is_active:
        return None
    now = timezone.now()
    if last_used_at is None or now - last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token_id).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
        ).update(last_used_at=now)
    return user


def api_token_revoke(*, user: User, key: str) -> bool:
    """Delete the user's token with this key; return whether there was one."""
    deleted, _rows = ApiToken.objects.filter(user=user, key_hash=ApiToken.hash(key or "")).delete()
    return bool(deleted)
