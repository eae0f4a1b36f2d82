"""SQLite FTS5: stemmed words (snowballstemmer) in `search_fts`, and a trigram FTS5 table
over the vocabulary for typos (migration 0002 makes both).

No bm25: it weighs words by how rare they are in the whole table, hidden documents
included, so the order of what a reader sees would shift with what they may not see.
The text rank here is how many asked words a document matches, which depends on that
document alone; rarity comes from SearchBackend.hits, counted over visible matches.
"""

from datetime import UTC, datetime

from django.db import connection
from django.db.models import Field, IntegerField, QuerySet
from django.db.models.expressions import RawSQL

from kring.search.backends.base import ALL_OF_CANDIDATES, CANDIDATES, SearchBackend, trigrams
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

    def documents_write(self, cursor, fields: list[Field], rows: list[list]) -> None:
        """The batch's upsert with the FTS5 rows of new documents added in one statement.

        The trigger that adds each new document to `search_fts` makes FTS5 write its
        pending words out as a segment per row (a trigger's statement opens a savepoint,
        and FTS5 flushes at every savepoint), so a rebuild slowed down as the index grew:
        2,100 documents a second at first, 160 after 90,000 (bench/README.md). Inside
        the batch's transaction, which holds SQLite's write lock, the insert trigger is
        set aside, the rows are written, their FTS5 rows added at once, and the trigger
        put back as it was; a failure rolls all of it back. Updated documents still go
        through the update trigger. Outside a transaction: the plain upsert.
        """
        if not connection.in_atomic_block:
            super().documents_write(cursor, fields, rows)
            return
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_fts_insert'"
        )
        trigger = cursor.fetchone()
        if trigger is None:
            super().documents_write(cursor, fields, rows)
            return
        # Ids only grow (AUTOINCREMENT): the rows written now are those above today's newest.
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM search_searchdocument")
        newest_before = cursor.fetchone()[0]
        cursor.execute("DROP TRIGGER search_fts_insert")
        super().documents_write(cursor, fields, rows)
        cursor.execute(
            "INSERT INTO search_fts(rowid, title_terms, text_terms) "
            "SELECT id, title_terms, text_terms FROM search_searchdocument WHERE id > %s",
            [newest_before],
        )
        cursor.execute(trigger[0])

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

    def rows(
        self,
        documents: QuerySet,
        words: list[str],
        *,
        all_of: list[str] | None = None,
        narrow: bool = False,
    ) -> list[tuple]:
        stems = [{stem(word, lang) for lang in ("nl", "en")} for word in words]
        per_word = dict(zip(words, (_quoted(s) for s in stems), strict=True))
        if all_of is None:
            match, limit = " OR ".join(per_word.values()), CANDIDATES
        else:
            match = " AND ".join(f"({per_word[word]})" for word in all_of)
            limit = ALL_OF_CANDIDATES
        # FTS5 hands out its matches newest first (a document's id follows its date, see
        # index_rebuild) and the access filter is asked per match, so the query stops at
        # `limit` visible matches: a word in 100,000 documents is not looked up 100,000
        # times to sort them by date. `narrow` changes nothing here: the plan is the same.
        visible = documents.order_by().filter(
            pk=RawSQL("search_fts.rowid", (), output_field=IntegerField())  # noqa: S611 (fixed SQL)
        )
        visible_sql, visible_params = visible.values("pk").query.sql_with_params()
        candidates = (
            "SELECT search_fts.rowid FROM search_fts WHERE search_fts MATCH %s "  # noqa: S608
            f"AND EXISTS ({visible_sql}) ORDER BY search_fts.rowid DESC LIMIT {limit}"
        )
        params = [match, *visible_params]
        sql = (
            "SELECT id, kind, boost, created_at, title, title_terms, text_terms "  # noqa: S608
            f"FROM search_searchdocument WHERE id IN ({candidates})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        # The candidates' stemmed words are at hand: which asked word each holds is a
        # look-up in them, not one more full-text match per word over the whole table.
        needles = [[f" {word_stem} " for word_stem in word_stems] for word_stems in stems]
        rows = []
        for pk, kind, boost, created, title, title_terms, text_terms in fetched:
            terms = f" {title_terms} {text_terms} "
            found = [any(needle in terms for needle in each) for each in needles]
            rows.append((pk, kind, boost, _moment(created), found, sum(found), title))
        return rows


def _moment(value) -> datetime:
    """A raw SQLite datetime (naive UTC text) as an aware datetime."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _grouped(rows) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for word, term in rows:
        found.setdefault(word, []).append(term)
    return found
