"""Template data of the decisions and actions part: what the item page, the detail page, the plan
van aanpak and the partner page show of decisions and improvement actions (simple tags that
return a dict: `{% item_decisions item user can_steer as d %}`)."""

from __future__ import annotations

from django import template
from django.utils import timezone

from duiding.reflections import decisions
from duiding.reflections.actions import selectors
from duiding.reflections.actions.forms import ActionForm, DecisionForm, LookBackForm
from duiding.reflections.permissions import can_update_action

register = template.Library()


@register.simple_tag
def item_decisions(item, user, can_steer=False) -> dict:
    activity, result = decisions.subject_of(item)
    has_subject = activity is not None or result is not None
    form = None
    if can_steer and has_subject:
        form = DecisionForm(activity=activity, result=result, auto_id=f"id_d{item.pk}_%s")
    return {
        "decisions": list(selectors.item_decisions(item)),
        "form": form,
        "has_subject": has_subject,
        "activity": activity,
        "result": result,
    }


@register.simple_tag
def item_actions(item, reflection, user, can_steer=False) -> dict:
    today = timezone.localdate()
    actions = list(selectors.item_actions(item, user))
    for action in actions:
        action.overdue = selectors.is_overdue(action, today)
        action.can_update = can_update_action(user, action)
    form = ActionForm(reflection=reflection, auto_id=f"id_a{item.pk}_%s") if can_steer else None
    return {"actions": actions, "form": form, "today": today}


@register.simple_tag
def reflection_actions(reflection, user, can_steer=False) -> dict:
    """The decisions and actions of the reflection, and the look back on earlier actions that
    came back on its agenda (with the figures that came in since)."""
    today = timezone.localdate()
    actions = list(selectors.reflection_actions(reflection, user))
    for action in actions:
        action.overdue = selectors.is_overdue(action, today)
        action.can_update = can_update_action(user, action)
    look_backs = []
    for item in reflection.items.filter(kind="action", action__isnull=False, included=True):
        action = item.action
        look_backs.append(
            {
                "item": item,
                "action": action,
                "overdue": selectors.is_overdue(action, today),
                "subject": selectors.subject_label(action),
                "figures": selectors.figures_since(action, user),
                "form": LookBackForm(
                    initial={"effect_note": action.effect_note},
                    auto_id=f"id_lb{action.pk}_%s",
                )
                if can_steer
                else None,
            }
        )
    return {
        "decisions": list(selectors.reflection_decisions(reflection)),
        "actions": actions,
        "look_backs": look_backs,
    }


@register.simple_tag
def programme_actions(programme, user) -> list:
    today = timezone.localdate()
    actions = list(selectors.programme_actions(programme, user))
    for action in actions:
        action.overdue = selectors.is_overdue(action, today)
        action.can_update = can_update_action(user, action)
    return actions


@register.filter
def action_subject(action) -> str:
    return selectors.subject_label(action)


@register.filter
def is_overdue(action) -> bool:
    return selectors.is_overdue(action)
