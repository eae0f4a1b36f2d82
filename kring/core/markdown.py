"""Markdown to safe HTML: markdown-it-py renders, nh3 keeps only harmless tags."""

import functools

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"linkify": False, "html": False, "breaks": True}).enable(
    ["strikethrough", "table"]
)

_ALLOWED_TAGS = {
    "a",
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}


@functools.lru_cache(maxsize=256)
def render_markdown(text: str) -> str:
    """Return sanitised HTML for user Markdown; raw HTML in the source is shown as text.

    The result depends on the text alone, so the last few hundred are kept: a group's
    description is rendered on every visit to its page.
    """
    html = _markdown.render(text or "")
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def strip_markup(text: str) -> str:
    """Return plain text without any tags, for excerpts and titles."""
    return nh3.clean(text or "", tags=set())
