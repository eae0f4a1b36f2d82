from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.utils.translation import gettext as _

from kring.core.ratelimit import LoginThrottleMixin


class AccountAdapter(LoginThrottleMixin, DefaultAccountAdapter):
    """Sign-up is closed, unless KRING_SIGNUP_DOMAINS lists the e-mail domains that may join."""

    def is_open_for_signup(self, request) -> bool:
        return bool(settings.KRING_SIGNUP_DOMAINS)

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        domain = email.rsplit("@", 1)[-1].lower()
        if settings.KRING_SIGNUP_DOMAINS and domain not in settings.KRING_SIGNUP_DOMAINS:
            raise forms.ValidationError(
                _("Only addresses ending in %(domains)s can sign up here.")
                % {"domains": ", ".join("@" + d for d in settings.KRING_SIGNUP_DOMAINS)}
            )
        return email

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's mails (password reset, address confirmation) sign with the organisation."""
        super().send_mail(
            template_prefix, email, {"organisation": settings.KRING_ORGANISATION, **context}
        )
