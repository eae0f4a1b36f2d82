from django.apps import AppConfig


class AnnouncementsConfig(AppConfig):
    name = "kring.announcements"
    label = "announcements"
