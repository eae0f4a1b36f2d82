"""Background work for people: invitation e-mails."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kring.people.models import Invitation


@task
def invitation_send(invitation_id: int, token: str) -> None:
    """E-mail the invitation link; does nothing once the invitation is accepted or gone."""
    invitation = (
        Invitation.objects.select_related("invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return
    language = invitation.invited_by.language if invitation.invited_by else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "invitation": invitation,
            "organisation": settings.KRING_ORGANISATION,
            "link": settings.KRING_SITE_URL.rstrip("/")
            + reverse("people:invitation_accept", args=[token]),
        }
        subject = render_to_string("people/email/invitation_subject.txt", context).strip()
        body = render_to_string("people/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])
