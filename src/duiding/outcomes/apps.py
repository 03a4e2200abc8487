from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "duiding.outcomes"
    label = "outcomes"
    verbose_name = _("outcome")

    def ready(self):
        from duiding.activities.extensions import ActivitySection, register_activity_section
        from duiding.outcomes.views.outcome import outcome_section

        register_activity_section(
            ActivitySection(
                key="outcome", template="outcomes/_activity_section.html", context=outcome_section
            )
        )
