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
