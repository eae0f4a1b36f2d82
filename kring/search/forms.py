"""The search page's form: what was typed and the filters; odd values are left out."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.search.registry import kinds
from kring.search.selectors import SearchFilters
from kring.search.text import QUERY_MAX_LENGTH


class ManyOptionsSelect(forms.Select):
    """A select whose options are joined in Python, not rendered one template each: the
    group filter of a large organisation lists hundreds of groups, which cost 70 ms of a
    search page through Django's option template (and 10 ms through format_html per
    option). The same HTML."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(str(key))}"'
            f"{' selected' if str(key) in chosen else ''}>{escape(str(label))}</option>"
            for key, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe(options),  # noqa: S308 (every key and label escaped above)
        )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    group = forms.TypedChoiceField(
        label=_("Group"), required=False, coerce=int, empty_value=None, widget=ManyOptionsSelect
    )
    author = forms.CharField(
        label=_("Author"), required=False, max_length=150, widget=forms.HiddenInput
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=pgettext_lazy("date range", "Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("relevance", _("Best match")),
            ("date", pgettext_lazy("sort", "Newest first")),
        ],
    )

    def __init__(self, *args, groups: list[tuple[int, str]] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything"))] + [(k.kind, k.label) for k in kinds()]
        self.fields["group"].choices = [("", _("All groups")), *groups]

    def query(self) -> str:
        """What was typed (cut to a sensible length), also when another field is odd."""
        return (self.data.get("q") or "").strip()[:QUERY_MAX_LENGTH]

    def filters(self, *, author_id: int | None) -> SearchFilters:
        data = self.cleaned_data if self.is_valid() else {}
        clean = {name: data.get(name) for name in self.fields if name not in self.errors}
        return SearchFilters(
            kind=clean.get("kind") or "",
            group_id=clean.get("group"),
            author_id=author_id,
            date_from=clean.get("date_from"),
            date_to=clean.get("date_to"),
            sort=clean.get("sort") or "relevance",
        )
