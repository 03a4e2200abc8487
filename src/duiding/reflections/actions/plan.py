"""The improvement actions in the plan van aanpak (step 6 of appendix 6, "Verbeteracties"),
registered through `activities.extensions` in `ReflectionsConfig.ready`:

- the plan page's section "Stap 6 Verbeteracties" (the programme's actions and the decisions on
  its activities), on the partner page the open actions of my organisations above the programmes
  and, inside each activity, the actions about it (the activities' `improvement_actions` are
  prefetched with the plan);
- the "Verbeteracties" sheet of the plan's Excel export;
- on the activity page: the decisions of duidingssessies and the actions about the activity.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.activities import extensions
from duiding.reflections.actions import selectors
from duiding.reflections.models import ImprovementAction
from duiding.reflections.permissions import can_update_action, visible_actions

TEMPLATES = "reflections/actions/"


def section_context(request) -> dict:
    user = getattr(request, "user", None)
    mine = selectors.my_actions(user) if user is not None and user.is_authenticated else []
    return {
        "mine": [a for a in mine if a.status in selectors.OPEN_STATUSES],
        "today": timezone.localdate(),
    }


def actions_sheet(plan) -> list:
    header = [
        _("Wat"),
        _("Wie (organisatie)"),
        _("Wie (persoon)"),
        _("Wanneer klaar"),
        _("Status"),
        _("Klaar op"),
        _("Over"),
        _("Duidingssessie"),
        _("Zien we al effect?"),
    ]

    actions = (
        ImprovementAction.objects.filter(programme=plan.programme)
        .select_related(
            "owner_organisation", "owner_user", "reflection", "indicator", "result", "activity"
        )
        .order_by("due_date", "pk")
    )
    rows = [
        [
            a.description,
            a.owner_organisation.name,
            a.owner_user.display_name if a.owner_user else "",
            a.due_date,
            str(a.get_status_display()),
            a.done_at,
            selectors.subject_label(a),
            a.reflection.title if a.reflection else "",
            a.effect_note,
        ]
        for a in actions
    ]
    return [(_("Verbeteracties"), header, rows)]


def activity_section(request, activity) -> dict | None:
    actions = list(
        visible_actions(request.user).filter(activity=activity).select_related("owner_organisation")
    )
    decisions = list(selectors.decisions_of_activity(activity))
    if not actions and not decisions and not activity.stopped_on:
        return None
    for action in actions:
        action.overdue = selectors.is_overdue(action)
        action.can_update = can_update_action(request.user, action)
    return {"actions": actions, "decisions": decisions, "activity": activity}


def register() -> None:
    extensions.register_plan_section(
        extensions.PlanSection(
            key="improvement_actions",
            template=TEMPLATES + "plan_section.html",
            context=section_context,
            partner_template=TEMPLATES + "partner_actions.html",
            activity_template=TEMPLATES + "partner_activity.html",
            prefetch=("improvement_actions",),
        )
    )
    extensions.register_plan_sheet(
        extensions.PlanSheet(key="improvement_actions", sheets=actions_sheet)
    )
    extensions.register_activity_section(
        extensions.ActivitySection(
            key="improvement_actions",
            template=TEMPLATES + "activity_section.html",
            context=activity_section,
        )
    )
