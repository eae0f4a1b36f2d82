from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "kring.knowledge"
    label = "knowledge"
