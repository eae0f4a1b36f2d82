from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class SearchConfig(AppConfig):
    name = "kring.search"
    label = "search"

    def ready(self) -> None:
        # Every app that has a `search.py` registers its kinds there (decision 0020).
        autodiscover_modules("search")
