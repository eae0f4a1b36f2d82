from django.urls import path

from kring.announcements import views

app_name = "announcements"
urlpatterns = [
    path("leaders/", views.leaders, name="leaders"),
    path("<int:pk>/read/", views.announcement_read, name="read"),
    path("<int:pk>/reads/", views.announcement_reads, name="reads"),
    path("<int:pk>/unpin/", views.announcement_unpin, name="unpin"),
]
