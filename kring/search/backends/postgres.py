"""PostgreSQL full-text search: a `search_vector` kept by a trigger with the `kring_dutch`
or `kring_english` configuration (unaccent + snowball), a GIN index, and pg_trgm over the
vocabulary for typos (migration 0002 makes them).

ts_rank knows how often a word occurs, not how rare it is: the rarity weights come from
SearchBackend.hits, with ts_rank ordering within them.
"""

from django.db import connection
from django.db.models import BooleanField, Field, QuerySet
from django.db.models.expressions import RawSQL

from kring.search.backends.base import (
    ALL_OF_CANDIDATES,
    CANDIDATES,
    MAX_HITS,
    SearchBackend,
    upsert_statement,
)

# One word in either configuration: an OR of tsqueries the GIN index answers (the CASE on
# the document's language below is exact, but no index can answer it).
_EITHER = "(plainto_tsquery('kring_dutch', %s) || plainto_tsquery('kring_english', %s))"


def _condition(column: str) -> str:
    return (
        f"(CASE WHEN {column}.language = 'en' "
        f"THEN {column}.search_vector @@ plainto_tsquery('kring_english', %s) "
        f"ELSE {column}.search_vector @@ plainto_tsquery('kring_dutch', %s) END)"
    )


class PostgresBackend(SearchBackend):
    def index_optimise(self) -> None:
        # Outside a transaction VACUUM also empties the GIN index's pending list and sets
        # the visibility map, so the first searches after a rebuild do not pay for it.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            cursor.execute(f"{command} search_searchdocument, search_searchterm")

    def index_analyse(self) -> None:
        # ANALYZE, not VACUUM: it may run inside a caller's transaction (a test's).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")

    def documents_write(self, cursor, fields: list[Field], rows: list[list]) -> None:
        # One statement for the batch instead of a thousand: each column goes as one array,
        # which unnest() turns back into rows, in their order.
        columns = ", ".join(f"c{n}" for n in range(len(fields)))
        arrays = ", ".join(f"%s::{field.db_type(connection)}[]" for field in fields)
        source = (
            f"SELECT {columns} FROM unnest({arrays}) WITH ORDINALITY "  # noqa: S608 (fixed SQL)
            f"AS batch({columns}, position) ORDER BY position"
        )
        cursor.execute(
            upsert_statement(fields, source), [list(each) for each in zip(*rows, strict=True)]
        )

    def similar_terms(self, word: str) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term FROM search_searchterm WHERE term %% %s "
                "ORDER BY similarity(term, %s) DESC LIMIT 20",
                [word, word],
            )
            return [row[0] for row in cursor.fetchall()]

    def compound_terms(self, words: list[str], *, limit: int) -> dict[str, list[str]]:
        if not words:
            return {}
        # The trigram GIN index answers LIKE; words hold no % or _ (kring.search.text.words).
        each = (
            "(SELECT %s, term FROM search_searchterm WHERE (term LIKE %s OR term LIKE %s) "
            "AND term <> %s ORDER BY length(term), term LIMIT %s)"
        )
        params = [p for word in words for p in (word, f"{word}%", f"%{word}", word, limit)]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(each for _ in words), params)
            found: dict[str, list[str]] = {}
            for word, term in cursor.fetchall():
                found.setdefault(word, []).append(term)
            return found

    def rows(
        self,
        documents: QuerySet,
        words: list[str],
        *,
        all_of: list[str] | None = None,
        narrow: bool = False,
    ) -> list[tuple]:
        column = '"search_searchdocument"."search_vector"'
        # A reader who may see little (a guest in two groups): the match is written as the
        # function behind @@, which the GIN index cannot answer, so PostgreSQL starts from
        # the reader's documents (index search_document_reach) and tests those. Left to
        # itself it intersected the reader's spaces with every document holding a common
        # word, 675,000 of them: 1 s instead of 30 ms (bench/README.md, 2026-11-30).
        matches = "ts_match_vq({column}, ({tsquery}))" if narrow else "{column} @@ ({tsquery})"

        def matching(joined: str, chosen: list[str]) -> QuerySet:
            tsquery = joined.join(_EITHER for _ in chosen)
            params = [p for word in chosen for p in (word, word)]
            condition = matches.format(column=column, tsquery=tsquery)
            match = RawSQL(condition, params, output_field=BooleanField())  # noqa: S611 (fixed SQL, words are parameters)
            return documents.filter(match)

        if all_of is None:
            found = matching(" || ", words).order_by("-created_at").values("id")[:CANDIDATES]
            candidates, candidate_params = found.query.sql_with_params()
        else:
            # Documents with every word are asked for when they are rare among the newest
            # matches, so there are few of them: all are taken from the GIN index and the
            # newest kept (OFFSET 0 keeps PostgreSQL from walking the date index instead,
            # which for 2,000 such documents among 3.2 million read 340,000 rows: 165 ms).
            found = matching(" && ", all_of).order_by().values("id", "created_at")
            inner, candidate_params = found.query.sql_with_params()
            candidates = (
                f"SELECT id FROM ({inner} OFFSET 0) AS every_word "  # noqa: S608 (Django's SQL)
                f"ORDER BY created_at DESC LIMIT {ALL_OF_CANDIDATES}"
            )
        each = [_condition("s") for _ in words]
        each_params = [p for word in words for p in (word, word)]
        any_words = " OR ".join(each)
        all_words = " | ".join(words)
        # Only fixed fragments and Django's compiled SQL are joined; words are parameters.
        sql = (
            f"SELECT s.id, s.kind, s.boost, s.created_at, ARRAY[{', '.join(each)}], "  # noqa: S608
            "ts_rank(s.search_vector, CASE WHEN s.language = 'en' "
            "THEN to_tsquery('kring_english', %s) "
            "ELSE to_tsquery('kring_dutch', %s) END) AS rank, s.title "
            f"FROM search_searchdocument s WHERE ({any_words}) AND s.id IN "
            f"(SELECT id FROM ({candidates}) AS newest) "
            f"ORDER BY rank DESC LIMIT {MAX_HITS}"
        )
        params = [*each_params, all_words, all_words, *each_params, *candidate_params]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
