from django.apps import AppConfig


class ExpertsConfig(AppConfig):
    """ "Wie weet hier meer van?": colleagues who know a subject, and what shows it."""

    name = "kring.experts"
    label = "experts"
