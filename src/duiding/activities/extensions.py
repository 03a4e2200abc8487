"""Places on the activity page where downstream apps add their part (outcomes adds the
questionnaires and the outcome of the activity), so `activities` never imports them: a downstream
app registers a section in its `AppConfig.ready`, the activity page renders every registered
section that has something to show.

    register_activity_section(ActivitySection(
        key="outcome", template="outcomes/_activity_section.html", context=outcome_section))

`context(request, activity)` returns the template's context, or None to leave the section out
(for instance when the user may not see it). Sections render in registration order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ActivitySection:
    key: str
    template: str
    context: Callable[..., dict | None]


ACTIVITY_SECTIONS: dict[str, ActivitySection] = {}


def register_activity_section(section: ActivitySection) -> None:
    """Register (or replace, by key) a section of the activity page."""
    ACTIVITY_SECTIONS[section.key] = section


def activity_sections(request, activity) -> list[dict]:
    """The sections to render: [{"template": ..., "context": {...}}, ...]."""
    shown = []
    for section in ACTIVITY_SECTIONS.values():
        context = section.context(request, activity)
        if context is not None:
            shown.append({"key": section.key, "template": section.template, "context": context})
    return shown
