from django.urls import path

from kring.topics import views

app_name = "topics"
urlpatterns = [
    path("people/autocomplete/", views.mention_autocomplete, name="autocomplete"),
    path("topics/<str:key>/", views.topic_detail, name="detail"),
    path("topics/<str:key>/merge/", views.topic_merge, name="merge"),
]
