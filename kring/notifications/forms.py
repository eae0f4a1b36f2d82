from django import forms
from django.utils.translation import gettext_lazy as _

from kring.notifications.models import Delivery, DigestSettings, Notification


class PreferencesForm(forms.Form):
    """One radio group per kind, plus how often the digest comes."""

    frequency = forms.ChoiceField(
        label=_("How often do you want the digest?"),
        choices=DigestSettings.Frequency.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in Notification.Kind:
            self.fields[f"kind_{kind.value}"] = forms.ChoiceField(
                label=kind.label, choices=Delivery.choices, widget=forms.RadioSelect
            )

    def kind_fields(self) -> list[forms.BoundField]:
        return [self[f"kind_{kind.value}"] for kind in Notification.Kind]

    def deliveries(self) -> dict[str, str]:
        return {kind.value: self.cleaned_data[f"kind_{kind.value}"] for kind in Notification.Kind}
