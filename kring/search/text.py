"""Words: normalising, stemming and highlighting, the same for both backends."""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

QUERY_MAX_LENGTH = 200
QUERY_MAX_WORDS = 12
TERM_MIN_LENGTH = 2
TERM_MAX_LENGTH = 40
SNIPPET_LENGTH = 220

_WORD = re.compile(r"\w+", re.UNICODE)
_LANGUAGES = {"nl": "dutch", "en": "english"}


def fold(text: str) -> str:
    """Lower case without accents: "Café" -> "cafe"."""
    if text.isascii():  # most text: the same answer without a look at every character
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of `text` (underscores and digits-only kept out of compounds)."""
    found = []
    for word in _WORD.findall(fold(text).replace("_", " ")):
        if TERM_MIN_LENGTH <= len(word) <= TERM_MAX_LENGTH:
            found.append(word)
    return found


@lru_cache(maxsize=4)
def _stemmer(language: str):
    return snowballstemmer.stemmer(_LANGUAGES.get(language, "dutch"))


@lru_cache(maxsize=20_000)
def stem(word: str, language: str = "nl") -> str:
    return _stemmer(language).stemWord(word)


def stemmed(text: str, language: str = "nl") -> str:
    """The stemmed words of `text`, space separated (what SQLite's FTS5 indexes)."""
    return " ".join(stem(word, language) for word in words(text))


def query_words(query: str) -> list[str]:
    """The words a query asks for: no operators, quotes or punctuation survive."""
    return list(dict.fromkeys(words(query[:QUERY_MAX_LENGTH])))[:QUERY_MAX_WORDS]


def _matches(word: str, stems: set[str]) -> bool:
    folded = fold(word)
    return any(stem(folded, lang) in stems for lang in _LANGUAGES) or folded in stems


def highlight(text: str, terms: set[str], *, length: int = SNIPPET_LENGTH) -> str:
    """Return an escaped snippet of `text` around the first match, matches in <mark>.

    `terms` holds folded words and their stems. Only <mark> is HTML; the rest is escaped.
    """
    stems = set(terms)
    for term in terms:
        stems.update(stem(term, lang) for lang in _LANGUAGES)
    first = next((m.start() for m in _WORD.finditer(text) if _matches(m.group(), stems)), None)
    start = max(0, first - length // 3) if first is not None else 0
    window = text[start : start + length]
    parts = re.split(r"(\w+)", window)
    out = []
    for i, part in enumerate(parts):
        escaped = html.escape(part)
        out.append(f"<mark>{escaped}</mark>" if i % 2 and _matches(part, stems) else escaped)
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + length < len(text) else ""
    return prefix + "".join(out).strip() + suffix
