from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "kring.conversations"
    label = "conversations"
