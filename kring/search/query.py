"""From what someone typed to the words to look for: synonyms, compounds and typos.

Everything here is the same for both backends except the look-up of similar words.
"""

from dataclasses import dataclass, field

from kring.search.backends import SearchBackend
from kring.search.backends.base import similarity
from kring.search.models import SearchTerm, Synonym
from kring.search.text import query_words, stem, words

# Small words that match nearly everything; dropped unless nothing else is asked. The
# Dutch ones are PostgreSQL's and Snowball's Dutch stop list (so both backends ignore the
# same words), plus the forms of "doen" that people type in whole questions.
_DUTCH_STOPWORDS = """
de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar
om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar
haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden
toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier
wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand
geweest andere doe doet jij we wij waar wanneer waarom welke kun mag moeten
"""
_ENGLISH_STOPWORDS = """
the a an and or of to in on for is are be how what who where when why which can i you
we my it this that
"""
STOPWORDS = frozenset((_DUTCH_STOPWORDS + _ENGLISH_STOPWORDS).split())
TYPO_MIN_LENGTH = 4
TYPO_SIMILARITY = 0.45
COMPOUND_MIN_PART = 3
EXTRA_WORDS_MAX = 12


# How much a word found another way than typed counts, next to the typed word itself.
SYNONYM_FACTOR = 0.9
TYPO_FACTOR = 0.8
# A typed word found inside a compound of the text ("winkel" in "winkeldiefstal").
COMPOUND_PART_FACTOR = 0.7
COMPOUND_PART_MIN_LENGTH = 5
COMPOUND_PARTS_MAX = 4
COMPOUND_CANDIDATES = 12


@dataclass(frozen=True)
class Alternative:
    """Words that together stand for the asked words at `covers` (indexes into `asked`):
    the typed word itself, a compound of two typed words, the parts of a typed compound,
    a synonym phrase, or a word that looks like a typed one (a typo)."""

    words: tuple[str, ...]
    covers: tuple[int, ...]
    factor: float = 1.0


@dataclass
class QueryPlan:
    """The words asked (`asked`), all words to match (`words`, asked first) and how they
    stand for the asked words (`alternatives`), for ranking by how much of the question a
    document answers."""

    asked: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)

    def add(self, words: list[str], covers: list[int], factor: float = 1.0) -> bool:
        """Add an alternative if its words fit (at most EXTRA_WORDS_MAX beyond the asked)."""
        new = [word for word in dict.fromkeys(words) if word not in self.words]
        if not words or len(self.words) + len(new) > len(self.asked) + EXTRA_WORDS_MAX:
            return False
        self.words.extend(new)
        self.alternatives.append(Alternative(tuple(dict.fromkeys(words)), tuple(covers), factor))
        return True


def _stems(sequence: list[str]) -> list[str]:
    return [stem(word) for word in sequence]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return size > 0 and any(
        haystack[i : i + size] == needle for i in range(len(haystack) - size + 1)
    )


def _synonyms(plan: QueryPlan, typed: list[str]) -> None:
    typed_stems = _stems(typed)
    asked_stems = _stems(plan.asked)
    for synonym in Synonym.objects.all():
        phrases = [words(phrase) for phrase in synonym.phrase_list()]
        found = [p for p in phrases if _contains(typed_stems, _stems(p))]
        if not found:
            continue
        said = {stem(word) for phrase in found for word in phrase}
        covers = [i for i, word_stem in enumerate(asked_stems) if word_stem in said]
        if not covers:
            continue
        for phrase in phrases:
            meaningful = [word for word in phrase if word not in STOPWORDS]
            if phrase not in found and meaningful:
                plan.add(meaningful, covers, SYNONYM_FACTOR)


def _remainders(word: str, term: str) -> list[str]:
    """What is left of a compound `term` around `word`, with and without a linking s/en."""
    rest = term[len(word) :] if term.startswith(word) else term[: -len(word)]
    forms = [rest]
    if term.startswith(word) and rest.startswith("s"):
        forms.append(rest[1:])
    if not term.startswith(word):
        forms += [rest[:-1]] if rest.endswith("s") else []
        forms += [rest[:-2]] if rest.endswith("en") else []
    return [form for form in forms if len(form) >= COMPOUND_MIN_PART and form not in STOPWORDS]


def _compounds_and_typos(plan: QueryPlan, engine: SearchBackend) -> None:
    asked = plan.asked
    joined = [a + b for a, b in zip(asked, asked[1:], strict=False)]
    splits = {
        i: [(word[:j], word[j:]) for j in range(COMPOUND_MIN_PART, len(word) - 2)]
        for i, word in enumerate(asked)
        if len(word) >= 2 * COMPOUND_MIN_PART + 1
    }
    containing = engine.compound_terms(
        [word for word in asked if len(word) >= COMPOUND_PART_MIN_LENGTH],
        limit=COMPOUND_CANDIDATES,
    )
    candidates = (
        set(asked)
        | set(joined)
        | {p for pairs in splits.values() for s in pairs for p in s}
        | {r for word, terms in containing.items() for t in terms for r in _remainders(word, t)}
    )
    known = set(SearchTerm.objects.filter(term__in=candidates).values_list("term", flat=True))
    # Two typed words that make a known compound ("infuus pomp"): that is what was meant,
    # so those words are neither split nor corrected.
    settled = set()
    for i, word in enumerate(joined):
        if word in known:
            plan.add([word], [i, i + 1])
            settled.update((i, i + 1))
    for i, pairs in splits.items():
        if i in settled:
            continue
        for left, right in pairs:
            if left in known and right in known:
                plan.add([left, right], [i])
    for i, word in enumerate(asked):
        if i in settled or word in known or len(word) < TYPO_MIN_LENGTH:
            continue
        alike = sorted(
            ((similarity(word, term), term) for term in engine.similar_terms(word)),
            reverse=True,
        )
        for score, term in alike[:2]:
            if score >= TYPO_SIMILARITY:
                plan.add([term], [i], TYPO_FACTOR)
    _compounds_containing(plan, containing, known)


def _compounds_containing(
    plan: QueryPlan, containing: dict[str, list[str]], known: set[str]
) -> None:
    """Texts write "winkeldiefstal" where a colleague types "winkel": a known compound of
    the typed word and another known word (not a prefix such as "aan" in "aanvragen",
    which makes another verb) stands for it, a little less than the word itself."""
    for i, word in enumerate(plan.asked):
        terms = [
            term
            for term in containing.get(word, [])
            if stem(term) != stem(word) and any(r in known for r in _remainders(word, term))
        ]
        for term in terms[:COMPOUND_PARTS_MAX]:
            plan.add([term], [i], COMPOUND_PART_FACTOR)


def query_plan(query: str, engine: SearchBackend) -> QueryPlan:
    """Turn a query into the words to match. Never raises on odd input."""
    typed = query_words(query)
    asked = [word for word in typed if word not in STOPWORDS] or typed
    plan = QueryPlan(asked=asked, words=list(asked))
    plan.alternatives = [Alternative((word,), (i,)) for i, word in enumerate(asked)]
    if not asked:
        return plan
    _synonyms(plan, typed)
    _compounds_and_typos(plan, engine)
    return plan
