"""Markdown to safe HTML: markdown-it-py renders, nh3 keeps only harmless tags."""

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

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
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}


# Hashtags and @mentions (kring.topics). A tag starts after a space, a line start or an
# opening bracket, never inside a word, a URL ("https://x.nl/#anchor") or an e-mail
# address; it is letters, digits and underscores (any script, so "#één" and "#café"),
# with single hyphens inside ("#zorg-innovatie"). Code spans, code blocks and link texts
# are never searched: the walk below only looks at plain text tokens outside links.
TAG_MAX_LENGTH = 64
# Python's \w has no combining marks: "cafe" + U+0301 (a decomposed "é") needs them added.
_LETTER = r"\w[\w\u0300-\u036f]*"
_HASHTAG = re.compile(rf"(?<![\w#&/@.:-])#({_LETTER}(?:-{_LETTER})*)")
_MENTION = re.compile(r"(?<![\w@/.:+-])@(\w+(?:[.-]\w+)*)")


@dataclass(frozen=True)
class Tags:
    """The hashtags and mentions of a text, each once, as first written, in order."""

    hashtags: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TagLinks:
    """Where hashtags and mentions link to; a mention whose `mention_url` is None stays text."""

    hashtag_url: Callable[[str], str]
    mention_url: Callable[[str], str | None]


def _is_hashtag(name: str) -> bool:
    return len(name) <= TAG_MAX_LENGTH and not name.replace("_", "").isdigit()


def _tag_spans(text: str) -> Iterator[tuple[str, str, int, int]]:
    """Yield (kind, name, start, end) for each hashtag ("#") and mention ("@") in plain text."""
    spans = [("#", m) for m in _HASHTAG.finditer(text) if _is_hashtag(m.group(1))]
    spans += [("@", m) for m in _MENTION.finditer(text) if len(m.group(1)) <= TAG_MAX_LENGTH]
    for kind, match in sorted(spans, key=lambda span: span[1].start()):
        yield kind, match.group(1), match.start(), match.end()


def _plain_text_tokens(tokens: list[Token]) -> Iterator[tuple[Token, list[Token], int]]:
    """Yield (text token, its siblings, its index) for text outside links, code and images."""
    for block in tokens:
        if block.type != "inline" or not block.children:
            continue
        in_link = 0
        for index, token in enumerate(block.children):
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            elif token.type == "text" and not in_link:
                yield token, block.children, index


def _tags_rule(state: StateCore) -> None:
    """Core rule: collect hashtags and mentions, or turn them into links, as `env` asks."""
    found: tuple[dict, dict] | None = state.env.get("kring_tags_found")
    if found is not None:
        for token, _siblings, _index in _plain_text_tokens(state.tokens):
            for kind, name, _start, _end in _tag_spans(token.content):
                found[0 if kind == "#" else 1].setdefault(name.casefold(), name)
    links: TagLinks | None = state.env.get("kring_tag_links")
    if links is not None:
        _link_tags(state, links)


def _link_tags(state: StateCore, links: TagLinks) -> None:
    for token, siblings, index in reversed(list(_plain_text_tokens(state.tokens))):
        pieces, position = [], 0
        for kind, name, start, end in _tag_spans(token.content):
            if kind == "#":
                href, css = links.hashtag_url(name), "hashtag"
            else:
                href, css = links.mention_url(name), "mention"
            if href is None:
                continue
            if start > position:
                pieces.append(Token("text", "", 0, content=token.content[position:start]))
            pieces.append(Token("link_open", "a", 1, attrs={"href": href, "class": css}))
            pieces.append(Token("text", "", 0, content=token.content[start:end]))
            pieces.append(Token("link_close", "a", -1))
            position = end
        if pieces:
            if position < len(token.content):
                pieces.append(Token("text", "", 0, content=token.content[position:]))
            siblings[index : index + 1] = pieces


# Before text_join: an escaped "\#" or an entity is still its own token then, so it is no tag.
_markdown.core.ruler.before("text_join", "kring_tags", _tags_rule)


def extract_tags(text: str) -> Tags:
    """Return the hashtags and mentions written in `text` (not in code, links or URLs)."""
    hashtags: dict[str, str] = {}
    mentions: dict[str, str] = {}
    _markdown.parse(text or "", {"kring_tags_found": (hashtags, mentions)})
    return Tags(hashtags=list(hashtags.values()), mentions=list(mentions.values()))


def render_markdown_with_tags(text: str, *, links: TagLinks) -> str:
    """Like `render_markdown`, with hashtags and mentions as links (see `TagLinks`)."""
    return _clean(_markdown.render(text or "", {"kring_tag_links": links}))


@functools.lru_cache(maxsize=256)
def render_markdown(text: str) -> str:
    """Return sanitised HTML for user Markdown; raw HTML in the source is shown as text.

    The result depends on the text alone, so the last few hundred are kept: a group's
    description is rendered on every visit to its page.
    """
    return _clean(_markdown.render(text or ""))


def _clean(html: str) -> str:
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
