from django.conf import settings
from django.utils.functional import SimpleLazyObject


def _my_groups(user):
    from kring.access.viewers import member_groups

    return member_groups(user)


def kring(request) -> dict:
    user = getattr(request, "user", None)
    context = {"organisation": settings.KRING_ORGANISATION}
    if user is not None and user.is_authenticated:
        context["my_groups"] = SimpleLazyObject(lambda: _my_groups(user))
    return context
