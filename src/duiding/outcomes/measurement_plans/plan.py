"""The measurement plans in the plan van aanpak of `activities`, registered through
`activities.extensions` (`register()` runs in `OutcomesConfig.ready`):

- the plan page's section "Stap 5 Outcome: meetplan" (after step 4), and on the partner page the
  scales above the programmes and the measurement plan inside each activity; the activities'
  `measurement_plans` are prefetched with the plan;
- the "Meetplan" sheet of the plan's Excel export (after Kwaliteitsafspraken);
- the history kind "meetplan": recorded, deleted with the activity and restored like the plan's
  own items; a restore is refused while the activity's plan has that outcome again;
- "Meetplan: …" on the activity's delete confirmation.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from duiding.activities import extensions
from duiding.activities.models import PlanChange
from duiding.core.history import RestoreError
from duiding.outcomes.measurement_plans.services import same_measure
from duiding.outcomes.measures import MEASURE_SCALES, MEASUREMENT_COLUMNS
from duiding.outcomes.models import MeasurementPlan

TEMPLATES = "outcomes/measurement_plans/"


def section_context(request) -> dict:
    return {"scales": list(MEASURE_SCALES.values()), "columns": MEASUREMENT_COLUMNS}


def scale_text(measure: str) -> str:
    """The scale of a standard measure in one cell: "indicator — question: (1) …; (2) …"."""
    scale = MEASURE_SCALES.get(measure)
    if scale is None:
        return ""
    points = "; ".join(scale.point_texts)
    parts = [str(scale.indicator)]
    if scale.question:
        question = str(scale.question)
        if points:
            question = f"{question} {points}" if question.endswith(":") else f"{question}: {points}"
        parts.append(question)
    return " — ".join(parts)


def measurement_sheet(plan) -> list:
    """The sheet "Meetplan": per activity of the plan its rows, in the seed's columns."""
    header = [_("Activiteit"), _("Partner"), *map(str, MEASUREMENT_COLUMNS), _("Schaal")]
    rows = [
        [
            item.activity.name,
            item.activity.organisation.name,
            m.display,
            m.how,
            m.how_often,
            m.get_from_whom_display(),
            m.attention_points,
            scale_text(m.measure),
        ]
        for item in plan.activities
        for m in item.activity.measurement_plans.all()
    ]
    return [(_("Meetplan"), header, rows)]


def check_restore(plan: MeasurementPlan) -> None:
    if same_measure(plan).exists():
        raise RestoreError(_("Deze outcome staat al in het meetplan van deze activiteit."))


def delete_items(activity) -> list[str]:
    return [m.display for m in activity.measurement_plans.all()]


def register() -> None:
    extensions.register_plan_section(
        extensions.PlanSection(
            key="measurement_plans",
            template=TEMPLATES + "plan_section.html",
            context=section_context,
            partner_template=TEMPLATES + "partner_scales.html",
            activity_template=TEMPLATES + "partner_activity.html",
            prefetch=("measurement_plans",),
        )
    )
    extensions.register_plan_sheet(
        extensions.PlanSheet(key="measurement_plans", sheets=measurement_sheet)
    )
    extensions.register_plan_history_kind(
        extensions.PlanHistoryKind(
            kind=PlanChange.Kind.MEASUREMENT,
            model=MeasurementPlan,
            label=lambda plan: plan.label,
            check_restore=check_restore,
        )
    )
    extensions.register_activity_delete_items(
        extensions.ActivityDeleteItems(
            key="measurement_plans", label=gettext_lazy("Meetplan"), items=delete_items
        )
    )
