"""The results overview as CSV (UTF-8 with BOM, `;`, decimal comma) and Excel: one row per
indicator of a result (a result without indicators gets one row), with the figures of the latest
progress verdict (baseline, latest figure, required value, verdict per indicator).

The CSV holds only the header and the data (no credit line inside the data); the Excel file has
the credit on a separate "Toelichting" sheet. Text that a spreadsheet would run as a formula gets
a leading quote in both formats (`core.exports.safe_text`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from io import BytesIO

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from duiding.core.exports import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    Echo,
    csv_cell,
    figure,
    safe_text,
    sheet_name,
    xlsx_append,
)
from duiding.results.models import ProgressEvaluation, Rule, Status
from duiding.results.overview import pillar_of, verdict_label

__all__ = ["CSV_CONTENT_TYPE", "XLSX_CONTENT_TYPE", "csv_stream", "header", "rows", "xlsx_bytes"]


def header() -> list[str]:
    return [
        _("Programma"),
        _("Wijk"),
        _("Maatschappelijk resultaat"),
        _("Pijler"),
        _("Domein"),
        _("Ambitie"),
        _("Status"),
        _("Streefdatum"),
        _("Rekenregel"),
        _("Oordeel"),
        _("Beoordeeld op"),
        _("Indicator"),
        _("Basisperiode"),
        _("Basiswaarde"),
        _("Laatste periode"),
        _("Laatste cijfer"),
        _("Doel"),
        _("Oordeel indicator"),
    ]


def _latest_details(results: list) -> dict[int, dict]:
    """The details of the latest progress verdict per result (one query)."""
    latest: dict[int, dict] = {}
    evaluations = ProgressEvaluation.objects.filter(result__in=[r.pk for r in results]).order_by(
        "result_id", "-computed_at", "-pk"
    )
    for evaluation in evaluations.values("result_id", "details"):
        latest.setdefault(evaluation["result_id"], evaluation["details"] or {})
    return latest


OWN_INDICATOR_DECIMALS = 1  # an indicator typed by hand has no stated precision


def _decimals(link) -> int:
    return link.indicator.decimals if link.indicator_id else OWN_INDICATOR_DECIMALS


def rows(results: Iterable) -> Iterable[list]:
    results = list(results)
    details = _latest_details(results)
    for result in results:
        pillar = pillar_of(result)
        computed = getattr(result, "latest_computed_at", None)
        common = [
            result.programme.name,
            result.programme.area.name,
            result.text,
            pillar.name if pillar else "",
            result.domain.name if result.domain_id else "",
            str(result.ambition) if result.ambition_id else "",
            str(Status(result.status).label),
            result.target_date,
            str(Rule(result.rule).label),
            verdict_label(getattr(result, "latest_verdict", None)),
            computed.date() if computed else None,
        ]
        items = {i.get("id"): i for i in details.get(result.pk, {}).get("indicators", [])}
        links = list(result.result_indicators.all())
        if not links:
            yield common + [""] * 7
        for link in links:
            item = items.get(link.pk, {})
            verdict = item.get("verdict")
            decimals = _decimals(link)
            yield common + [
                str(link),
                link.baseline_period,
                figure(item["baseline"] if "baseline" in item else link.baseline_value, decimals),
                item.get("period") or "",
                figure(item.get("value"), decimals),
                figure(item.get("required"), decimals),
                verdict_label(verdict) if item else "",
            ]


def csv_row_values(row: list) -> list:
    """Dates as Dutch text in CSV (Excel cells keep real dates)."""
    return [date_format(v, "j-n-Y") if isinstance(v, date) else v for v in row]


def credit() -> str:
    return _("Bron: Duiding, maatschappelijke resultaten · gemaakt op %(date)s") % {
        "date": date_format(date.today(), "j F Y")
    }


def csv_stream(results: Iterable):
    """BOM, header and data rows only (the credit is in the Excel file's Toelichting)."""
    writer = csv.writer(Echo(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow([safe_text(h) for h in header()])
    for row in rows(results):
        yield writer.writerow([csv_cell(v) for v in csv_row_values(row)])


def xlsx_bytes(*, title: str, results: Iterable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    names = header()
    wb = Workbook()
    ws = wb.active
    used: set[str] = set()
    ws.title = sheet_name(_("Resultaten"), used)
    ws.append([safe_text(title)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append([safe_text(h) for h in names])
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    count = 0
    for row in rows(results):
        xlsx_append(ws, row)
        count += 1
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(names))}{3 + count}"
    for index in range(1, len(names) + 1):
        ws.column_dimensions[get_column_letter(index)].width = 50 if index in (3, 12) else 16
    notes = wb.create_sheet(sheet_name(_("Toelichting"), used))
    notes.append([safe_text(_("Toelichting"))])
    notes["A1"].font = Font(bold=True, size=14)
    for line in (
        _(
            "Eén regel per indicator van een resultaat. Basiswaarde, laatste cijfer, doel en "
            "oordeel komen uit het laatste oordeel over de voortgang."
        ),
        credit(),
    ):
        notes.append([safe_text(line)])
    notes.column_dimensions["A"].width = 100
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def filename(stem: str, extension: str) -> str:
    return f"{stem}_{date.today().isoformat()}.{extension}"
