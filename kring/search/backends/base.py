"""What every search backend offers."""

import math
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

# At most this many matches are ranked for one query; counts above it say "1000+".
MAX_HITS = 1000


@dataclass(frozen=True)
class Hit:
    """One matching document: `score` is its text relevance (higher is better)."""

    id: int
    kind: str
    score: float
    boost: float
    created_at: datetime


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one word (padded with two spaces before, one after)."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(left: str, right: str) -> float:
    """pg_trgm's similarity: shared trigrams over all trigrams of both words."""
    a, b = trigrams(left), trigrams(right)
    return len(a & b) / len(a | b) if a and b else 0.0


class SearchBackend:
    """Matches documents; the caller passes a queryset already narrowed by the access policy."""

    def prepare(self, *, title: str, text: str, language: str) -> dict[str, str]:
        """Extra SearchDocument fields this backend needs (SQLite: the stemmed words)."""
        return {}

    def index_optimise(self) -> None:
        """After a rebuild wrote many documents: refresh statistics, merge index segments."""

    def similar_terms(self, word: str) -> list[str]:
        """Terms of the vocabulary that look like `word` (typos), most alike first."""
        raise NotImplementedError

    def rows(self, documents: QuerySet, words: list[str]) -> list[tuple]:
        """Matches as (id, kind, boost, created_at, [matched per word], text rank >= 0)."""
        raise NotImplementedError

    def hits(self, documents: QuerySet, words: list[str]) -> list[Hit]:
        """The documents of `documents` matching any of `words`, best first, at most MAX_HITS.

        Score: each word weighs log(1 + matches / matches of that word), so more words and
        rarer words count more; the backend's own text rank (0..1) orders within that.
        """
        if not words:
            return []
        rows = self.rows(documents, words)
        matched_by = [sum(1 for row in rows if row[4][i]) for i in range(len(words))]
        weight = [math.log(1 + len(rows) / count) if count else 0.0 for count in matched_by]
        hits = []
        for pk, kind, boost, created, matched, rank in rows:
            score = sum(w for w, hit in zip(weight, matched, strict=True) if hit)
            score += rank / (1 + rank)
            hits.append(Hit(id=pk, kind=kind, score=score, boost=boost, created_at=created))
        hits.sort(key=lambda hit: (-hit.score, -hit.id))
        return hits
