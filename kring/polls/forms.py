"""The composer's "Add a poll" part: reading what was sent, and showing it again."""

from datetime import datetime

from django.http import QueryDict
from django.utils.translation import gettext as _

from kring.core.errors import ValidationFailed
from kring.polls.models import OPTION_MAX_LENGTH, OPTIONS_MAX
from kring.polls.services import PollDraft

# Rows the composer shows without JavaScript (with it, rows are added and removed).
ROWS_WITHOUT_SCRIPT = 4


def poll_wanted(data: QueryDict) -> bool:
    """Whether the composer was sent with its poll part filled in."""
    options = [text for text in data.getlist("poll_option") if text.strip()]
    return bool(options or data.get("poll_multiple") or (data.get("poll_closes_at") or "").strip())


def poll_closes_at_parse(value: str) -> datetime | None:
    """The browser's `datetime-local` value, in the site's time zone; empty is no closing time."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationFailed(
            _(
                "That closing time is not a date and time. Use the date picker, e.g. 2027-01-31 17:00."
            ),
            field="poll_closes_at",
        ) from None
    return moment  # a naive moment is in the site's time zone (poll_create)


def poll_draft_from(data: QueryDict) -> PollDraft | None:
    """The poll the composer asks for, or None when its poll part is empty."""
    if not poll_wanted(data):
        return None
    return PollDraft(
        options=data.getlist("poll_option")[: OPTIONS_MAX * 2],
        multiple=bool(data.get("poll_multiple")),
        closes_at=poll_closes_at_parse(data.get("poll_closes_at", "")),
    )


def poll_composer_context(
    data: QueryDict | None = None, *, error: str = "", field: str = ""
) -> dict:
    """What the poll part shows: the typed options (at least the empty rows), choices, error."""
    data = data or QueryDict()
    options = [text[:OPTION_MAX_LENGTH] for text in data.getlist("poll_option")][:OPTIONS_MAX]
    while len(options) < ROWS_WITHOUT_SCRIPT:
        options.append("")
    return {
        "options": options,
        "multiple": bool(data.get("poll_multiple")),
        "closes_at": (data.get("poll_closes_at") or "")[:32],
        "error": error,
        "error_field": field,
        "open": bool(error) or poll_wanted(data),
        "max": OPTIONS_MAX,
    }
