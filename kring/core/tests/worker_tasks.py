"""A task for test_worker_recovery: it blocks until told to finish, so a test can kill its worker."""

import time
from pathlib import Path

from django.tasks import task


@task
def wait_for_release(*, started: str, release: str) -> int:
    """Note each attempt in `started`, wait (at most a minute) for `release`; return the attempts."""
    with Path(started).open("a") as log:
        log.write("attempt\n")
    deadline = time.monotonic() + 60
    while not Path(release).exists():
        if time.monotonic() > deadline:
            raise TimeoutError("nobody released the task")
        time.sleep(0.05)
    return len(Path(started).read_text().splitlines())
