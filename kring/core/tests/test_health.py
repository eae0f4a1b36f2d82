"""/healthz tells a load balancer whether this web process can serve, and nothing more."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from kring.core.models import WorkerHeartbeat
from kring.core.worker import heartbeat_beat


def _beat(worker_id: str, *, seconds_ago: float) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname="worker-1",
        pid=1234,
        started_at=now - timedelta(hours=1),
        seen_at=now - timedelta(seconds=seconds_ago),
    )


def test_healthz_returns_ok_if_database_answers_and_a_worker_beat_just_now(db):
    heartbeat_beat(worker_id="w-fresh", started_at=timezone.now())
    response = Client().get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["status"] == "ok"
    assert 0 <= body["worker_heartbeat_age_seconds"] < 60


def test_healthz_returns_newest_heartbeat_if_several_workers_beat(db):
    _beat("w-old", seconds_ago=300)
    _beat("w-new", seconds_ago=12)
    body = Client().get("/healthz").json()
    assert 12 <= body["worker_heartbeat_age_seconds"] < 60  # the newer one counts
    assert body["status"] == "ok"


def test_healthz_returns_degraded_if_no_worker_beat_for_over_a_minute(db):
    _beat("w-gone", seconds_ago=120)
    response = Client().get("/healthz")
    assert response.status_code == 200  # pages still work: keep sending people here
    body = response.json()
    assert body["database"] == "ok"
    assert body["status"] == "degraded"
    assert 120 <= body["worker_heartbeat_age_seconds"] < 180


def test_healthz_returns_degraded_if_no_worker_ever_beat(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["worker_heartbeat_age_seconds"] is None
    assert response.json()["status"] == "degraded"


def test_healthz_passes_if_signed_out_without_setting_cookies(db):
    response = Client().get("/healthz")
    assert response.status_code == 200  # no redirect to the sign-in page
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reveals_nothing_else_if_signed_in_as_site_admin(world, client_for):
    _beat("w", seconds_ago=1)
    body = client_for(world.site_admin).get("/healthz").json()
    assert set(body) == {"database", "worker_heartbeat_age_seconds", "status"}


def test_healthz_fails_with_405_if_posted_to(db):
    assert Client().post("/healthz").status_code == 405
