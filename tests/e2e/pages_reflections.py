"""The routes of the duidingssessies for `all_pages`: role and keys from the demo.

Each part of the app adds its routes to `reflection_routes` (role, kwargs) and its non-pages to
`REFLECTION_NOT_PAGES` (kind, reason), the same way as in all_pages.py.
"""

from __future__ import annotations

from duiding.demo.reflections import HELD_TITLE, NEXT_TITLE
from duiding.reflections.models import Reflection

# Route name -> (what it is, why it is not checked), merged into all_pages.NOT_PAGES.
REFLECTION_NOT_PAGES: dict[str, tuple[str, str]] = {
    "reflections:decision_add": ("post-only", "decision form on the agenda item page"),
    "reflections:action_add": ("post-only", "improvement action form on the agenda item page"),
    "reflections:action_look_back": ("post-only", "'Zien we al effect?' form on the detail page"),
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
    return {}


def live_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    return {}


def action_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    from duiding.reflections.models import ImprovementAction

    action = (
        ImprovementAction.objects.filter(
            owner_organisation__memberships__user__username=roles["adviser"]
        )
        .order_by("pk")
        .first()
        or ImprovementAction.objects.order_by("pk").first()
    )
    return {
        "reflections:my_actions": (roles["adviser"], {}),
        "reflections:action_edit": (roles["adviser"], {"pk": action.pk}),
    }


def cycle_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    return {}


def reflection_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    """Route name -> (role, kwargs) of every part."""
    return {
        **agenda_routes(d, roles),
        **live_routes(d, roles),
        **action_routes(d, roles),
        **cycle_routes(d, roles),
    }
