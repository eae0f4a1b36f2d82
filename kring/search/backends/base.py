"""What every search backend offers."""

import math
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import Field, QuerySet

from kring.search.text import stem, words

if TYPE_CHECKING:
    from kring.search.query import QueryPlan

# At most this many matches are ranked for one query; counts at it say "more than".
MAX_HITS = 500
# Before ranking, at most this many matches of any asked word are taken, newest first: a
# word used in 100,000 documents is not ranked 100,000 times. When fewer than ALL_ENOUGH
# of them hold every asked word, the ALL_OF_CANDIDATES newest that do are fetched as well,
# so a document with every asked word is never crowded out by the common ones. Only then:
# such documents are rare among the newest matches, so the backends can fetch all of them
# and keep the newest (bench/README.md, "Search … 2026-11-30").
CANDIDATES = 500
ALL_ENOUGH = 5
ALL_OF_CANDIDATES = 200
TITLE_FACTOR = 1.5


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


@lru_cache(maxsize=8192)
def _title_terms(title: str) -> frozenset[str]:
    # Kept: a thread's replies carry its title, so one search meets the same titles often.
    return frozenset(
        form for word in words(title) for form in (word, stem(word, "nl"), stem(word, "en"))
    )


def upsert_statement(fields: list[Field], source: str) -> str:
    """INSERT the rows of `source` (SQL giving the values of `fields`) into the documents'
    table; a document that is there (kind, object_id) gets the new values instead.

    Only the fields' own names and `source` go into it. The backends' triggers (FTS5 rows,
    the search vector) fire as for any insert or update.
    """
    quote = connection.ops.quote_name
    table = quote(fields[0].model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    updates = ", ".join(f"{quote(f.column)} = excluded.{quote(f.column)}" for f in fields[2:])
    return (
        f"INSERT INTO {table} ({columns}) {source} "  # noqa: S608 (names and fixed SQL)
        f"ON CONFLICT (kind, object_id) DO UPDATE SET {updates}"
    )


class SearchBackend:
    """Matches documents; the caller passes a queryset already narrowed by the access policy."""

    def prepare(self, *, title: str, text: str, language: str) -> dict[str, str]:
        """Extra SearchDocument fields this backend needs (SQLite: the stemmed words)."""
        return {}

    def index_optimise(self) -> None:
        """After a rebuild wrote many documents: refresh statistics, merge index segments."""

    def index_analyse(self) -> None:
        """While a rebuild writes many documents: refresh the planner's statistics."""

    def documents_write(self, cursor, fields: list[Field], rows: list[list]) -> None:
        """Insert or overwrite a rebuild's batch of documents: each of `rows` holds the
        values of `fields` (kind and object_id first) as the database takes them."""
        cursor.executemany(
            upsert_statement(fields, f"VALUES ({', '.join(['%s'] * len(fields))})"), rows
        )

    def similar_terms(self, word: str) -> list[str]:
        """Terms of the vocabulary that look like `word` (typos), most alike first."""
        raise NotImplementedError

    def compound_terms(self, words: list[str], *, limit: int) -> dict[str, list[str]]:
        """Per word, at most `limit` terms of the vocabulary that start or end with it
        (compounds that may contain it: "winkel" -> "winkeldiefstal"), shortest first;
        one query for all words."""
        raise NotImplementedError

    def rows(
        self,
        documents: QuerySet,
        words: list[str],
        *,
        all_of: list[str] | None = None,
        narrow: bool = False,
    ) -> list[tuple]:
        """Matches as (id, kind, boost, created_at, [matched per word], text rank >= 0, title),
        at most MAX_HITS, from the CANDIDATES newest documents that match any of `words`
        (or, given `all_of`, the ALL_OF_CANDIDATES newest that match every word of it).
        `narrow`: the reader may see only a small part of the documents
        (access.document_reach_is_narrow), a hint for the database's plan that must not
        change the result."""
        raise NotImplementedError

    def hits(self, documents: QuerySet, plan: "QueryPlan", *, narrow: bool = False) -> list[Hit]:
        """The documents of `documents` matching any word of `plan`, best first, at most MAX_HITS.

        Score: each asked word counts once, through the best of its alternatives that the
        document matches; a word weighs log(1 + matches / matches of that word), so more
        of the question and rarer words count more; an alternative of several words (the
        parts of a compound, a synonym phrase) counts the share of its words matched,
        times its factor (a typo or synonym a little less than the typed word). The
        backend's own text rank (0..1) orders within that. A word in the title counts
        TITLE_FACTOR times: a page titled with it is about it, one that names it in
        passing is not (checked here, the same for both backends).
        """
        words = plan.words
        if not words:
            return []
        rows = self.rows(documents, words, narrow=narrow)
        required = [i for i, word in enumerate(words) if word in plan.asked] or [0]
        holding_all = sum(1 for row in rows if all(row[4][i] for i in required))
        if len(rows) >= MAX_HITS and holding_all < ALL_ENOUGH:
            seen = {row[0] for row in rows}
            extra = self.rows(documents, words, all_of=[words[i] for i in required], narrow=narrow)
            rows += [row for row in extra if row[0] not in seen]
        matched_by = [sum(1 for row in rows if row[4][i]) for i in range(len(words))]
        weight = [math.log(1 + len(rows) / count) if count else 0.0 for count in matched_by]
        forms = [frozenset((word, stem(word, "nl"), stem(word, "en"))) for word in words]
        # A document's score follows from which words it holds and which of those are in
        # its title: a thousand matches share a handful of those, each scored once.
        scores: dict[tuple, float] = {}
        hits = []
        for pk, kind, boost, created, matched, rank, title in rows:
            in_title = _title_terms(title)
            held = tuple(
                (TITLE_FACTOR if not forms[i].isdisjoint(in_title) else 1.0) if hit else 0.0
                for i, hit in enumerate(matched)
            )
            words_score = scores.get(held)
            if words_score is None:
                words_score = scores[held] = self._words_score(plan, weight, held)
            score = words_score + rank / (1 + rank)
            hits.append(Hit(id=pk, kind=kind, score=score, boost=boost, created_at=created))
        hits.sort(key=lambda hit: (-hit.score, -hit.id))
        return hits

    @staticmethod
    def _words_score(plan: "QueryPlan", weight: list[float], held: tuple[float, ...]) -> float:
        """How much of the question a document answers: per asked word the best of its
        alternatives, `held` giving per word of the plan 0 (absent), 1 or TITLE_FACTOR."""
        index = {word: i for i, word in enumerate(plan.words)}
        best = [0.0] * len(plan.asked)
        for alternative in plan.alternatives:
            share = sum(weight[index[w]] * held[index[w]] for w in alternative.words)
            value = alternative.factor * share / len(alternative.words)
            for i in alternative.covers:
                best[i] = max(best[i], value)
        return sum(best)
