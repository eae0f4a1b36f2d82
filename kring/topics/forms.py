from django import forms
from django.utils.translation import gettext_lazy as _


class TopicMergeForm(forms.Form):
    target = forms.CharField(
        label=_("Merge into topic"),
        max_length=200,
        help_text=_("The hashtag that stays, for example #inkoop."),
    )
