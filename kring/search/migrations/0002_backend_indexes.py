"""The backend's own index: FTS5 tables and triggers on SQLite; extensions, text search
configurations, the search_vector column, its trigger and GIN indexes on PostgreSQL."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_terms, text_terms, "
    "content='search_searchdocument', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(rowid, title_terms, text_terms) "
    "VALUES (new.id, new.title_terms, new.text_terms); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_terms, text_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.text_terms); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_terms, text_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.text_terms); "
    "INSERT INTO search_fts(rowid, title_terms, text_terms) "
    "VALUES (new.id, new.title_terms, new.text_terms); END",
    "CREATE VIRTUAL TABLE search_term_trigram USING fts5(term, "
    "content='search_searchterm', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER search_term_insert AFTER INSERT ON search_searchterm BEGIN "
    "INSERT INTO search_term_trigram(rowid, term) VALUES (new.id, new.term); END",
    "CREATE TRIGGER search_term_delete AFTER DELETE ON search_searchterm BEGIN "
    "INSERT INTO search_term_trigram(search_term_trigram, rowid, term) "
    "VALUES ('delete', old.id, old.term); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER search_term_delete",
    "DROP TRIGGER search_term_insert",
    "DROP TABLE search_term_trigram",
    "DROP TRIGGER search_fts_update",
    "DROP TRIGGER search_fts_delete",
    "DROP TRIGGER search_fts_insert",
    "DROP TABLE search_fts",
]

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS kring_dutch",
    "CREATE TEXT SEARCH CONFIGURATION kring_dutch (COPY = dutch)",
    "ALTER TEXT SEARCH CONFIGURATION kring_dutch ALTER MAPPING FOR hword, hword_part, word "
    "WITH unaccent, dutch_stem",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS kring_english",
    "CREATE TEXT SEARCH CONFIGURATION kring_english (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION kring_english ALTER MAPPING FOR hword, hword_part, word "
    "WITH unaccent, english_stem",
    "ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector",
    """CREATE FUNCTION search_document_vector() RETURNS trigger AS $$
    DECLARE config regconfig;
    BEGIN
      config := CASE WHEN NEW.language = 'en' THEN 'kring_english'::regconfig
                     ELSE 'kring_dutch'::regconfig END;
      NEW.search_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A')
                        || setweight(to_tsvector(config, coalesce(NEW.text, '')), 'B');
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER search_document_vector BEFORE INSERT OR UPDATE OF title, text, language "
    "ON search_searchdocument FOR EACH ROW EXECUTE FUNCTION search_document_vector()",
    "CREATE INDEX search_document_vector_gin ON search_searchdocument USING gin(search_vector)",
    "CREATE INDEX search_term_trigram_gin ON search_searchterm USING gin(term gin_trgm_ops)",
]
POSTGRES_REVERSE = [
    "DROP INDEX search_term_trigram_gin",
    "DROP INDEX search_document_vector_gin",
    "DROP TRIGGER search_document_vector ON search_searchdocument",
    "DROP FUNCTION search_document_vector()",
    "ALTER TABLE search_searchdocument DROP COLUMN search_vector",
    "DROP TEXT SEARCH CONFIGURATION kring_english",
    "DROP TEXT SEARCH CONFIGURATION kring_dutch",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
