from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "kring.groups"
    label = "groups"
