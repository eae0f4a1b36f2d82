"""The starting Markdown of each page kind (Dutch headings through the catalogue)."""

from django.utils.translation import gettext as _

from kring.knowledge.models import Page

Kind = Page.Kind


def _sections(*headings: str) -> str:
    return "\n\n".join(f"## {heading}" for heading in headings) + "\n"


def starting_body(kind: str) -> str:
    """The headings a page of this kind starts with ("" for a plain page)."""
    bodies = {
        Kind.BEST_PRACTICE: lambda: _sections(
            _("What works"), _("When to use it"), _("How we do it"), _("Watch out for")
        ),
        Kind.TIP: lambda: _sections(_("The tip"), _("Why it helps")),
        Kind.TOOL: lambda: _sections(
            _("What it is"), _("What we use it for"), _("How to get access"), _("Who to ask")
        ),
        Kind.FINDING: lambda: _sections(
            _("What we found"), _("How we found it"), _("What it means for our work")
        ),
        Kind.PROCEDURE: lambda: _sections(
            _("Purpose"), _("Steps"), _("Who is responsible"), _("Related documents")
        ),
    }
    make = bodies.get(kind)
    return make() if make else ""
