from django.apps import AppConfig


class SeedConfig(AppConfig):
    name = "kring.seed"
    label = "seed"
