from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReflectionsConfig(AppConfig):
    name = "duiding.reflections"
    label = "reflections"
    verbose_name = _("duidingssessies")

    def ready(self):
        from duiding.reflections.actions.plan import register as register_actions

        register_actions()
