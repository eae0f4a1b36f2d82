"""The ASGI entry point: `kring serve` (gunicorn with uvicorn workers) serves this.

Pages are ordinary synchronous views, which Django runs in threads; the event stream
(/events/, kring/realtime) is asynchronous, so an open stream does not hold a worker.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
application = get_asgi_application()
