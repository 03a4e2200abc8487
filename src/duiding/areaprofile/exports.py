"""The Staat van de wijk table as CSV (streamed) and Excel, with Dutch headers and the source.

CSV follows what Dutch Excel opens directly: UTF-8 with BOM, `;` between fields, decimal comma,
no thousands separator. Excel cells hold real numbers. Text that a spreadsheet would run as a
formula (starting with = + - @, tab or carriage return) gets a leading quote, in both formats.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from io import BytesIO

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from duiding.areaprofile.formatting import NOT_AVAILABLE, OK, SUPPRESSED

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


def credit_for(dataset_code: str, publishers: dict[str, str]) -> str:
    if not dataset_code:
        return _("Berekend uit teller en noemer")
    return _("Bron: %(publisher)s") % {"publisher": publishers.get(dataset_code) or "CBS"}


def headers(comparison_areas) -> list[str]:
    cols = [
        _("Pijler"),
        _("Domein"),
        _("Indicator"),
        _("Indicatorcode"),
        _("Eenheid"),
        _("Periode"),
        _("Gebied"),
        _("Gebiedscode"),
        _("Waarde"),
        _("Status"),
    ]
    for comp in comparison_areas:
        name = comp.area.name
        cols += [
            _("Waarde %(area)s") % {"area": name},
            _("Verschil met %(area)s") % {"area": name},
            _("Oordeel t.o.v. %(area)s") % {"area": name},
        ]
    cols += [
        _("Vergelijkingsadvies"),
        _("Gegevensbron"),
        _("Titel gegevensbron"),
        _("Bestand"),
        _("Rij"),
        _("Kolom"),
        _("Categorie zoals gepubliceerd"),
        _("Gepubliceerde gebiedscode"),
        _("Indelingswijziging (CBS)"),
        _("Bronvermelding"),
    ]
    return cols


def table_rows(
    *, area, pillars, other_rows, comparison_areas, publishers: dict[str, str]
) -> Iterator[list]:
    """One list per indicator (per domain it belongs to), values as Python numbers/strings."""
    groups: list[tuple[str, str, list]] = []
    for pillar in pillars:
        for domain in pillar.domains:
            groups.append((pillar.name, domain.name, domain.rows))
    if other_rows:
        groups.append(("", _("Overige cijfers"), other_rows))
    for pillar_name, domain_name, rows in groups:
        for row in rows:
            cells_by_area = {c.area_code: c for c in row.cells}
            out = [
                pillar_name,
                domain_name,
                row.indicator_name,
                row.indicator_code,
                row.unit_text,
                row.period_label,
                area.name,
                area.code,
                row.raw_value,
                status_text(row.status),
            ]
            for comp in comparison_areas:
                cell = cells_by_area.get(comp.area.code)
                if cell is None:
                    out += [None, None, ""]
                else:
                    out += [cell.raw_value, cell.raw_difference, cell.flag_label]
            prov = row.provenance
            out += [
                row.suggestion,
                prov.dataset_code,
                prov.dataset_title,
                prov.file,
                prov.row,
                prov.column,
                prov.category,
                prov.published_area_code,
                row.indelingswijziging,
                credit_for(prov.dataset_code, publishers),
            ]
            yield out


def _csv_cell(value) -> str:
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


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list], credit: str) -> Iterator[str]:
    """Lines for a StreamingHttpResponse: BOM, header, rows, an empty line and the credit."""
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow([safe_text(h) for h in header])
    for row in rows:
        yield writer.writerow([_csv_cell(v) for v in row])
    yield writer.writerow([])
    yield writer.writerow([safe_text(credit)])


def xlsx_bytes(
    *, title: str, subtitle: str, header: list[str], rows: Iterable[list], credit: str
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = _("Staat van de wijk")[:31]
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
    ws.freeze_panes = ws.cell(row=header_row + 1, column=4)
    ws.auto_filter.ref = (
        f"A{header_row}:{get_column_letter(len(header))}{max(last_row, header_row)}"
    )
    for index, name in enumerate(header, start=1):
        width = 14 if index > 8 else 22
        if name in {_("Indicator"), _("Vergelijkingsadvies")}:
            width = 40
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.append([])
    ws.append([safe_text(credit)])
    ws.cell(row=ws.max_row, column=1).font = Font(italic=True)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def export_filename(area_code: str, period: str | None, extension: str) -> str:
    stamp = period or date.today().isoformat()
    return f"staat-van-de-wijk_{area_code}_{stamp}.{extension}"


def export_subtitle(period_label: str) -> str:
    return _("Periode: %(period)s · gemaakt op %(date)s") % {
        "period": period_label,
        "date": date_format(date.today(), "j F Y"),
    }
