"""Forms for profiles, the directory filter and invitations. Rules that matter live in services."""

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kring.core.validators import validate_no_markup
from kring.people.models import PROFILE_FIELDS, Department, User

EXPERTISE_MAX_TAGS = 20
EXPERTISE_MAX_LENGTH = 50


class DirectoryFilterForm(forms.Form):
    """The people directory's filters; anything odd is simply ignored."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All departments"),
    )
    expertise = forms.CharField(
        label=_("Expertise"),
        required=False,
        max_length=50,
        widget=forms.TextInput(
            attrs={"type": "search", "list": "expertise-options", "autocomplete": "off"}
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, label_suffix="", **kwargs)


def expertise_from_text(text: str) -> list[str]:
    """Split "zaaksysteem, Wmo" into tags; refuse markup, overlong tags and too many tags."""
    names = [part.strip() for part in (text or "").split(",") if part.strip()]
    if len(names) > EXPERTISE_MAX_TAGS:
        raise ValidationError(
            _("Choose at most %(count)s subjects.") % {"count": EXPERTISE_MAX_TAGS}
        )
    for name in names:
        validate_no_markup(name)
        if len(name) > EXPERTISE_MAX_LENGTH:
            raise ValidationError(
                _("Keep each subject under %(count)s characters.") % {"count": EXPERTISE_MAX_LENGTH}
            )
    return names


class ProfileForm(forms.ModelForm):
    """A colleague's own profile; the photo is checked by the service, not by this form."""

    expertise_text = forms.CharField(
        label=_("Expertise"),
        required=False,
        max_length=1200,
        help_text=_("Subjects colleagues can ask you about, separated by commas."),
    )
    photo_upload = forms.FileField(
        label=_("New photo"),
        required=False,
        help_text=_("A JPEG, PNG or WebP image of at most %(mb)s MB. We make it square.")
        % {"mb": settings.KRING_PHOTO_MAX_BYTES // (1024 * 1024)},
        # A plain file input: "remove photo" is our own checkbox, not Django's clear box.
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)

    class Meta:
        model = User
        fields = list(PROFILE_FIELDS)
        labels = {"about": _("About me"), "phone": _("Phone number")}
        help_texts = {"about": _("You can use Markdown: **bold**, lists and links.")}
        widgets = {
            "about": forms.Textarea(attrs={"rows": 6}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["department"].empty_label = _("No department")
        for name in ("first_name", "last_name"):  # AbstractUser's own fields carry no such check
            self.fields[name].validators.append(validate_no_markup)
        if self.instance.pk and not self.is_bound:
            self.initial["expertise_text"] = ", ".join(
                e.name for e in self.instance.expertise.all()
            )

    def clean_expertise_text(self) -> list[str]:
        return expertise_from_text(self.cleaned_data.get("expertise_text", ""))

    def profile_fields(self) -> dict:
        """The cleaned values that `profile_update` saves."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("They join as"),
        choices=User.Kind.choices,
        initial=User.Kind.EMPLOYEE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, label_suffix="", **kwargs)


class InvitationAcceptForm(forms.Form):
    """The invitee's own account details; the password meets the site's password rules."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        validators=[validate_no_markup],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,
        validators=[validate_no_markup],
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        validators=[User.username_validator],
        help_text=_("You sign in with this. Letters, digits and @ . + - _ only."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str = "", **kwargs) -> None:
        super().__init__(*args, label_suffix="", **kwargs)
        self.email = email

    def clean(self) -> dict:
        data = super().clean()
        password = data.get("password")
        if password:
            candidate = User(
                username=data.get("username", ""),
                email=self.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                validate_password(password, user=candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return data
