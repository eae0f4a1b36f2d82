"""The benchmark's output: the machine, a table per run, the issue's targets, and JSON."""

import json
import os
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import psutil

from bench import READS, ROOT, TITLES

TARGET_CONCURRENCY = 8
TARGET_P95_MS = 150
TARGET_SEARCH_P95_MS = 100  # issue 5: a search's first page
TARGET_FLOOR_SHARE = 0.40
TARGET_WORKER_MB = 200


def machine() -> dict[str, Any]:
    """What ran the benchmark: cores, memory, CPU model, load, versions and commit."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "cpu": model or platform.processor(),
        "load_average_at_start": [round(n, 2) for n in os.getloadavg()],
        "python": platform.python_version(),
        "versions": {name: _version(name) for name in ("django", "gunicorn", "locust")},
        "commit": _commit(),
    }


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def _commit() -> str:
    try:
        done = subprocess.run(  # noqa: S603 (read-only git, no shell)
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "?"
    return done.stdout.strip() or "?"


def add_floor_ratios(results: list[dict[str, Any]]) -> None:
    """Give each run its req/s as a share of the floor's at that concurrency, and the same
    share computed from CPU time per request (steadier when other work shares the machine)."""
    for result in results:
        cores = result.get("server_cpu_cores", 0) + result.get("database_cpu_cores", 0)
        result["cpu_ms_per_request"] = (
            round(1000 * cores / result["rps"], 1) if result["rps"] and cores else None
        )
    floor = {r["concurrency"]: r for r in results if r["scenario"] == "floor"}
    for result in results:
        base = floor.get(result["concurrency"])
        result["floor_ratio"] = (
            round(result["rps"] / base["rps"], 2) if base and base["rps"] else None
        )
        costs = base and base.get("cpu_ms_per_request"), result.get("cpu_ms_per_request")
        result["floor_ratio_cpu"] = round(costs[0] / costs[1], 2) if all(costs) else None


def _cell(value: Any, suffix: str = "") -> str:
    return "-" if value is None else f"{value}{suffix}"


def other_cpu(result: dict[str, Any]) -> float | None:
    """Cores the machine spent on other work than this benchmark during the run."""
    parts = ("server_cpu_cores", "database_cpu_cores", "loadgen_cpu")
    if result.get("machine_cpu_cores") is None or any(result.get(p) is None for p in parts):
        return None
    return round(max(0.0, result["machine_cpu_cores"] - sum(result[p] for p in parts)), 2)


def table(results: list[dict[str, Any]]) -> str:
    """The runs as a plain-text table (also fine in Markdown)."""
    headers = (
        "scenario",
        "conc.",
        "req/s",
        "x floor",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "worker MB",
        "CPU ms/req",
        "x floor (CPU)",
        "CPU: server",
        "db",
        "load gen",
        "other",
    )
    rows = [
        (
            TITLES.get(r["scenario"], r["scenario"]),
            str(r["concurrency"]),
            _cell(r["rps"]),
            _cell(r.get("floor_ratio")),
            _cell(r["p50"]),
            _cell(r["p95"]),
            _cell(r["p99"]),
            str(r["errors"]),
            _cell(r.get("peak_rss_worker_mb")),
            _cell(r.get("cpu_ms_per_request")),
            _cell(r.get("floor_ratio_cpu")),
            _cell(r.get("server_cpu_cores")),
            _cell(r.get("database_cpu_cores")),
            _cell(r.get("loadgen_cpu")),
            _cell(other_cpu(r)),
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The issue's targets at concurrency 8, each with what was measured and whether it is met."""
    at = {r["scenario"]: r for r in results if r["concurrency"] == TARGET_CONCURRENCY}
    checks: list[dict[str, Any]] = []

    def check(name: str, measured: Any, met: bool | None) -> None:
        checks.append({"target": name, "measured": measured, "met": met})

    for scenario in ("home", "thread", "create_post"):
        run = at.get(scenario)
        p95 = run["p95"] if run else None
        check(
            f"{TITLES[scenario]}: p95 < {TARGET_P95_MS} ms at concurrency {TARGET_CONCURRENCY}",
            _cell(p95, " ms"),
            None if p95 is None else p95 < TARGET_P95_MS,
        )
    search = at.get("search")
    p95 = search["p95"] if search else None
    check(
        f"{TITLES['search']}: p95 < {TARGET_SEARCH_P95_MS} ms at concurrency {TARGET_CONCURRENCY}",
        _cell(p95, " ms"),
        None if p95 is None else p95 < TARGET_SEARCH_P95_MS,
    )
    for scenario in READS:
        run = at.get(scenario)
        ratio = run.get("floor_ratio") if run else None
        by_cpu = run.get("floor_ratio_cpu") if run else None
        measured = "-" if ratio is None else f"{ratio:.0%}"
        if by_cpu is not None:
            measured += f" (by CPU time per request: {by_cpu:.0%})"
        check(
            f"{TITLES[scenario]}: >= {TARGET_FLOOR_SHARE:.0%} of the floor's req/s",
            measured,
            None if ratio is None else ratio >= TARGET_FLOOR_SHARE,
        )
    peak = max((r.get("peak_rss_worker_mb") or 0 for r in results), default=0)
    check(
        f"memory per web worker < {TARGET_WORKER_MB} MB (peak RSS, all runs)",
        f"{peak} MB",
        (peak < TARGET_WORKER_MB) if results else None,
    )
    errors = sum(r["errors"] for r in results)
    check("no errors (all runs)", str(errors), (errors == 0) if results else None)
    return checks


def targets_text(checks: list[dict[str, Any]]) -> str:
    marks = {True: "met    ", False: "NOT MET", None: "not run"}
    return "\n".join(f"  {marks[c['met']]}  {c['target']}: {c['measured']}" for c in checks)


def write_json(path: Path, report: dict[str, Any]) -> Path:
    """Save the report (bench/results/<timestamp>.json) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, default=str) + "\n")
    return path
