"""One benchmark run: sign colleagues in, start the server, load it scenario by scenario.

Runs with Django set up (bench/cli.py) on the server's own settings and database.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection

from bench import ROOT, TITLES, WRITES, BenchError, cli, plan, report
from bench.queries import page_query_counts
from bench.searches import SEARCHES
from bench.server import Meter, Server, free_port

LOADGEN_SLACK_S = 60
QUERY_SAMPLES = 12


def static_files_collected() -> bool:
    """True when collectstatic's manifest is newer than every static source file.

    Then the server starts without collecting again: compressing every file takes a
    minute or more on a small machine, for nothing.
    """
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.is_file():
        return False
    newest = 0.0
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            newest = max(newest, Path(storage.path(path)).stat().st_mtime)
    return manifest.stat().st_mtime >= newest


class Run:
    """Everything `kring bench run` does, with the clean-up in one place."""

    def __init__(
        self, *, args: argparse.Namespace, env: dict[str, str], workers: int, deadline: float
    ) -> None:
        self.args, self.env, self.workers, self.deadline = args, env, workers, deadline
        self.stamp = cli.timestamp()
        self.database = str(settings.DATABASES["default"]["NAME"])
        self.results: list[dict[str, Any]] = []
        self.notes: list[str] = []

    def execute(self) -> dict[str, Any]:
        """Measure every scenario at every concurrency; print and save the report."""
        started = datetime.now().astimezone()
        dataset = plan.check_database()
        where = Path(self.database).name
        print(
            f"kring bench: {dataset.server_version} database {where}: {dataset.users} users, "
            f"{dataset.groups} groups, {dataset.posts} posts, {dataset.replies} replies."
        )
        if dataset.vendor != "postgresql":
            self.notes.append("Not PostgreSQL: the targets are stated for PostgreSQL.")
        machine = report.machine()
        workdir = cli.private_dir()
        self.args.output.mkdir(parents=True, exist_ok=True)
        fresh = static_files_collected()
        server = Server(
            env=self.env,
            port=free_port(),
            log_path=self.args.output / f"{self.stamp}-server.log",
            collectstatic=not fresh,
        )
        the_plan = None
        try:
            print(f"kring bench: signing in {self.args.users} colleagues…")
            the_plan = plan.plan_create(users=self.args.users, seed=self.args.seed)
            self.notes.append(f"Thread scenario: {the_plan.thread_note}.")
            plan_path = workdir / "plan.json"
            plan_path.write_text(json.dumps(the_plan.for_locust()))
            plan_path.chmod(0o600)
            self._check_plan(the_plan)
            connection.close()  # idle during the runs; Django reopens it for the clean-ups
            print(
                f"kring bench: starting `kring serve` with {self.workers} workers on {server.url}"
                + ("…" if fresh else " (collecting static files first: a minute or more)…")
            )
            server.start(timeout=90 if fresh else 600)
            self._warm_up(server, the_plan)
            self._measure_all(server, plan_path, the_plan)
        finally:
            server.stop()
            if the_plan is not None:
                plan.plan_end(the_plan)
            cli.remove_dir(workdir)
        counts = small = None
        if time.monotonic() < self.deadline:
            print("kring bench: counting queries per page…")
            counts = {"dataset": vars(dataset), "counts": page_query_counts(samples=QUERY_SAMPLES)}
            if self.args.small_database_url:
                small = cli.counts_of(self.args.small_database_url, samples=QUERY_SAMPLES)
        else:
            self.notes.append("Queries per page not counted: the time budget was used up.")
        return self._finish(started, machine, dataset, counts, small)

    def _check_plan(self, the_plan: plan.Plan) -> None:
        for scenario in self.args.scenarios:
            fitting = sum(1 for i in the_plan.identities if i.get(scenario))
            if not fitting:
                raise BenchError(
                    f"No colleague in the data set fits the scenario {scenario!r}; "
                    "is the database seeded with groups, posts and replies?"
                )
            if fitting < len(the_plan.identities):
                self.notes.append(
                    f"{TITLES[scenario]}: {fitting} of {len(the_plan.identities)} colleagues "
                    "have something to do here (the others may not, e.g. guests)."
                )

    def _warm_up(self, server: Server, the_plan: plan.Plan) -> None:
        """Load every read page a few times so both workers have compiled their templates."""
        cookie_names = the_plan.for_locust()
        for number, identity in enumerate(the_plan.identities[:6]):
            for scenario in ("floor", "home", "company", "group", "thread", "profile", "search"):
                if not identity.get(scenario):
                    continue
                query = f"?{urlencode({'q': SEARCHES[number]})}" if scenario == "search" else ""
                request = urllib.request.Request(  # noqa: S310 (our own http URL)
                    server.url + identity[scenario] + query,
                    headers={"Cookie": f"{cookie_names['session_cookie']}={identity['session']}"},
                )
                try:
                    urllib.request.urlopen(request, timeout=60).close()  # noqa: S310
                except OSError as error:
                    raise BenchError(
                        f"Warming up, {identity[scenario]} failed: {error}. "
                        f"The server log ({server.log_path}) ends with:\n{server.log_tail()}"
                    ) from None

    def _measure_all(self, server: Server, plan_path: Path, the_plan: plan.Plan) -> None:
        per_run = self.args.duration + self.args.warmup + cli.RUN_OVERHEAD_S
        for concurrency in self.args.concurrency:
            for scenario in self.args.scenarios:
                if time.monotonic() + per_run > self.deadline:
                    self.notes.append(
                        f"Stopped before {scenario} at concurrency {concurrency}: "
                        f"the time budget of {self.args.max_minutes:g} minutes was used up."
                    )
                    return
                result = self._measure(server, plan_path, scenario, concurrency)
                self.results.append(result)
                print(
                    f"  {TITLES[scenario]:<22} c={concurrency:<3} {result['rps']:>7} req/s  "
                    f"p95 {result['p95']} ms  errors {result['errors']}",
                    flush=True,
                )
                if scenario in WRITES:
                    plan.writes_undo(the_plan)
                    connection.close()

    def _measure(
        self, server: Server, plan_path: Path, scenario: str, users: int
    ) -> dict[str, Any]:
        """Run the load generator for one scenario while metering the server."""
        command = [sys.executable, "-m", "bench.loadgen", "--plan", str(plan_path)]
        command += ["--host", server.url, "--scenario", scenario, "--users", str(users)]
        command += ["--duration", str(self.args.duration), "--warmup", str(self.args.warmup)]
        timeout = self.args.duration + self.args.warmup + LOADGEN_SLACK_S
        with Meter(server, self.database) as meter:
            loadgen = subprocess.Popen(  # noqa: S603 (our own module, no shell)
                command,
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,  # Ctrl-C reaches us; we end it
            )
            try:
                out, err = loadgen.communicate(timeout=timeout)
            except BaseException:
                loadgen.kill()
                loadgen.communicate()
                raise
        if loadgen.returncode or not out.strip():
            tail = "\n".join(err.strip().splitlines()[-15:])
            raise BenchError(f"The load generator failed on {scenario}:\n{tail}")
        if server.process is None or server.process.poll() is not None:
            raise BenchError(f"The server stopped during {scenario}:\n{server.log_tail()}")
        drained = server.drain()
        result = json.loads(out.strip().splitlines()[-1])
        return {**result, **meter.result(result.get("window")), "drain_s": drained}

    def _finish(
        self,
        started: datetime,
        machine: dict[str, Any],
        dataset: plan.Dataset,
        counts: dict[str, Any] | None,
        small: dict[str, Any] | None,
    ) -> dict[str, Any]:
        report.add_floor_ratios(self.results)
        checks = report.targets(self.results)
        data = {
            "started": started.isoformat(timespec="seconds"),
            "machine": {**machine, "load_average_at_end": [round(n, 2) for n in os.getloadavg()]},
            "dataset": vars(dataset),
            "settings": {
                "workers": self.workers,
                "users": self.args.users,
                "duration_s": self.args.duration,
                "warmup_s": self.args.warmup,
                "concurrency": self.args.concurrency,
                "scenarios": self.args.scenarios,
                "seed": self.args.seed,
            },
            "results": self.results,
            "targets": checks,
            "query_counts": counts,
            "query_counts_small": small,
            "query_counts_equal": None if small is None else cli.counts_equal(small, counts),
            "notes": self.notes,
            "incomplete": any("time budget" in n for n in self.notes),
        }
        print()
        print(report.table(self.results))
        print(f"\nTargets (concurrency {report.TARGET_CONCURRENCY}, {self.workers} web workers):")
        print(report.targets_text(checks))
        for note in self.notes:
            print(f"  note: {note}")
        if counts is not None:
            cli.print_counts(small, counts)
        path = report.write_json(self.args.output / f"{self.stamp}.json", data)
        print(
            f"\nkring bench: saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
        )
        return data
