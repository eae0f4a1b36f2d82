"""DATABASE_URL decides the database; every SQLite file is shared the safe way."""

from pathlib import Path

import pytest

from config.settings.database import database_from_environment


def test_database_from_environment_returns_wal_sqlite_if_url_names_a_sqlite_file(
    monkeypatch, tmp_path
):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/elders.sqlite3")
    config = database_from_environment(tmp_path / "var")
    assert Path(config["NAME"]) == tmp_path / "elders.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] == 20


def test_database_from_environment_returns_sqlite_in_var_dir_if_no_url(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_environment(tmp_path)
    assert Path(config["NAME"]) == tmp_path / "kring.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.parametrize("pool_max, pooled", [("4", True), ("0", False)])
def test_database_from_environment_returns_pool_if_url_is_postgresql(
    monkeypatch, tmp_path, pool_max, pooled
):
    monkeypatch.setenv("DATABASE_URL", "postgres://kring@db.example:5432/kring")
    monkeypatch.setenv("KRING_DB_POOL_MAX", pool_max)
    config = database_from_environment(tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["CONN_HEALTH_CHECKS"] is True
    assert ("pool" in config["OPTIONS"]) is pooled


@pytest.mark.parametrize("threshold, prepared", [(None, 5), ("2", 2), ("0", None)])
def test_database_from_environment_prepares_repeated_queries_unless_turned_off(
    monkeypatch, tmp_path, threshold, prepared
):
    monkeypatch.setenv("DATABASE_URL", "postgres://kring@db.example:5432/kring")
    if threshold is None:
        monkeypatch.delenv("KRING_DB_PREPARE_THRESHOLD", raising=False)
    else:
        monkeypatch.setenv("KRING_DB_PREPARE_THRESHOLD", threshold)
    options = database_from_environment(tmp_path)["OPTIONS"]
    assert options.get("prepare_threshold") == prepared
    assert options.get("server_side_binding", False) is (prepared is not None)


@pytest.mark.django_db
def test_postgresql_keeps_the_plan_of_a_query_the_connection_repeats(django_user_model):
    """The database itself holds the prepared statement, as configured for the site."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    if not connection.settings_dict["OPTIONS"].get("prepare_threshold"):
        pytest.skip("turned off with KRING_DB_PREPARE_THRESHOLD=0")
    for _ in range(connection.settings_dict["OPTIONS"]["prepare_threshold"] + 1):
        django_user_model.objects.filter(username="nobody-here").exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [row[0] for row in cursor.fetchall()]
    asked = '"people_user"."username" = $'  # the value is a parameter, not in the text
    assert any(asked in statement for statement in statements), statements
