from django.urls import path

from kring.questions import views

app_name = "questions"
urlpatterns = [
    path("", views.question_list, name="list"),
    path("suggestions/", views.question_suggestions, name="suggestions"),
    path("<int:pk>/accept/", views.answer_accept, name="accept"),
    path("answers/<int:pk>/vote/", views.answer_vote, name="vote"),
]
