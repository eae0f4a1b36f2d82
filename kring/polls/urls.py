from django.urls import path

from kring.polls import views

# Included under /posts/ next to kring.posts.urls.
app_name = "polls"
urlpatterns = [
    path("<int:pk>/poll/", views.poll_detail, name="detail"),
    path("<int:pk>/poll/vote/", views.poll_vote, name="vote"),
]
