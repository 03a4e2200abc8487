"""The routes of the duidingssessies for `all_pages`: role and keys from the demo.

Each part of the app adds its routes to `reflection_routes` (role, kwargs) and its non-pages to
`REFLECTION_NOT_PAGES` (kind, reason), the same way as in all_pages.py.
"""

from __future__ import annotations

from duiding.demo.reflections import HELD_TITLE, NEXT_TITLE
from duiding.reflections.models import ImprovementAction, Reflection

# Route name -> (what it is, why it is not checked), merged into all_pages.NOT_PAGES.
REFLECTION_NOT_PAGES: dict[str, tuple[str, str]] = {
    # agenda
    "reflections:rebuild": ("post-only", "the button 'Agenda opnieuw vullen' on the detail page"),
    "reflections:item_add": (
        "post-only",
        "the form 'Eigen onderwerp toevoegen' on the detail page",
    ),
    "reflections:item_move": ("post-only", "the buttons Omhoog / Omlaag of an agenda item"),
    # live
    "reflections:live_start": ("post-only", "button: starts the live session"),
    "reflections:live_end": ("post-only", "button: ends the live session"),
    "reflections:live_question_state": ("post-only", "buttons: open / close / reveal a question"),
    "reflections:live_answer_moderate": ("post-only", "buttons: hide / group / promote an answer"),
    "reflections:projector_fragment": ("fragment", "the projector's live part, polled by htmx"),
    "reflections_public:session_state": ("fragment", "the phone's poll: 204 or HX-Refresh"),
    "reflections:decision_add": ("post-only", "decision form on the agenda item page"),
    "reflections:action_add": ("post-only", "improvement action form on the agenda item page"),
    "reflections:action_look_back": ("post-only", "'Zien we al effect?' form on the detail page"),
    "reflections:minutes_csv": ("download", "the minutes of a reflection as CSV"),
    "reflections:minutes_xlsx": ("download", "the minutes of a reflection as Excel"),
}


def held_reflection() -> Reflection:
    """The demo's held duidingssessie of Feijenoord (live answers, decisions, actions)."""
    return Reflection.objects.get(title=HELD_TITLE)


def next_reflection() -> Reflection:
    """The demo's next duidingssessie in preparation, where the actions resurface."""
    return Reflection.objects.get(title=NEXT_TITLE)


# Each part fills its own function (role, kwargs per route name); `roles` has ANONYMOUS, ADMIN,
# ADVISER, PARTNER and ACCOUNT_HOLDER (the usernames of all_pages).


def agenda_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    held = held_reflection()
    item = held.items.order_by("order", "pk").first()
    adviser = roles["adviser"]
    programme = {"programme_pk": held.programme_id}
    one = {"pk": held.pk}
    of_item = {"pk": held.pk, "item_pk": item.pk}
    return {
        "reflections:programme_list": (roles["partner"], programme),
        "reflections:create": (adviser, programme),
        "reflections:detail": (roles["partner"], one),
        "reflections:edit": (adviser, one),
        "reflections:rebuild": (adviser, one),
        "reflections:item_add": (adviser, one),
        "reflections:item": (roles["partner"], of_item),
        "reflections:item_edit": (adviser, of_item),
        "reflections:item_move": (adviser, of_item),
    }


def live_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    held = held_reflection()
    adviser, anonymous = roles["adviser"], roles["anonymous"]
    pk = {"pk": held.pk}
    item = held.items.order_by("order", "pk").first()
    question = held.questions.order_by("pk").first()
    answer = question.answers.order_by("pk").first() if question else None
    # POST-only routes answer 405 to a GET before they look anything up.
    question_pk = question.pk if question else 1
    answer_pk = answer.pk if answer else 1
    return {
        "reflections:live_control": (adviser, pk),
        "reflections:live_start": (adviser, pk),
        "reflections:live_end": (adviser, pk),
        "reflections:live_question_add": (adviser, {**pk, "item_pk": item.pk}),
        "reflections:live_question_state": (adviser, {**pk, "question_pk": question_pk}),
        "reflections:live_answer_moderate": (adviser, {**pk, "answer_pk": answer_pk}),
        "reflections:projector": (adviser, pk),
        "reflections:projector_fragment": (adviser, pk),
        "reflections_public:join": (anonymous, {}),
        "reflections_public:session": (anonymous, {"code": next_reflection().join_code}),
        "reflections_public:session_state": (anonymous, {"code": held.join_code}),
    }


def action_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    action = (
        ImprovementAction.objects.filter(
            owner_organisation__memberships__user__username=roles["adviser"]
        )
        .order_by("pk")
        .first()
        or ImprovementAction.objects.order_by("pk").first()
    )
    held = held_reflection()
    item = held.items.order_by("order", "pk").first()
    of_item = {"pk": held.pk, "item_pk": item.pk}
    return {
        "reflections:my_actions": (roles["adviser"], {}),
        "reflections:action_edit": (roles["adviser"], {"pk": action.pk}),
        "reflections:decision_add": (roles["adviser"], of_item),
        "reflections:action_add": (roles["adviser"], of_item),
        "reflections:action_look_back": (
            roles["adviser"],
            {"pk": next_reflection().pk, "action_pk": action.pk},
        ),
    }


def cycle_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    held = held_reflection()
    return {
        "reflections:logbook": (roles["partner"], {"programme_pk": held.programme_id}),
        "reflections:learning_health": (roles["adviser"], {}),
        "reflections:next_cycle": (roles["adviser"], {"programme_pk": held.programme_id}),
        "reflections:minutes": (roles["adviser"], {"pk": held.pk}),
        "reflections:minutes_csv": (roles["partner"], {"pk": held.pk}),
        "reflections:minutes_xlsx": (roles["partner"], {"pk": held.pk}),
    }


def reflection_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    """Route name -> (role, kwargs) of every part."""
    return {
        **agenda_routes(d, roles),
        **live_routes(d, roles),
        **action_routes(d, roles),
        **cycle_routes(d, roles),
    }
