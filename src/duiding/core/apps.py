from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "duiding.core"
    label = "core"
