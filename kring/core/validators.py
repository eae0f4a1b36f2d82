"""Validators shared by forms and services."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Tags, event handlers and script URLs have no place in a one-line text field.
_MARKUP = re.compile(r"<\s*/?\s*[a-z!?]|\bon[a-z]+\s*=|javascript\s*:", re.IGNORECASE)


def validate_no_markup(value: str) -> None:
    """Reject HTML tags, event handlers and script URLs in a plain-text field."""
    if value and _MARKUP.search(value):
        raise ValidationError(
            _("Please leave out HTML code such as <tags> in this field."), code="markup"
        )
