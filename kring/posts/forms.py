from django import forms
from django.utils.translation import gettext_lazy as _


class PostForm(forms.Form):
    """The composer. Length and emptiness are the service's rules; the form only carries input."""

    body = forms.CharField(
        label=_("Message"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    group = forms.CharField(label=_("Post in"), required=False)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 8})
    )
