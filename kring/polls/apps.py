from django.apps import AppConfig


class PollsConfig(AppConfig):
    name = "kring.polls"
    label = "polls"
