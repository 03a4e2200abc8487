"""Tables out as CSV (streamed) and Excel, the way Dutch spreadsheet users open them.

CSV follows what Dutch Excel opens directly: UTF-8 with BOM, `;` between fields, decimal comma,
no thousands separator. Excel cells hold real numbers, each with a number format (Excel shows it
the Dutch way: 1.234,5). A figure travels as a `Figure` (value plus the indicator's decimals), so
the CSV text and the Excel format show the same precision; a bare float gets two decimals, a
whole number none. Text that a spreadsheet would run as a formula (starting with = + - @, tab or
carriage return) gets a leading quote, in both formats. Sheet names are at most 31 characters and
unique (`sheet_name`); the sheet's first cell holds the full title.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO

from django.utils.translation import gettext as _

from duiding.core.formatting import NOT_AVAILABLE, OK, SUPPRESSED

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD-MM-YYYY"
FLOAT_DECIMALS = 2  # a number without a stated precision
SHEET_NAME_LENGTH = 31
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its precision (the indicator's decimals): 12.345678 with 1 -> "12,3"."""

    value: float
    decimals: int = 0

    def text(self) -> str:
        """Dutch CSV text: decimal comma, no thousands separator, rounded half up, no "-0"."""
        rounded = Decimal(repr(float(self.value))).quantize(
            Decimal(1).scaleb(-self.decimals), ROUND_HALF_UP
        )
        if rounded == 0:
            rounded = abs(rounded)
        return f"{rounded:f}".replace(".", ",")


def figure(value, decimals: int) -> Figure | None:
    """`Figure(value, decimals)`, or None for no value."""
    return None if value is None else Figure(float(value), max(0, int(decimals or 0)))


def number_format(decimals: int, *, grouping: bool = True) -> str:
    """Excel's number format with `decimals` decimals: '#,##0.0' (Dutch Excel shows 1.234,5)."""
    zeros = "." + "0" * decimals if decimals else ""
    return ("#,##0" if grouping else "0") + zeros


def xlsx_value(value):
    """(cell value, number format or None) for an openpyxl cell: figures and numbers get a
    format, dates the Dutch date, text is made formula-safe."""
    if isinstance(value, Figure):
        return value.value, number_format(value.decimals)
    if isinstance(value, bool) or value is None:
        return value, None
    if isinstance(value, int):
        return value, "0"
    if isinstance(value, float):
        return value, number_format(FLOAT_DECIMALS)
    if isinstance(value, datetime.date):
        return value, DATE_FORMAT
    if isinstance(value, str):
        return safe_text(value), None
    return value, None


def xlsx_append(ws, values: Iterable) -> None:
    """Append a row to sheet `ws`, every number with its number format (see `xlsx_value`)."""
    pairs = [xlsx_value(v) for v in values]
    ws.append([value for value, _fmt in pairs])
    row = ws.max_row
    for column, (_value, fmt) in enumerate(pairs, start=1):
        if fmt:
            ws.cell(row=row, column=column).number_format = fmt


def sheet_name(name: str, used: set[str]) -> str:
    """A valid, unique sheet name of at most 31 characters (Excel compares names case-
    insensitively); `used` collects the names given. Put the full name in the sheet's A1."""
    base = _INVALID_SHEET_CHARS.sub(" ", name)
    base = re.sub(r"\s+", " ", base).strip().strip("'").strip() or "Blad"
    title = base[:SHEET_NAME_LENGTH].rstrip()
    number = 2
    while title.lower() in used:
        suffix = f" ({number})"
        title = base[: SHEET_NAME_LENGTH - len(suffix)].rstrip() + suffix
        number += 1
    used.add(title.lower())
    return title


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
    if isinstance(value, Figure):
        return value.text()
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return Figure(value, FLOAT_DECIMALS).text()  # as in Excel (`xlsx_value`)
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
    ws.title = sheet_name(sheet_title, set())
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
        xlsx_append(ws, row)
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
