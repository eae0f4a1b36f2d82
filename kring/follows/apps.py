from django.apps import AppConfig


class FollowsConfig(AppConfig):
    name = "kring.follows"
    label = "follows"
