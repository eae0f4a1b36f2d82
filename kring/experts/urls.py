from django.urls import path

from kring.experts import views

app_name = "experts"

urlpatterns = [
    path("", views.who_knows_block, name="block"),
]
