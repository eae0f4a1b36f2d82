from django.urls import path

from kring.follows import views

app_name = "follows"
urlpatterns = [
    path("follows/<str:kind>/<str:ident>/", views.follow_toggle, name="toggle"),
    path("people/<str:username>/following/", views.following_list, name="following"),
]
