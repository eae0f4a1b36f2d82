"""`kring bench recall`: how often search puts the known answer first or in the top 3.

Loads the recall set (kring/search/recall) into a throwaway database — a temporary SQLite
file, or a database `kring_recall` on the PostgreSQL server of --database-url that is
made and dropped here — indexes it with the real indexing code and runs every query
through `search_for` as a colleague who may see every item.
"""

import argparse
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from bench import BenchError

RECALL_DATABASE = "kring_recall"
DEV = "config.settings.dev"


def add_recall_step(steps: Any) -> None:
    recall = steps.add_parser("recall", help="recall@1 and @3 of search on the recall set")
    recall.add_argument(
        "--database-url",
        metavar="URL",
        default=None,
        help="a PostgreSQL server to use (a database kring_recall is made and dropped); "
        "default: $DATABASE_URL if it is PostgreSQL, else a temporary SQLite file",
    )
    recall.add_argument("--output", type=Path, default=None, help="where the JSON goes")


def _postgres_url(given: str | None) -> str | None:
    url = given or os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def _server_url(url: str, database: str) -> str:
    """The same server and user, another database."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def _recreate(url: str, *, drop_only: bool = False) -> None:
    import psycopg

    try:
        with psycopg.connect(_server_url(url, "postgres"), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {RECALL_DATABASE} WITH (FORCE)")
            if not drop_only:
                admin.execute(f"CREATE DATABASE {RECALL_DATABASE}")
    except psycopg.Error as error:
        raise BenchError(f"Cannot make the database {RECALL_DATABASE} on {url}: {error}") from None


def _django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = DEV
    os.environ["KRING_DB_POOL_MAX"] = "0"
    import django

    django.setup()


def _measure(backend: str) -> dict[str, Any]:
    from django.core.management import call_command

    from kring.search.recall.dataset import recall_set_load
    from kring.search.recall.measure import recall_measure

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    reader, owner = recall_set_load()
    return recall_measure(reader, owner, backend=backend).as_dict()


def print_report(report: dict[str, Any]) -> None:
    print(
        f"Recall on {report['backend']} ({report['queries']} queries): "
        f"@1 {report['recall_at_1']:.0%}, @3 {report['recall_at_3']:.0%}"
    )
    for category, figures in report["by_category"].items():
        print(
            f"  {category:<10} {figures['queries']:>3} queries  "
            f"@1 {figures['recall_at_1']:>5.0%}  @3 {figures['recall_at_3']:>5.0%}"
        )
    held_out = report["held_out"]
    print(
        f"  {'held out':<10} {held_out['queries']:>3} queries  "
        f"@1 {held_out['recall_at_1']:>5.0%}  @3 {held_out['recall_at_3']:>5.0%}  "
        "(written after tuning, never tuned against)"
    )
    if not report["misses"]:
        print("  No misses: every answer is in the top 3.")
    for miss in report["misses"]:
        where = f"at {miss['rank']}" if miss["rank"] else "not found"
        print(
            f"  miss: {miss['query']!r} ({miss['category']}"
            f"{', held out' if miss['held_out'] else ''}): {miss['answer']} {where}; "
            f"first: {', '.join(miss['found'][:3]) or '-'}"
        )


def command_recall(args: argparse.Namespace) -> int:
    from bench import RESULTS
    from bench.cli import timestamp

    postgres = _postgres_url(args.database_url)
    scratch = Path(tempfile.mkdtemp(prefix="kring-recall-"))
    if postgres:
        _recreate(postgres)
        env = {"DATABASE_URL": _server_url(postgres, RECALL_DATABASE)}
    else:
        env = {"DATABASE_URL": ""}
    env["KRING_VAR_DIR"] = str(scratch)  # the SQLite file and anything else written
    try:
        _django(env)
        report = _measure("postgresql" if postgres else "sqlite")
    finally:
        from django.db import connections

        connections.close_all()
        if postgres:
            _recreate(postgres, drop_only=True)
        from bench.cli import remove_dir

        remove_dir(scratch)
    print_report(report)
    output = args.output or RESULTS
    output.mkdir(parents=True, exist_ok=True)
    path = output / f"recall-{report['backend']}-{timestamp()}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Written to {path}")
    return 0
