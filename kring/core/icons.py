"""The interface icons: one line-art SVG per name, drawn on a 24 x 24 grid.

Templates write `{% icon "reply" %}` (kring_tags) or `icon("reply")` (Jinja2). An icon on a
page is a small `<svg>` that uses its symbol from one sprite, `static/kring/icons.svg`,
which browsers fetch once and keep: a feed card shows seven icons, and drawn inline they
were 40 % of a home page's HTML. The tag checks the name when the template is compiled and
renders a constant string, so an icon costs nothing per request.

The sprite is written from `_PATHS` below: after adding or changing an icon, run
`python -m kring.core.icons` (a test fails while the file differs).
"""

from functools import cache
from pathlib import Path

from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

SPRITE = "kring/icons.svg"  # the static file of the sprite
SPRITE_FILE = Path(__file__).resolve().parent / "static" / SPRITE
_STROKE = (
    'fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" '
    'stroke-linejoin="round"'
)

_PATHS = {
    "home": '<path d="M3 11.5 12 4l9 7.5"/><path d="M5 10v10h5v-6h4v6h5V10"/>',
    "megaphone": '<path d="M3 11v2a1 1 0 0 0 1 1h2l5 4V6L6 10H4a1 1 0 0 0-1 1z"/><path d="M15 9a4 4 0 0 1 0 6"/><path d="M18 6a8 8 0 0 1 0 12"/>',
    "groups": '<circle cx="9" cy="8" r="3"/><path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6"/><circle cx="17" cy="9" r="2.5"/><path d="M16 14.2c2.9.3 5 2.7 5 5.8"/>',
    "people": '<circle cx="12" cy="8" r="3.5"/><path d="M5 20c0-3.9 3.1-7 7-7s7 3.1 7 7"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8"/>',
    "lock": '<rect x="5" y="11" width="14" height="9" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/>',
    "eye-off": '<path d="M3 3l18 18"/><path d="M10.6 5.1A10 10 0 0 1 12 5c5 0 9 4.5 10 7-.4 1-1.3 2.5-2.6 3.8M6.6 6.6C4.6 7.9 3.2 9.9 2 12c1 2.5 5 7 10 7 1.6 0 3.1-.5 4.4-1.2"/><path d="M9.9 9.9a3 3 0 0 0 4.2 4.2"/>',
    "globe": '<circle cx="12" cy="12" r="9"/><path d="M3 12h18"/><path d="M12 3a14 14 0 0 1 0 18a14 14 0 0 1 0-18z"/>',
    "reply": '<path d="M9 14 4 9l5-5"/><path d="M4 9h10a6 6 0 0 1 6 6v5"/>',
    "link": '<path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"/><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/>',
    "edit": '<path d="M4 20h4L19 9l-4-4L4 16v4z"/>',
    "trash": '<path d="M4 7h16"/><path d="M9 7V4h6v3"/><path d="M6 7l1 13h10l1-13"/>',
    "plus": '<path d="M12 5v14M5 12h14"/>',
    "comment": '<path d="M4 5h16v11H9l-5 4z"/>',
    "mail": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>',
    "phone": '<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2"/>',
    "pin": '<path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z"/><circle cx="12" cy="10" r="2.5"/>',
    # issue 4 (topics, follows)
    "poll": '<path d="M5 20V12"/><path d="M12 20V5"/><path d="M19 20v-9"/><path d="M3 20h18"/>',
    "question": '<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6"/><path d="M12 17h.01"/>',  # issue 5
    "check": '<path d="m5 12.5 4.5 4.5L19 7"/>',
    "hash": '<path d="M9 4 7 20M17 4l-2 16M4 9h16M3 15h16"/>',
    "chat": '<path d="M4 5h16v11h-9l-5 4v-4H4z"/><path d="M8 9h8M8 12h5"/>',
    "search": '<circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/>',
    "compass": '<circle cx="12" cy="12" r="9"/><path d="m15.5 8.5-2 5-5 2 2-5z"/>',  # Discover
    # Added for notifications (issue 4): the top bar's bell and the settings gear.
    "bell": '<path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z"/><path d="M10 21h4"/>',
    "settings": '<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1"/>',
    # Reactions and praise (issue 4)
    "thumbs-up": '<path d="M7 10v10H4V10z"/><path d="M7 10l4-6.5a1.8 1.8 0 0 1 3.2 1.5L13 9.5h5.5a2 2 0 0 1 2 2.4l-1.4 6.4A2.2 2.2 0 0 1 17 20H7"/>',
    "thanks": '<path d="M12 20s-7.5-4.6-7.5-10.2A4.2 4.2 0 0 1 12 7.2a4.2 4.2 0 0 1 7.5 2.6C19.5 15.4 12 20 12 20z"/>',
    "lightbulb": '<path d="M9.5 18h5"/><path d="M10.5 21h3"/><path d="M12 3a6 6 0 0 0-3.6 10.8c.7.5 1.1 1.3 1.1 2.2h5c0-.9.4-1.7 1.1-2.2A6 6 0 0 0 12 3z"/>',
    "celebrate": '<path d="M4 20 8.5 8l7.5 7.5z"/><path d="M10.5 13.5 8 16"/><path d="M14 3.5v2.5"/><path d="M20.5 10H18"/><path d="M17.5 6.5 19.5 4.5"/><path d="M12.5 9.5c.5-1.8 2.2-2.8 4-2.5"/>',
    "award": '<circle cx="12" cy="9" r="5.5"/><path d="m8.6 13.4-1.6 7.6 5-2.8 5 2.8-1.6-7.6"/>',
    # issue 4, realtime: the "new posts" bar
    "arrow-up": '<path d="M12 19V5"/><path d="m5 12 7-7 7 7"/>',
    # issue 5: the knowledge base
    "book": '<path d="M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2z"/><path d="M4 21V5"/><path d="M8 7h7"/>',
    "folder": '<path d="M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z"/>',
    "history": '<path d="M3 12a9 9 0 1 0 3-6.7L3 8"/><path d="M3 3v5h5"/><path d="M12 7v5l3 2"/>',
    # issue 5: file libraries
    "file": '<path d="M6 3h8l5 5v13H6z"/><path d="M14 3v5h5"/>',
    "image": '<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="9" cy="10" r="2"/><path d="m21 16-5-5-9 9"/>',
    "download": '<path d="M12 4v11"/><path d="m7 10 5 5 5-5"/><path d="M5 20h14"/>',
    "upload": '<path d="M12 16V5"/><path d="m7 10 5-5 5 5"/><path d="M5 20h14"/>',
}

ICON_NAMES = frozenset(_PATHS)


def sprite() -> str:
    """The sprite's SVG document: a <symbol> per icon, its id the icon's name."""
    symbols = "".join(
        f'<symbol id="{name}" viewBox="0 0 24 24" {_STROKE}>{paths}</symbol>'
        for name, paths in _PATHS.items()
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>\n'


@cache
def icon_html(name: str) -> SafeString:
    """The named icon for a page: decorative, drawn by its symbol in the sprite."""
    if name not in _PATHS:
        raise ValueError(f"No icon {name!r}; one of: {', '.join(sorted(_PATHS))}")
    href = f"{static(SPRITE)}#{name}"
    return mark_safe(  # noqa: S308 (constant markup written here; the name is one of ours)
        '<svg class="icon" aria-hidden="true" focusable="false" width="20" height="20">'
        f'<use href="{href}"></use></svg>'
    )


if __name__ == "__main__":
    SPRITE_FILE.write_text(sprite(), encoding="utf-8")
    print(f"Wrote {SPRITE_FILE} ({len(_PATHS)} icons).")
