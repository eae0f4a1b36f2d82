from django import forms
from django.utils.translation import gettext_lazy as _

from kring.conversations.models import SUBJECT_MAX_LENGTH


class MessageForm(forms.Form):
    """Length and emptiness are the service's rules; the form only carries input."""

    body = forms.CharField(
        label=_("Your message"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StartForm(MessageForm):
    subject = forms.CharField(
        label=_("Subject (optional)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": SUBJECT_MAX_LENGTH}),
    )
