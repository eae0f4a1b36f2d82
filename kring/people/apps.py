from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kring.people"
    label = "people"
