from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "kring.feeds"
    label = "feeds"
