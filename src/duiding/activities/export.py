"""The plan van aanpak of a programme as an Excel workbook (seed 003 appendix 6), one sheet per
part: Activiteiten, Stappen, Inkoopafspraken, Kwaliteitsafspraken, then the sheets of the parts
that downstream apps own (`activities.extensions.register_plan_sheet`: outcomes' Meetplan).

Dates are real date cells (dd-mm-jjjj), numbers real numbers. Text that a spreadsheet would run as
a formula (= + - @, tab, carriage return) gets a leading quote (`core.exports.safe_text`),
so a partner's text can never become a formula in the adviser's Excel."""

from __future__ import annotations

import datetime
from io import BytesIO

from django.utils.translation import gettext as _

from duiding.activities import extensions
from duiding.activities.plan.reference import ACTIVITY_COLUMNS, QUALITY_QUESTIONS
from duiding.activities.plan.selectors import ProgrammePlan
from duiding.activities.plan.services import is_overdue
from duiding.activities.sentence import activity_sentence
from duiding.core.exports import XLSX_CONTENT_TYPE, safe_text, sheet_name, xlsx_append

__all__ = ["XLSX_CONTENT_TYPE", "plan_workbook", "plan_sheets"]


def _cell(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, int | float | datetime.date):
        return value
    return safe_text(str(value))


def _answer(value: dict | None) -> str:
    """Besproken / nog niet besproken (an older stored Ja or Nee was discussed too)."""
    if not value or value.get("answer") is None:
        return _("nog niet besproken")
    return _("besproken")


def _factor_names(activity, effect: str) -> str:
    return "; ".join(
        link.factor.name for link in activity.factor_links.all() if link.effect == effect
    )


Sheet = tuple[str, list[str], list[list]]


def _activity_row(a) -> list:
    return [
        a.name,
        a.organisation.name,
        a.target_group,
        a.reach,
        a.target_group_size,
        a.get_prevention_level_display(),
        a.get_form_display(),
        a.get_continuity_display(),
        a.frequency,
        a.volume,
        a.evidence_level,
        a.intervention.name if a.intervention_id else "",
        a.get_offer_kind_display(),
        "; ".join(r.text for r in a.results.all()),
        _factor_names(a, "versterkt"),
        _factor_names(a, "vermindert"),
        "; ".join(p.name for p in a.age_phases.all()),
        "; ".join(area.name for area in a.life_areas.all()),
        activity_sentence(a),
    ]


def _activities_sheet(plan: ProgrammePlan) -> Sheet:
    header = [_("Activiteit"), *map(str, ACTIVITY_COLUMNS)] + [
        _("Omvang doelgroep"),
        _("Preventieniveau"),
        _("Vorm"),
        _("Structureel of incidenteel"),
        _("Hoe vaak"),
        _("Volume"),
        _("Trede op de effectladder"),
        _("Interventie"),
        _("Soort aanbod"),
        _("Maatschappelijke resultaten"),
        _("Versterkt (beschermende factoren)"),
        _("Vermindert (risicofactoren)"),
        _("Leeftijdsfasen"),
        _("Leefgebieden"),
        _("Zin: we zetten … in, zodat …"),
    ]
    rows = [_activity_row(item.activity) for item in plan.activities]
    return _("Activiteiten"), header, rows


def _steps_sheet(plan: ProgrammePlan) -> Sheet:
    header = [
        _("Activiteit"),
        _("Stap"),
        _("Wie (organisatie)"),
        _("Wie (persoon)"),
        _("Wanneer klaar"),
        _("Status"),
        _("Achterstallig"),
    ]
    rows = [
        [
            s.activity.name if s.activity_id else _("(hele plan)"),
            s.description,
            s.owner_organisation.name,
            s.owner_user.display_name if s.owner_user_id else "",
            s.due_date,
            s.get_status_display(),
            is_overdue(s, plan.today),
        ]
        for s in plan.steps
    ]
    return _("Stappen"), header, rows


def _purchases_sheet(plan: ProgrammePlan) -> Sheet:
    header = [_("Kenmerk"), _("Datum"), _("Activiteit"), _("Afspraak")]
    rows = [
        [p.reference, p.date, p.activity.name if p.activity_id else "", p.note]
        for p in plan.purchases
    ]
    return _("Inkoopafspraken"), header, rows


def _quality_row(a, q) -> list:
    """One quality agreement: the step and its level, then per checklist question the answer
    (besproken or not) and its note."""
    return [
        a.name,
        q.organisation.name,
        q.next_step,
        a.evidence_level,
        q.target_level,
        q.due_date,
        q.get_status_display(),
    ] + [
        cell
        for key, _q in QUALITY_QUESTIONS
        for cell in (
            _answer(q.checklist.get(key)),
            (q.checklist.get(key) or {}).get("note", ""),
        )
    ]


def _quality_sheet(plan: ProgrammePlan) -> Sheet:
    header = [
        _("Activiteit"),
        _("Partner"),
        _("Eerstvolgende stap"),
        _("Huidige trede"),
        _("Naar trede"),
        _("Tijdspad (klaar op)"),
        _("Status"),
    ]
    for _key, question in QUALITY_QUESTIONS:
        header += [str(question), _("Toelichting")]
    rows = [_quality_row(item.activity, q) for item in plan.activities for q in item.quality]
    return _("Kwaliteitsafspraken"), header, rows


def plan_sheets(plan: ProgrammePlan) -> list[Sheet]:
    """(sheet title, header, rows) per sheet; values as Python values (also used by the tests)."""
    return [
        _activities_sheet(plan),
        _steps_sheet(plan),
        _purchases_sheet(plan),
        _quality_sheet(plan),
        *extensions.plan_sheets(plan),
    ]


def plan_workbook(plan: ProgrammePlan) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    programme = plan.programme
    used: set[str] = set()
    for title, header, rows in plan_sheets(plan):
        ws = wb.create_sheet(sheet_name(title, used))
        ws.append([safe_text(f"{_('Plan van aanpak')}: {programme.name}")])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([])
        ws.append([safe_text(h) for h in header])
        for cell in ws[3]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            xlsx_append(ws, [_cell(v) for v in row])
            for cell in ws[ws.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "B4"
        last = get_column_letter(len(header))
        ws.auto_filter.ref = f"A3:{last}{max(ws.max_row, 3)}"
        for index in range(1, len(header) + 1):
            ws.column_dimensions[get_column_letter(index)].width = 28
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
