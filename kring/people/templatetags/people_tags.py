"""Template helpers for the sign-in pages."""

from django import template
from django.conf import settings

from kring.people.adapters import AccountAdapter

register = template.Library()


@register.simple_tag(takes_context=True)
def signup_is_open(context) -> bool:
    """Whether people may create their own account (KRING_SIGNUP_DOMAINS is set)."""
    return AccountAdapter(context.get("request")).is_open_for_signup(context.get("request"))


@register.simple_tag
def signup_domains() -> list[str]:
    """The e-mail domains that may sign up, written as "@example.org"."""
    return ["@" + domain for domain in settings.KRING_SIGNUP_DOMAINS]
