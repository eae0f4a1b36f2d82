from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "kring.questions"
    label = "questions"
