"""The server under test: `kring serve` on a free loopback port, and what it costs (RSS, CPU)."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

from bench import ROOT, BenchError

READY_PATHS = ("/healthz", "/accounts/login/")
STOP_GRACE_SECONDS = 15
MB = 1024 * 1024


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`kring serve` in its own process group, logging to `log_path`."""

    def __init__(
        self, *, env: dict[str, str], port: int, log_path: Path, collectstatic: bool = True
    ) -> None:
        self.env, self.port, self.log_path = env, port, log_path
        self.collectstatic = collectstatic
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def start(self, *, timeout: float = 90) -> None:
        """Start the server and wait until it answers; BenchError with its log if it does not."""
        env = {**self.env, "KRING_BIND": f"127.0.0.1:{self.port}"}
        command = [sys.executable, "-m", "kring.cli", "serve"]
        if not self.collectstatic:
            command.append("--no-collectstatic")
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own command, no shell)
                command,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(
                    f"The server stopped at start (exit code {self.process.returncode}). "
                    f"Its log ({self.log_path}) ends with:\n{self.log_tail()}"
                )
            if self.answers():
                return
            time.sleep(0.5)
        raise BenchError(
            f"The server did not answer on {self.url} within {timeout:.0f} s"
            f"{' (collecting static files first)' if self.collectstatic else ''}. "
            f"Its log ({self.log_path}) ends with:\n{self.log_tail()}"
        )

    def answers(self) -> bool:
        """True once /healthz (or, without it, the sign-in page) answers 200."""
        for path in READY_PATHS:
            try:
                with urllib.request.urlopen(self.url + path, timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return True
            except urllib.error.HTTPError:
                continue  # e.g. no /healthz yet: try the sign-in page
            except OSError:
                return False
        return False

    def log_tail(self, lines: int = 25) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """SIGTERM to the whole group (gunicorn finishes its requests), SIGKILL after a grace."""
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.poll() is None:
            _signal_group(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                _signal_group(process.pid, signal.SIGKILL)
                process.wait()
        _signal_group(process.pid, signal.SIGKILL)  # stragglers, if any

    def drain(self, *, timeout: float = 180) -> float:
        """Wait until the workers are idle again; return the seconds waited.

        Locust stops its users at the end of a run, but requests already queued at the
        server are still served; the next run must not pay for them.
        """
        started = time.monotonic()
        quiet = 0
        while quiet < 2 and time.monotonic() - started < timeout:
            before = _cpu_seconds(self.tree())
            time.sleep(0.5)
            quiet = quiet + 1 if _cpu_seconds(self.tree()) - before < 0.05 else 0
        return round(time.monotonic() - started, 1)

    def tree(self) -> list[psutil.Process]:
        """The server's processes: the gunicorn master and its workers."""
        if self.process is None:
            return []
        try:
            root = psutil.Process(self.process.pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def database_backends(name: str) -> list[psutil.Process]:
    """PostgreSQL's server processes for connections to the database `name` on this machine."""
    found = []
    for process in psutil.process_iter(["name", "cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if cmdline.startswith("postgres: ") and f" {name} " in cmdline:
            found.append(process)
    return found


def _machine_busy_seconds() -> float:
    """CPU seconds the whole machine spent on anything but idling, all cores together."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def _signal_group(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signum)


class _CpuLedger:
    """CPU seconds of a changing set of processes: each one counted from when it was first
    seen (or from zero if it started during the run) to when it was last seen alive."""

    def __init__(self) -> None:
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}

    def note(self, processes: list[psutil.Process], *, new_from_zero: bool) -> None:
        for process in processes:
            try:
                times = process.cpu_times()
            except psutil.Error:
                continue
            seconds = times.user + times.system
            self.first.setdefault(process.pid, 0.0 if new_from_zero else seconds)
            self.last[process.pid] = seconds

    def seconds(self) -> float:
        return sum(self.last[pid] - self.first[pid] for pid in self.last)


class Meter:
    """During a run: the server's peak memory (RSS) and the CPU used by the server, by the
    database's backends and by the whole machine, in cores (CPU seconds per second), also
    for just the measured window (`result(window)`)."""

    def __init__(self, server: Server, database: str, interval: float = 0.25) -> None:
        self.server, self.database, self.interval = server, database, interval
        self.peak_total = self.peak_worker = 0
        self.cpu: dict[str, float] = {}
        self._server, self._database = _CpuLedger(), _CpuLedger()
        self.timeline: list[tuple[float, float, float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "Meter":
        self._server.note(self.server.tree(), new_from_zero=False)
        self._database.note(database_backends(self.database), new_from_zero=False)
        self._machine = _machine_busy_seconds()
        self._started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._server.note(self.server.tree(), new_from_zero=True)
        self._database.note(database_backends(self.database), new_from_zero=True)
        elapsed = time.monotonic() - self._started
        self.cpu = {
            "server": self._server.seconds() / elapsed,
            "database": self._database.seconds() / elapsed,
            "machine": (_machine_busy_seconds() - self._machine) / elapsed,
        }

    def _sample(self) -> None:
        rounds = 0
        while not self._stop.is_set():
            tree = self.server.tree()
            self._server.note(tree, new_from_zero=True)
            if rounds % 4 == 0:  # finding the database's processes reads all of /proc
                self._database.note(database_backends(self.database), new_from_zero=True)
            total = 0
            for position, process in enumerate(tree):
                with contextlib.suppress(psutil.Error):
                    rss = process.memory_info().rss
                    total += rss
                    if position:  # the master (first) only supervises; the rest serve
                        self.peak_worker = max(self.peak_worker, rss)
            self.peak_total = max(self.peak_total, total)
            self.timeline.append(
                (
                    time.time(),
                    self._server.seconds(),
                    self._database.seconds(),
                    _machine_busy_seconds(),
                )
            )
            rounds += 1
            self._stop.wait(self.interval)

    def _cores_in(self, window: list[float] | None) -> dict[str, float]:
        """CPU cores between the first and the last sample inside `window` (wall clock)."""
        if not window:
            return self.cpu
        inside = [s for s in self.timeline if window[0] <= s[0] <= window[1]]
        if len(inside) < 2 or inside[-1][0] <= inside[0][0]:
            return self.cpu
        first, last = inside[0], inside[-1]
        elapsed = last[0] - first[0]
        names = ("server", "database", "machine")
        return {name: (last[i + 1] - first[i + 1]) / elapsed for i, name in enumerate(names)}

    def result(self, window: list[float] | None = None) -> dict[str, float]:
        cores = self._cores_in(window)
        return {
            "peak_rss_total_mb": round(self.peak_total / MB, 1),
            "peak_rss_worker_mb": round(self.peak_worker / MB, 1),
            "server_cpu_cores": round(cores.get("server", 0.0), 2),
            "database_cpu_cores": round(cores.get("database", 0.0), 2),
            "machine_cpu_cores": round(cores.get("machine", 0.0), 2),
        }
