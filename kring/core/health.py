"""/healthz: may a load balancer send people to this web process?"""

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from kring.core.worker import STALE_AFTER_SECONDS, newest_heartbeat_age


@login_not_required
@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer 200 while the database answers (503 when not), with the newest worker heartbeat's age.

    `status` is "ok", "degraded" (no worker has beaten for a minute: pages work, e-mail and
    other background work wait) or "error" (no database). Nothing else is revealed, no
    sign-in is needed, and no session or cookie is touched.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        age = newest_heartbeat_age()
    except DatabaseError:
        body = {"database": "error", "worker_heartbeat_age_seconds": None, "status": "error"}
        return JsonResponse(body, status=503, headers={"Retry-After": "30"})
    worker_ok = age is not None and age <= STALE_AFTER_SECONDS
    body = {
        "database": "ok",
        "worker_heartbeat_age_seconds": None if age is None else round(age),
        "status": "ok" if worker_ok else "degraded",
    }
    return JsonResponse(body, status=200)
