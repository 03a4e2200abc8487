"""Tables out as CSV (streamed) and Excel, the way Dutch spreadsheet users open them.

CSV follows what Dutch Excel opens directly: UTF-8 with BOM, `;` between fields, decimal comma,
no thousands separator. Excel cells hold real numbers. Text that a spreadsheet would run as a
formula (starting with = + - @, tab or carriage return) gets a leading quote, in both formats.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from io import BytesIO

from django.utils.translation import gettext as _

from duiding.core.formatting import NOT_AVAILABLE, OK, SUPPRESSED

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_text(value: str) -> str:
    """Neutralise spreadsheet formulas in text: '=SUM(A1)' -> "'=SUM(A1)"."""
    if value and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def status_text(status: str | None) -> str:
    if status == OK:
        return _("waarde")
    if status == SUPPRESSED:
        return _("geheim (klein aantal)")
    if status == NOT_AVAILABLE:
        return _("geen cijfer (niet beschikbaar)")
    return _("geen cijfer")


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(round(value, 6))
        if text.endswith(".0"):
            text = text[:-2]
        return text.replace(".", ",")
    return safe_text(str(value))


class Echo:
    """A file-like object whose write returns the line: csv.writer for a streamed response."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list], credit: str) -> Iterator[str]:
    """Lines for a StreamingHttpResponse: BOM, header, rows, an empty line and the credit."""
    writer = csv.writer(Echo(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow([safe_text(h) for h in header])
    for row in rows:
        yield writer.writerow([csv_cell(v) for v in row])
    yield writer.writerow([])
    yield writer.writerow([safe_text(credit)])


def xlsx_bytes(
    *,
    sheet_title: str,
    title: str,
    subtitle: str,
    header: list[str],
    rows: Iterable[list],
    credit: str,
    column_width: Callable[[int, str], int] = lambda index, name: 22,
    frozen_columns: int = 3,
) -> bytes:
    """One sheet: a bold title, a subtitle, the table (bold header, filter, frozen panes) and the
    credit in italics. `column_width(index, name)` sets each column's width (index from 1)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title[:31]
    ws.append([safe_text(title)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([safe_text(subtitle)])
    ws.append([])
    header_row = ws.max_row + 1
    ws.append([safe_text(h) for h in header])
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    count = 0
    for row in rows:
        ws.append([safe_text(v) if isinstance(v, str) else v for v in row])
        count += 1
    last_row = header_row + count
    ws.freeze_panes = ws.cell(row=header_row + 1, column=frozen_columns + 1)
    ws.auto_filter.ref = (
        f"A{header_row}:{get_column_letter(len(header))}{max(last_row, header_row)}"
    )
    for index, name in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column_width(index, name)
    ws.append([])
    ws.append([safe_text(credit)])
    ws.cell(row=ws.max_row, column=1).font = Font(italic=True)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
