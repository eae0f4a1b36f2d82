"""The composer's "Ask a question" part: reading what was sent, and showing it again."""

from django.http import QueryDict

from kring.questions.models import TITLE_MAX_LENGTH


def question_wanted(data: QueryDict) -> bool:
    """Whether the composer was sent as a question: a title was typed."""
    return bool((data.get("question_title") or "").strip())


def question_title_from(data: QueryDict) -> str | None:
    """The title the composer asks for, or None when the post is no question."""
    if not question_wanted(data):
        return None
    return (data.get("question_title") or "")[: TITLE_MAX_LENGTH * 2]


def question_composer_context(
    data: QueryDict | None = None, *, error: str = "", field: str = ""
) -> dict:
    """What the question part shows: the typed title, whether it is open, its error."""
    data = data or QueryDict()
    return {
        "title": (data.get("question_title") or "")[: TITLE_MAX_LENGTH * 2],
        "error": error if field.startswith("question") else "",
        "open": bool(error) or question_wanted(data),
        "max": TITLE_MAX_LENGTH,
    }
