"""One scenario at one concurrency, driven by locust; prints its numbers as one JSON line.

Run by `kring bench` in a process of its own (locust patches the standard library with
gevent, which the Django side of the harness must not get):
`python -m bench.loadgen --plan PLAN --host URL --scenario home --users 8 --duration 20`.
"""

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter

import gevent
import psutil

LATENCY_QUANTILES = {"p50": 50, "p95": 95, "p99": 99}


def percentiles(samples_ms: list[float]) -> dict[str, float | None]:
    """p50, p95 and p99 of the response times (inclusive method: exact on small samples)."""
    if len(samples_ms) < 2:
        only = samples_ms[0] if samples_ms else None
        return dict.fromkeys(LATENCY_QUANTILES, only)
    cuts = statistics.quantiles(samples_ms, n=100, method="inclusive")
    return {name: round(cuts[q - 1], 1) for name, q in LATENCY_QUANTILES.items()}


def measure(*, scenario: str, host: str, users: int, duration: float, warmup: float) -> dict:
    """Run `users` locust users back to back; count only what finishes in the window."""
    from locust.env import Environment

    from bench.locustfile import USERS

    window: dict[str, float] = {}
    times: list[float] = []
    errors: Counter[str] = Counter()

    def on_request(response_time: float, exception: object = None, **_: object) -> None:
        now = time.monotonic()
        if "start" in window and window["start"] <= now <= window.get("end", float("inf")):
            times.append(response_time)
            if exception is not None:
                errors[str(exception)[:120]] += 1

    environment = Environment(user_classes=[USERS[scenario]], host=host)
    environment.events.request.add_listener(on_request)
    runner = environment.create_local_runner()
    me = psutil.Process()
    runner.start(users, spawn_rate=users)
    gevent.sleep(warmup)
    window["start"], window["wall_start"] = time.monotonic(), time.time()
    cpu_start = sum(me.cpu_times()[:2])
    gevent.sleep(duration)
    window["end"], window["wall_end"] = time.monotonic(), time.time()
    cpu = (sum(me.cpu_times()[:2]) - cpu_start) / (window["end"] - window["start"])
    runner.quit()
    elapsed = window["end"] - window["start"]
    return {
        "scenario": scenario,
        "concurrency": users,
        "duration_s": round(elapsed, 2),
        "requests": len(times),
        "rps": round(len(times) / elapsed, 1),
        **percentiles(times),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors.most_common(5)),
        "loadgen_cpu": round(cpu, 2),
        # Wall-clock bounds, so the harness can take the server's CPU over the same window.
        "window": [window["wall_start"], window["wall_end"]],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", required=True)
    parser.add_argument("--host", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--warmup", type=float, default=2.0)
    args = parser.parse_args(argv)
    os.environ["KRING_BENCH_PLAN"] = args.plan
    result = measure(
        scenario=args.scenario,
        host=args.host,
        users=args.users,
        duration=args.duration,
        warmup=args.warmup,
    )
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
