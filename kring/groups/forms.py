"""Forms for the group pages. They carry and shape input; the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kring.core.validators import validate_no_markup
from kring.groups.models import Group

VISIBILITY_HELP = {
    Group.Visibility.OPEN: _("Every colleague can read and join."),
    Group.Visibility.CLOSED: _("Listed, but only members read; join by request or invitation."),
    Group.Visibility.SECRET: _("Only members know it exists; invitation only."),
}


class GroupForm(forms.Form):
    """Name, description and visibility of a group (for creating and editing)."""

    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        validators=[validate_no_markup],
        error_messages={"required": _("Give the group a name.")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    visibility = forms.ChoiceField(
        label=_("Who can find and read it?"),
        choices=Group.Visibility.choices,
        initial=Group.Visibility.OPEN,
        error_messages={"required": _("Choose open, closed or secret.")},
    )

    def visibility_options(self) -> list[dict]:
        """The visibility choices with their explanation and whether each is selected."""
        current = str(self["visibility"].value() or Group.Visibility.OPEN)
        return [
            {
                "value": value,
                "label": label,
                "help": VISIBILITY_HELP[value],
                "checked": value == current,
            }
            for value, label in Group.Visibility.choices
        ]


class MemberAddForm(forms.Form):
    username = forms.CharField(
        label=_("Add a colleague"),
        max_length=150,
        error_messages={"required": _("Type the username of the colleague to add.")},
    )


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message for the group admins (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
