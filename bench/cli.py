"""`kring bench` (and `python -m bench`): load test a production server, count queries."""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import RESULTS, ROOT, SCENARIOS, BenchError
from bench.recall import add_recall_step, command_recall

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/kring_scale"
PROD = "config.settings.prod"
SQLITE_NAME = "kring.sqlite3"  # what config/settings/database.py opens in KRING_VAR_DIR
# Starting locust and ending a run cost a few seconds on top of warm-up and duration.
RUN_OVERHEAD_S = 4
START_OVERHEAD_S = 180  # sign-in, server start, query counts
COUNTS_TIMEOUT_S = 600


def _concurrencies(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("give whole numbers, e.g. 1,8,32") from None
    if not values or any(v < 1 or v > 256 for v in values):
        raise argparse.ArgumentTypeError("each concurrency must be between 1 and 256")
    return values


def _scenarios(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = sorted(set(chosen) - set(SCENARIOS))
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(SCENARIOS)}")
    return [s for s in SCENARIOS if s in chosen]  # always in the standard order


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kring bench", description="Measure Kring under load; see bench/README.md."
    )
    steps = parser.add_subparsers(dest="step", metavar="STEP")
    run = steps.add_parser("run", help="load test a production server (the default step)")
    # Options may come before or after the step: the step's own copies keep no defaults,
    # or they would overwrite what was given before it (`kring bench --duration 5 run`).
    _run_options(run, argument_default=argparse.SUPPRESS)
    queries = steps.add_parser("queries", help="queries per page, small and large data set")
    _query_options(queries)
    counts = steps.add_parser("counts")  # internal: one database's counts as JSON
    counts.add_argument("--samples", type=int, default=12)
    add_recall_step(steps)
    _run_options(parser)
    return parser


def _database_option(parser: argparse.ArgumentParser, *names: str, **kwargs: Any) -> None:
    parser.add_argument(*names, metavar="URL", **kwargs)


def _run_options(parser: argparse.ArgumentParser, *, argument_default: Any = None) -> None:
    if argument_default is not None:
        parser = _DefaultsReplaced(parser, argument_default)
    _database_option(
        parser,
        "--database-url",
        default=None,
        help=(
            f"the seeded database (default: $DATABASE_URL, else {DEFAULT_DATABASE}); "
            f"sqlite:////DIR/{SQLITE_NAME} for an embedded one"
        ),
    )
    parser.add_argument("--concurrency", type=_concurrencies, default=[1, 8, 32])
    parser.add_argument("--duration", type=float, default=20, help="seconds measured per run")
    parser.add_argument("--warmup", type=float, default=2, help="seconds before measuring")
    parser.add_argument("--scenarios", type=_scenarios, default=list(SCENARIOS))
    parser.add_argument("--users", type=int, default=200, help="distinct colleagues (200)")
    parser.add_argument("--workers", type=int, default=None, help="$KRING_WEB_WORKERS, else 2")
    parser.add_argument("--max-minutes", type=float, default=20, help="time budget (20)")
    parser.add_argument("--seed", type=int, default=1, help="chooses the colleagues")
    _database_option(
        parser,
        "--small-database-url",
        default=os.environ.get("KRING_BENCH_SMALL_URL"),
        help="also compare query counts with this (small) data set ($KRING_BENCH_SMALL_URL)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="where the JSON goes")


class _DefaultsReplaced:
    """An argument parser whose add_argument puts `default` in place of each given default."""

    def __init__(self, parser: argparse.ArgumentParser, default: Any) -> None:
        self.parser, self.default = parser, default

    def add_argument(self, *names: str, **kwargs: Any) -> None:
        self.parser.add_argument(*names, **{**kwargs, "default": self.default})


def _query_options(parser: argparse.ArgumentParser) -> None:
    _database_option(
        parser, "--small", default=os.environ.get("KRING_BENCH_SMALL_URL"), help="small data set"
    )
    _database_option(parser, "--large", default=None, help="large data set (as for run)")
    parser.add_argument("--samples", type=int, default=12, help="colleagues per page (12)")


def _environment(database_url: str, workers: int) -> dict[str, str]:
    """The server's environment: production settings, a fresh secret key, the floor on."""
    env = {key: value for key, value in os.environ.items() if key != "KRING_HTTPS"}
    env.update(_database_environment(database_url))
    env.update(
        DJANGO_SETTINGS_MODULE=PROD,
        KRING_SECRET_KEY=secrets.token_urlsafe(50),
        KRING_BENCH="1",
        KRING_WEB_WORKERS=str(workers),
    )
    return env


def _database_environment(database_url: str) -> dict[str, str]:
    """DATABASE_URL for PostgreSQL; for `sqlite:////DIR/kring.sqlite3` the embedded database
    in DIR, with the settings Kring gives it (WAL, immediate transactions)."""
    if not database_url.startswith("sqlite:"):
        return {"DATABASE_URL": database_url}
    path = Path(database_url.removeprefix("sqlite:///"))
    if path.name != SQLITE_NAME or not path.is_file():
        raise BenchError(
            f"No Kring SQLite database at {path}: give sqlite:////DIR/{SQLITE_NAME} for the "
            "database that `KRING_VAR_DIR=DIR kring seed scale` filled (four slashes before an "
            "absolute path)."
        )
    return {"DATABASE_URL": "", "KRING_VAR_DIR": str(path.parent)}


def _django(env: dict[str, str]) -> None:
    """Set Django up in this process with the server's settings and database."""
    os.environ.update(env)
    os.environ.pop("KRING_HTTPS", None)
    # One connection at a time here: no pool (whose retries also hide a clear error).
    os.environ["KRING_DB_POOL_MAX"] = "0"
    import django

    django.setup()


def _database_url(given: str | None) -> str:
    return given or os.environ.get("DATABASE_URL") or DEFAULT_DATABASE


def command_run(args: argparse.Namespace) -> int:
    workers = args.workers or int(os.environ.get("KRING_WEB_WORKERS", "2") or 2)
    runs = len(args.scenarios) * len(args.concurrency)
    estimate = START_OVERHEAD_S + runs * (args.duration + args.warmup + RUN_OVERHEAD_S)
    if estimate > args.max_minutes * 60:
        raise BenchError(
            f"{runs} runs of {args.duration:.0f} s take about {estimate / 60:.1f} minutes, more "
            f"than --max-minutes {args.max_minutes:g}: shorten --duration or choose fewer "
            "--scenarios or --concurrency values."
        )
    env = _environment(_database_url(args.database_url), workers)
    _django(env)
    from bench.runner import Run

    deadline = time.monotonic() + args.max_minutes * 60
    report = Run(args=args, env=env, workers=workers, deadline=deadline).execute()
    return 1 if report["incomplete"] or report["query_counts_equal"] is False else 0


def command_counts(args: argparse.Namespace) -> int:
    """Internal: the counts for DATABASE_URL as one JSON line (a process per database)."""
    _django(_environment(os.environ.get("DATABASE_URL", DEFAULT_DATABASE), 1))
    from bench.plan import check_database
    from bench.queries import page_query_counts

    dataset = check_database()
    counts = page_query_counts(samples=args.samples)
    print(json.dumps({"dataset": vars(dataset), "counts": counts}))
    return 0


def counts_of(database_url: str, *, samples: int) -> dict[str, Any]:
    """Count the queries per page on `database_url`, in a process of its own."""
    env = {**os.environ, "DATABASE_URL": database_url}
    try:
        done = subprocess.run(  # noqa: S603 (our own module, no shell)
            [sys.executable, "-m", "bench", "counts", "--samples", str(samples)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=COUNTS_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BenchError(
            f"Counting queries on {database_url} took more than {COUNTS_TIMEOUT_S} s."
        ) from None
    if done.returncode:
        message = "\n".join(done.stderr.strip().splitlines()[-4:]) or "no output"
        raise BenchError(f"Counting queries on {database_url} failed: {message}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(counts: list[list[Any]]) -> str:
    """'12' when every sample needed as many queries, '11-13' when they differ."""
    numbers = sorted({row[0] for row in counts})
    if not numbers:
        return "-"
    return str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"


def counts_equal(small: dict[str, Any], large: dict[str, Any]) -> bool:
    """True when no page needs more or fewer queries on one data set in the same situation."""
    return not any(_verdict(small, large, name).startswith("MISMATCH") for name in SCENARIOS)


def _by_situation(rows: list[list[Any]]) -> dict[str, set[int]]:
    situations: dict[str, set[int]] = {}
    for queries, _status, situation in rows:
        situations.setdefault(situation, set()).add(queries)
    return situations


def _verdict(small: dict[str, Any], large: dict[str, Any], name: str) -> str:
    """'equal', 'MISMATCH' or 'not compared': counts of the same situations side by side."""
    a = _by_situation(small["counts"].get(name, []))
    b = _by_situation(large["counts"].get(name, []))
    common = sorted(a.keys() & b.keys())
    if not common:
        return "not compared (no situation on both sides)"
    if any(a[k] != b[k] for k in common):
        return "MISMATCH " + "; ".join(
            f"{k}: {sorted(a[k])} vs {sorted(b[k])}" for k in common if a[k] != b[k]
        )
    return f"equal ({len(common)} situation{'s' if len(common) > 1 else ''})"


def print_counts(small: dict[str, Any] | None, large: dict[str, Any]) -> bool:
    """Print the counts (side by side when there are two); True when nothing mismatches."""
    from bench import TITLES

    def size(d: dict[str, Any]) -> str:
        return f"{d['dataset']['users']} users, {d['dataset']['posts']} posts"

    if small is None:
        print(f"\nQueries per page ({size(large)}; compare with --small-database-url URL):")
    else:
        print(f"\nQueries per page (small: {size(small)}; large: {size(large)}):")
    width = max(len(t) for t in TITLES.values())
    for name in SCENARIOS:
        line = f"  {TITLES[name].ljust(width)}"
        if small is not None:
            line += f"  small {summary(small['counts'].get(name, [])):>6}"
        line += f"  large {summary(large['counts'].get(name, [])):>6}"
        if small is not None:
            line += f"  {_verdict(small, large, name)}"
        print(line)
    print(
        "  (a range: the sampled colleagues were in different situations, e.g. a guest or an\n"
        "  employee, a post in a group or in the company space; equal situations must match)"
    )
    if small is None:
        return True
    same = counts_equal(small, large)
    print("  Every page needs as many queries on both." if same else "  MISMATCH: see above.")
    return same


def command_queries(args: argparse.Namespace) -> int:
    large = _database_url(args.large)
    if not args.small:
        raise BenchError(
            "Give the small data set with --small URL (or KRING_BENCH_SMALL_URL), e.g. a database "
            "seeded with `DATABASE_URL=URL kring seed scale --preset small`."
        )
    small_counts = counts_of(args.small, samples=args.samples)
    large_counts = counts_of(large, samples=args.samples)
    return 0 if print_counts(small_counts, large_counts) else 1


def main(argv: list[str] | None = None) -> int:
    """Run `kring bench`; returns the exit code."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    # SIGTERM ends the run like Ctrl-C: the server is stopped and the data set restored.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    handlers = {
        "queries": command_queries,
        "counts": command_counts,
        "recall": command_recall,
    }
    try:
        return handlers.get(args.step, command_run)(args)
    except BenchError as error:
        print(f"kring bench: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kring bench: interrupted.", file=sys.stderr)
        return 130


def timestamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def private_dir() -> Path:
    """A directory only we can read (the plan holds session keys and tokens)."""
    return Path(tempfile.mkdtemp(prefix="kring-bench-"))


def remove_dir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
