from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "duiding.outcomes"
    label = "outcomes"
    verbose_name = _("outcome")

    def ready(self):
        from duiding.activities.extensions import ActivitySection, register_activity_section
        from duiding.outcomes.measurement_plans.plan import register as register_measurement_plans
        from duiding.outcomes.sections import activity_section
        from duiding.outcomes.views.entered import entered_section
        from duiding.outcomes.views.outcome import outcome_section

        register_activity_section(
            ActivitySection(
                key="questionnaires",
                template="outcomes/_activity_section.html",
                context=activity_section,
            )
        )
        register_activity_section(
            ActivitySection(
                key="entered_figures",
                template="outcomes/_entered_section.html",
                context=entered_section,
            )
        )
        register_activity_section(
            ActivitySection(
                key="outcome", template="outcomes/_outcome_section.html", context=outcome_section
            )
        )
        register_measurement_plans()
