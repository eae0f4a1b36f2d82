"""The gunicorn worker class of `kring serve`: uvicorn, which ends open event streams as it stops.

uvicorn lets running responses finish when it stops (a restart, `--max-requests`), and an
event stream never finishes by itself: without this every restart would wait for
gunicorn's graceful timeout. Ended streams are opened again by the browsers at once, on
the processes that still (or by now) run, and they catch up (live.js).
"""

import sys

from gunicorn.arbiter import Arbiter
from uvicorn.server import Server
from uvicorn_worker import UvicornWorker

from kring.realtime.bus import bus


class _Server(Server):
    async def shutdown(self, sockets=None) -> None:
        bus().streams_end()
        await super().shutdown(sockets=sockets)


class StreamingUvicornWorker(UvicornWorker):
    """uvicorn_worker.UvicornWorker whose server ends this process's event streams first."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Requests still running after gunicorn's graceful timeout are cancelled by
        # uvicorn itself (their cleanup runs) rather than killed with the process.
        self.config.timeout_graceful_shutdown = max(1, self.cfg.graceful_timeout - 2)

    async def _serve(self) -> None:  # UvicornWorker._serve with our server class
        self.config.app = self.wsgi
        server = _Server(config=self.config)
        self._install_sigquit_handler()
        await server.serve(sockets=self.sockets)
        if not server.started:
            sys.exit(Arbiter.WORKER_BOOT_ERROR)
