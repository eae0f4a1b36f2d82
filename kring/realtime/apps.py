from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "kring.realtime"
    label = "realtime"

    def ready(self) -> None:
        from kring.realtime import bus  # noqa: F401 (connects its setting_changed receiver)
