"""Sessions (kring.core.sessions): Django's database sessions, read with compiled SQL."""

from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from kring.core.sessions import SessionStore


def test_session_store_returns_if_loaded_what_djangos_store_saved(db):
    saved = DjangoStore()
    saved["kring"] = {"tab": "foryou", "n": 3}
    saved.create()
    loaded = SessionStore(session_key=saved.session_key)
    assert loaded["kring"] == {"tab": "foryou", "n": 3}
    assert loaded.session_key == saved.session_key


def test_session_store_returns_nothing_if_the_session_expired(db):
    store = SessionStore()
    store["kring"] = "oud"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    again = SessionStore(session_key=store.session_key)
    assert again.load() == {}
    assert again.session_key is None  # as Django's: an expired key is not reused


def test_session_store_returns_nothing_if_the_key_is_unknown(db):
    assert SessionStore(session_key="x" * 32).load() == {}


def test_session_signs_out_if_the_session_expired(world, client_for):
    client = client_for(world.member)
    assert client.get(reverse("feeds:home")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("feeds:home"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
