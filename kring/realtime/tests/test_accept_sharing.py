"""`kring serve`'s workers share a burst of new connections (kring/realtime/worker.py).

All workers wait on one listening socket. Without the sharing event loop, the worker that
wakes first accepted every waiting connection, and a keep-alive connection stays with the
worker that took it: eight browsers arriving at once were all served by one process (one
core), while the other idled. Measured before the change: all 8 on one of 2 workers in 14
of 25 bursts.
"""

import os
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from kring.cli import WORKER_CLASS
from kring.core.tests import processes

BURSTS = 20
CONNECTIONS = 8


@pytest.fixture
def two_workers(tmp_path):
    """gunicorn with two of `kring serve`'s workers, on an application that names its process."""
    port = processes.free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and modules)
        [
            *(sys.executable, "-m", "gunicorn", "kring.realtime.tests.pid_app:application"),
            *("--worker-class", WORKER_CLASS, "--workers", "2", "--bind", f"127.0.0.1:{port}"),
            "--no-control-socket",
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        stdout=log,
        stderr=log,
    )
    try:
        _wait_for_workers(port, server, tmp_path / "gunicorn.log")
        yield port
    finally:
        processes.stop(server)


def _wait_for_workers(port: int, server: subprocess.Popen, log: Path) -> None:
    """Wait until both workers have started and the server answers."""
    deadline = time.monotonic() + processes.TIMEOUT
    while True:
        assert server.poll() is None, f"gunicorn stopped:\n{log.read_text()}"
        assert time.monotonic() < deadline, f"gunicorn did not start:\n{log.read_text()}"
        if log.read_text().count("Application startup complete") == 2:
            try:
                _burst(port, connections=1)
            except OSError:
                pass
            else:
                return
        time.sleep(0.1)


def _burst(port: int, *, connections: int) -> list[str]:
    """Open `connections` connections at once, then ask one request on each; who answered each."""
    sockets = []
    try:
        for _ in range(connections):
            sock = socket.socket()
            sock.setblocking(False)
            sock.connect_ex(("127.0.0.1", port))
            sockets.append(sock)
        time.sleep(0.2)  # every connection is waiting to be accepted, or accepted
        answers = []
        for sock in sockets:
            sock.setblocking(True)
            sock.settimeout(10)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            answer = b""
            while chunk := sock.recv(4096):
                answer += chunk
            answers.append(answer.partition(b"\r\n\r\n")[2].decode())
        return answers
    finally:
        for sock in sockets:
            sock.close()


def test_both_workers_serve_a_burst_of_new_connections(two_workers):
    # Measured over 40 bursts each: with the sharing event loop the smaller share was 4 of
    # 8 in 38 and 3 in 2 (on average 3.95); with uvicorn's plain worker 1 in 4, 2 in 11,
    # 3 in 15 and 4 in 10 (2.8), and in the benchmark often 0. The average decides, not
    # each burst: a busy machine (the suite runs in parallel) may now and then not wake the
    # other worker in time, so the two lowest bursts are left out (one burst of 0 among
    # twenty 4s and 3s moved the plain average from 3.5 to 3.3 on a busy machine; plain
    # uvicorn stays near 3.0 without its two lowest).
    port = two_workers
    smaller_shares = []
    for _ in range(BURSTS):
        served_by = _burst(port, connections=CONNECTIONS)
        assert len(served_by) == CONNECTIONS
        # Each connection's request is served by the worker that accepted it.
        shares = Counter(served_by)
        smaller_shares.append(min(shares.values()) if len(shares) == 2 else 0)
        time.sleep(0.2)  # the closed connections are gone from both workers
    kept = sorted(smaller_shares)[2:]
    average = sum(kept) / len(kept)
    assert average >= 3.4, f"the smaller worker's shares of {CONNECTIONS}: {smaller_shares}"
