from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "kring.files"
    label = "files"
