"""Template tags of the cycle part: a snapshot value as the minutes show it, and what the
detail page's partial `_reflection_cycle.html` needs."""

from __future__ import annotations

from django import template

from duiding.programmes.permissions import can_edit_programme
from duiding.reflections.cycle.minutes import snapshot_value as _snapshot_value

register = template.Library()


@register.filter
def snapshot_value(value):
    return _snapshot_value(value)


@register.simple_tag
def cycle_links(reflection, user) -> dict:
    """Whether the user may start the next cycle of the reflection's programme."""
    programme = reflection.programme
    return {
        "programme": programme,
        "may_start_next": bool(programme and can_edit_programme(user, programme)),
        "next_started": bool(programme and programme.next_programmes.exists()),
    }
