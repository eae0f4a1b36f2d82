from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "kring.topics"
    label = "topics"
