"""The routes of the duidingssessies for `all_pages`: role and keys from the demo.

Each part of the app adds its routes to `reflection_routes` (role, kwargs) and its non-pages to
`REFLECTION_NOT_PAGES` (kind, reason), the same way as in all_pages.py.
"""

from __future__ import annotations

from duiding.demo.reflections import HELD_TITLE, NEXT_TITLE
from duiding.reflections.models import Reflection

# Route name -> (what it is, why it is not checked), merged into all_pages.NOT_PAGES.
REFLECTION_NOT_PAGES: dict[str, tuple[str, str]] = {
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
    return {}


def live_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    return {}


def action_routes(d, roles) -> dict[str, tuple[str | None, dict]]:
    return {}


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
