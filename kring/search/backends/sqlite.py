"""SQLite FTS5: stemmed words (snowballstemmer) in `search_fts`, and a trigram FTS5 table
over the vocabulary for typos (migration 0002 makes both).

No bm25: it weighs words by how rare they are in the whole table, hidden documents
included, so the order of what a reader sees would shift with what they may not see.
The text rank here is how many asked words a document matches, which depends on that
document alone; rarity comes from SearchBackend.hits, counted over visible matches.
"""

from datetime import UTC, datetime

from django.db import connection
from django.db.models import QuerySet
from django.utils.dateparse import parse_datetime

from kring.search.backends.base import MAX_HITS, SearchBackend, trigrams
from kring.search.text import stem, stemmed


def _quoted(terms) -> str:
    # Terms are \w+ words (kring.search.text), so they hold no quotes: "x" is a plain term.
    return " OR ".join(f'"{term}"' for term in sorted(terms))


class SqliteBackend(SearchBackend):
    def prepare(self, *, title: str, text: str, language: str) -> dict[str, str]:
        return {
            "title_terms": stemmed(title, language),
            "text_terms": stemmed(text, language),
        }

    def index_optimise(self) -> None:
        # Many small inserts leave FTS5 with many segments to search; merge them into one.
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            cursor.execute(
                "INSERT INTO search_term_trigram(search_term_trigram) VALUES ('optimize')"
            )
            cursor.execute("ANALYZE")

    def similar_terms(self, word: str) -> list[str]:
        grams = {g for g in trigrams(word) if " " not in g}
        if not grams:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM search_term_trigram WHERE search_term_trigram MATCH %s "
                "ORDER BY rank LIMIT 50",
                [_quoted(grams)],
            )
            return [row[0] for row in cursor.fetchall()]

    def compound_terms(self, words: list[str], *, limit: int) -> dict[str, list[str]]:
        if not words:
            return {}
        # The trigram table answers LIKE from its index; words hold no % or _ (text.words).
        each = (
            "SELECT * FROM (SELECT %s AS word, term FROM (SELECT term FROM search_term_trigram "
            "WHERE term LIKE %s UNION SELECT term FROM search_term_trigram WHERE term LIKE %s) "
            "WHERE term <> %s ORDER BY length(term), term LIMIT %s)"
        )
        params = [p for word in words for p in (word, f"{word}%", f"%{word}", word, limit)]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(each for _ in words), params)
            return _grouped(cursor.fetchall())

    def rows(self, documents: QuerySet, words: list[str]) -> list[tuple]:
        per_word = [_quoted({stem(word, lang) for lang in ("nl", "en")}) for word in words]
        inner, params = documents.values("id").query.sql_with_params()
        flags = ", ".join(
            f"d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s) AS f{i}"  # noqa: S608
            for i in range(len(words))
        )
        # Only fixed fragments and Django's compiled SQL are joined; words are parameters.
        matched = " + ".join(f"f{i}" for i in range(len(words)))
        sql = (
            f"SELECT d.id, d.kind, d.boost, d.created_at, d.title, {flags} "  # noqa: S608
            "FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND d.id IN ({inner}) "
            f"ORDER BY {matched} DESC, d.created_at DESC LIMIT {MAX_HITS}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*per_word, " OR ".join(per_word), *params])
            rows = cursor.fetchall()
        return [
            (
                pk,
                kind,
                boost,
                _moment(created),
                [bool(f) for f in found],
                sum(map(bool, found)),
                title,
            )
            for pk, kind, boost, created, title, *found in rows
        ]


def _moment(value) -> datetime:
    """A raw SQLite datetime (naive UTC text) as an aware datetime."""
    moment = parse_datetime(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _grouped(rows) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for word, term in rows:
        found.setdefault(word, []).append(term)
    return found
