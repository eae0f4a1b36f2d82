from django.apps import AppConfig


class ReactionsConfig(AppConfig):
    name = "kring.reactions"
    label = "reactions"
