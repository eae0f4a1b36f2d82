"""From what someone typed to the words to look for: synonyms, compounds and typos.

Everything here is the same for both backends except the look-up of similar words.
"""

from dataclasses import dataclass, field

from kring.search.backends import SearchBackend
from kring.search.backends.base import similarity
from kring.search.models import SearchTerm, Synonym
from kring.search.text import query_words, stem, words

# Small words that match nearly everything; dropped unless nothing else is asked.
STOPWORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "in",
        "op",
        "aan",
        "van",
        "voor",
        "met",
        "te",
        "is",
        "zijn",
        "ik",
        "je",
        "jij",
        "u",
        "we",
        "wij",
        "ze",
        "zij",
        "hij",
        "die",
        "dat",
        "dit",
        "er",
        "hoe",
        "wat",
        "wie",
        "waar",
        "wanneer",
        "waarom",
        "welke",
        "kan",
        "kun",
        "mag",
        "moet",
        "niet",
        "geen",
        "ook",
        "nog",
        "al",
        "naar",
        "om",
        "bij",
        "als",
        "dan",
        "maar",
        "mijn",
        "mij",
        "me",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "is",
        "are",
        "be",
        "how",
        "what",
        "who",
        "where",
        "when",
        "why",
        "which",
        "can",
        "i",
        "you",
        "we",
        "my",
        "it",
        "this",
        "that",
    ]
)
TYPO_MIN_LENGTH = 4
TYPO_SIMILARITY = 0.45
COMPOUND_MIN_PART = 3
EXTRA_WORDS_MAX = 12


@dataclass
class QueryPlan:
    """The words asked (`asked`) and all words to match (`words`, asked first)."""

    asked: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    def add(self, word: str) -> None:
        if word not in self.words and len(self.words) < len(self.asked) + EXTRA_WORDS_MAX:
            self.words.append(word)


def _stems(sequence: list[str]) -> list[str]:
    return [stem(word) for word in sequence]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return size > 0 and any(
        haystack[i : i + size] == needle for i in range(len(haystack) - size + 1)
    )


def _synonyms(plan: QueryPlan, asked: list[str]) -> None:
    asked_stems = _stems(asked)
    for synonym in Synonym.objects.all():
        phrases = [words(phrase) for phrase in synonym.phrase_list()]
        if any(_contains(asked_stems, _stems(phrase)) for phrase in phrases):
            for phrase in phrases:
                for word in phrase:
                    if word not in STOPWORDS:
                        plan.add(word)


def _compounds_and_typos(plan: QueryPlan, asked: list[str], engine: SearchBackend) -> None:
    joined = [a + b for a, b in zip(asked, asked[1:], strict=False)]
    splits = {
        word: [(word[:i], word[i:]) for i in range(COMPOUND_MIN_PART, len(word) - 2)]
        for word in asked
        if len(word) >= 2 * COMPOUND_MIN_PART + 1
    }
    candidates = (
        set(asked) | set(joined) | {p for pairs in splits.values() for s in pairs for p in s}
    )
    known = set(SearchTerm.objects.filter(term__in=candidates).values_list("term", flat=True))
    for word in joined:
        if word in known:
            plan.add(word)
    for pairs in splits.values():
        for left, right in pairs:
            if left in known and right in known:
                plan.add(left)
                plan.add(right)
    for word in asked:
        if word in known or len(word) < TYPO_MIN_LENGTH:
            continue
        alike = sorted(
            ((similarity(word, term), term) for term in engine.similar_terms(word)),
            reverse=True,
        )
        for score, term in alike[:2]:
            if score >= TYPO_SIMILARITY:
                plan.add(term)


def query_plan(query: str, engine: SearchBackend) -> QueryPlan:
    """Turn a query into the words to match. Never raises on odd input."""
    typed = query_words(query)
    asked = [word for word in typed if word not in STOPWORDS] or typed
    plan = QueryPlan(asked=asked, words=list(asked))
    if not asked:
        return plan
    _synonyms(plan, typed)
    _compounds_and_typos(plan, asked, engine)
    return plan
