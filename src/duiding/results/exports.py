"""The results overview as CSV (UTF-8 with BOM, `;`, decimal comma) and Excel, one row per result.

Text that a spreadsheet would run as a formula gets a leading quote in both formats (the helper
of the Staat van de wijk exports, `areaprofile.exports.safe_text`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from io import BytesIO

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from duiding.areaprofile.exports import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    csv_lines,
    safe_text,
)
from duiding.results.models import Rule, Status
from duiding.results.overview import pillar_of, verdict_label

__all__ = ["CSV_CONTENT_TYPE", "XLSX_CONTENT_TYPE", "csv_lines", "header", "rows", "xlsx_bytes"]


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
        _("Indicatoren"),
        _("Oordeel"),
        _("Beoordeeld op"),
    ]


def rows(results: Iterable) -> Iterable[list]:
    for result in results:
        pillar = pillar_of(result)
        computed = getattr(result, "latest_computed_at", None)
        yield [
            result.programme.name,
            result.programme.area.name,
            result.text,
            pillar.name if pillar else "",
            result.domain.name if result.domain_id else "",
            str(result.ambition) if result.ambition_id else "",
            str(Status(result.status).label),
            result.target_date,
            str(Rule(result.rule).label),
            ", ".join(str(link) for link in result.result_indicators.all()),
            verdict_label(getattr(result, "latest_verdict", None)),
            computed.date() if computed else None,
        ]


def csv_row_values(row: list) -> list:
    """Dates as Dutch text in CSV (Excel cells keep real dates)."""
    return [date_format(v, "j-n-Y") if isinstance(v, date) else v for v in row]


def credit() -> str:
    return _("Bron: Duiding, maatschappelijke resultaten · gemaakt op %(date)s") % {
        "date": date_format(date.today(), "j F Y")
    }


def csv_stream(results: Iterable):
    return csv_lines(header(), (csv_row_values(r) for r in rows(results)), credit())


def xlsx_bytes(*, title: str, results: Iterable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    names = header()
    wb = Workbook()
    ws = wb.active
    ws.title = _("Resultaten")[:31]
    ws.append([safe_text(title)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append([safe_text(h) for h in names])
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    count = 0
    for row in rows(results):
        ws.append([safe_text(v) if isinstance(v, str) else v for v in row])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, date):
                cell.number_format = "DD-MM-YYYY"
        count += 1
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(names))}{3 + count}"
    for index in range(1, len(names) + 1):
        ws.column_dimensions[get_column_letter(index)].width = 50 if index in (3, 10) else 20
    ws.append([])
    ws.append([safe_text(credit())])
    ws.cell(row=ws.max_row, column=1).font = Font(italic=True)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def filename(stem: str, extension: str) -> str:
    return f"{stem}_{date.today().isoformat()}.{extension}"
