from django.urls import path

from kring.realtime import views

app_name = "realtime"
urlpatterns = [
    path("events/", views.events, name="events"),
]
