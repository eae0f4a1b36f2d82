from django.urls import path

from kring.feeds import views

app_name = "feeds"
urlpatterns = [
    path("", views.home, name="home"),
    path("company/", views.company, name="company"),
    path("discover/", views.discover, name="discover"),
    path("feed/new/", views.news, name="news"),
]
