"""The ASGI entry point: `kring serve` (gunicorn with uvicorn workers) serves this.

Pages go through Django's WSGI handler in a pool of KRING_WEB_THREADS threads per process
(default 2); the event stream (/events/, kring/realtime) is asynchronous, so an open stream
does not hold a thread (kring/realtime/serving.py).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")

from kring.realtime.serving import serving_application, threads_from_environment  # noqa: E402

application = serving_application(
    threads=threads_from_environment(os.environ.get("KRING_WEB_THREADS"))
)
