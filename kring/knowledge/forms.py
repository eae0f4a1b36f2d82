"""The page editor and the folder form: parse what was sent; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kring.knowledge.models import Folder, Page


class PageForm(forms.Form):
    # Lengths and emptiness are the service's to judge, so its message is the one shown
    # and the text is kept: a form limit would drop an over-long text from cleaned_data
    # and save an empty page. Django's request size limit bounds what arrives.
    title = forms.CharField(label=_("Title"), required=False)
    body = forms.CharField(label=_("Text"), required=False, strip=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Page.Kind.choices, initial=Page.Kind.PAGE)
    folder = forms.TypedChoiceField(label=_("Folder"), required=False, coerce=int, empty_value=None)
    is_onboarding = forms.BooleanField(
        label=_("Onboarding reading for new colleagues"), required=False
    )
    review_by = forms.DateField(label=_("Review by"), required=False)
    # The date the editor opened with: one left as it was does not undo a confirmation
    # ("nog actueel") given meanwhile.
    review_by_was = forms.DateField(required=False, widget=forms.HiddenInput)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, folders: list[tuple[Folder, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.folders = {folder.pk: folder for folder, _label in folders}
        self.fields["folder"].choices = [("", _("No folder (top level)"))] + [
            (folder.pk, label) for folder, label in folders
        ]

    def chosen_folder(self) -> Folder | None:
        return self.folders.get(self.cleaned_data.get("folder"))


class FolderForm(forms.Form):
    name = forms.CharField(label=_("Folder name"), required=False, max_length=200)
    parent = forms.TypedChoiceField(label=_("Inside"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, folders: list[tuple[Folder, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.folders = {folder.pk: folder for folder, _label in folders}
        self.fields["parent"].choices = [("", _("Top level"))] + [
            (folder.pk, label) for folder, label in folders
        ]

    def chosen_parent(self) -> Folder | None:
        return self.folders.get(self.cleaned_data.get("parent"))
