from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "duiding.outcomes"
    label = "outcomes"
    verbose_name = _("outcome")

    def ready(self):
        from duiding.outcomes.measurement_plans.plan import register as register_measurement_plans

        register_measurement_plans()
