"""URLs for test_outage: the real site plus views that lose the database mid-request."""

from django.db import InterfaceError, OperationalError
from django.urls import path

from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def connection_closed(request):
    raise InterfaceError("connection already closed")


def plain_bug(request):
    raise ValueError("a bug, not an outage")


urlpatterns = [
    path("outage/", database_gone),
    path("outage/closed/", connection_closed),
    path("outage/bug/", plain_bug),
    path("api/v1/outage/", database_gone),
    *site_urlpatterns,
]
