"""Places where downstream apps add their part, so `activities` never imports them: a downstream
app registers its parts in its `AppConfig.ready`, and the pages, the export and the history of
`activities` use whatever is registered, in registration order. `outcomes` registers the
activity's questionnaires and outcome, and the measurement plans of step 5.

The activity page — `register_activity_section`:

    register_activity_section(ActivitySection(
        key="outcome", template="outcomes/_activity_section.html", context=outcome_section))

  `context(request, activity)` returns the template's context, or None to leave the section out
  (for instance when the user may not see it).

The plan van aanpak — a part of the plan that a downstream app owns:
- `register_plan_section`: its section on the plan page (after step 4) and its parts of the
  partner page, with the lookups its templates read prefetched on the plan's activities;
- `register_plan_sheet`: its sheets in the plan's Excel export (after the built-in ones);
- `register_plan_history_kind`: its items in the plan's history (`activities.history`): recorded
  like the plan's own items, deleted with their activity, restored from their snapshot;
- `register_activity_delete_items`: what of it goes too when an activity is deleted, listed on
  the confirmation page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# --- The activity page -------------------------------------------------------------------------


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


# --- The plan van aanpak: pages ----------------------------------------------------------------


@dataclass(frozen=True)
class PlanSection:
    """A part of the plan van aanpak on the plan page and the partner page.

    - `template`: its section on the plan page, after step 4;
    - `partner_template`: on the partner page, after the introduction ("" for none);
    - `activity_template`: on the partner page, inside each activity after its quality
      agreements ("" for none);
    - `context(request)`: what these templates read as `section`, next to the page's own context
      (the plan page: `plan`, `programme`; the partner page: `g` with `g.programme`, `item` (an
      `ActivityPlan` with `activity` and `can_edit`), `next`);
    - `prefetch`: lookups on the plan's activities that the templates read
      (`item.activity.<lookup>.all`), prefetched with the rest of the plan.
    """

    key: str
    template: str
    context: Callable[..., dict]
    partner_template: str = ""
    activity_template: str = ""
    prefetch: tuple[str, ...] = ()


PLAN_SECTIONS: dict[str, PlanSection] = {}


def register_plan_section(section: PlanSection) -> None:
    """Register (or replace, by key) a part of the plan's pages."""
    PLAN_SECTIONS[section.key] = section


def plan_sections(request) -> list[dict]:
    """The parts to render: [{"key", "template", "partner_template", "activity_template",
    "context"}, ...]."""
    return [
        {
            "key": section.key,
            "template": section.template,
            "partner_template": section.partner_template,
            "activity_template": section.activity_template,
            "context": section.context(request),
        }
        for section in PLAN_SECTIONS.values()
    ]


def plan_prefetches() -> list[str]:
    """The lookups every registered part reads on the plan's activities."""
    return [lookup for section in PLAN_SECTIONS.values() for lookup in section.prefetch]


# --- The plan van aanpak: the Excel export -----------------------------------------------------


@dataclass(frozen=True)
class PlanSheet:
    """`sheets(plan)`: [(title, header, rows)] for the plan's workbook, values as Python values
    (`plan`: an `activities.plan.selectors.ProgrammePlan`)."""

    key: str
    sheets: Callable[..., list[tuple[str, list, list[list]]]]


PLAN_SHEETS: dict[str, PlanSheet] = {}


def register_plan_sheet(sheet: PlanSheet) -> None:
    """Register (or replace, by key) sheets of the plan's Excel export."""
    PLAN_SHEETS[sheet.key] = sheet


def plan_sheets(plan) -> list[tuple[str, list, list[list]]]:
    return [sheet for registered in PLAN_SHEETS.values() for sheet in registered.sheets(plan)]


# --- The plan van aanpak: history and restore --------------------------------------------------


@dataclass(frozen=True)
class PlanHistoryKind:
    """An item of one activity's plan (a model with an `activity` foreign key) in the plan's
    history, under `kind` (a `PlanChange.Kind` value). Its programme and organisation are its
    activity's; it is recorded with a snapshot of its fields, deleted (and recorded) with its
    activity, and restored under its old number.

    - `label(obj)`: the line in the history (default `str(obj)`);
    - `check_restore(obj)`: raise `core.history.RestoreError` (Dutch) to refuse bringing `obj`
      back, e.g. when an equal item exists again; called before it is saved.
    """

    kind: str
    model: type
    label: Callable[[object], str] = str
    check_restore: Callable[[object], None] | None = None


PLAN_HISTORY_KINDS: dict[str, PlanHistoryKind] = {}


def register_plan_history_kind(kind: PlanHistoryKind) -> None:
    """Register (or replace, by kind) an item kind of the plan's history."""
    PLAN_HISTORY_KINDS[kind.kind] = kind


# --- The activity's delete confirmation --------------------------------------------------------


@dataclass(frozen=True)
class ActivityDeleteItems:
    """`items(activity)`: the texts of what goes too when the activity is deleted, each listed as
    "<label>: <text>" after the activity's steps and quality agreements."""

    key: str
    label: str
    items: Callable[..., list[str]]


ACTIVITY_DELETE_ITEMS: dict[str, ActivityDeleteItems] = {}


def register_activity_delete_items(items: ActivityDeleteItems) -> None:
    """Register (or replace, by key) a list on the activity's delete confirmation."""
    ACTIVITY_DELETE_ITEMS[items.key] = items


def activity_delete_items(activity) -> list[dict]:
    """[{"label": ..., "items": [...]}, ...], only the lists that have something."""
    shown = []
    for registered in ACTIVITY_DELETE_ITEMS.values():
        items = list(registered.items(activity))
        if items:
            shown.append({"key": registered.key, "label": registered.label, "items": items})
    return shown
