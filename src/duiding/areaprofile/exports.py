"""The Staat van de wijk table as CSV (streamed) and Excel, with Dutch headers and the source.

The columns and rows of this page's table; how a table is written (CSV for Dutch Excel,
formula-safe text, the Excel sheet) is the generic kit in `duiding.core.exports`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from duiding.core import exports as core_exports
from duiding.core.exports import figure, status_text


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
    """One list per indicator (per domain it belongs to): text, and figures with the indicator's
    precision (`core.exports.Figure`)."""
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
                figure(row.raw_value, row.decimals),
                status_text(row.status),
            ]
            for comp in comparison_areas:
                cell = cells_by_area.get(comp.area.code)
                if cell is None:
                    out += [None, None, ""]
                else:
                    out += [
                        figure(cell.raw_value, row.decimals),
                        figure(cell.raw_difference, row.decimals),
                        cell.flag_label,
                    ]
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


def xlsx_bytes(*, title: str, subtitle: str, header: list[str], rows: Iterable[list], credit: str):
    """The table as an Excel sheet "Staat van de wijk", the long columns wider."""
    return core_exports.xlsx_bytes(
        sheet_title=_("Staat van de wijk"),
        title=title,
        subtitle=subtitle,
        header=header,
        rows=rows,
        credit=credit,
        column_width=_column_width,
    )


def _column_width(index: int, name: str) -> int:
    if name in {_("Indicator"), _("Vergelijkingsadvies")}:
        return 40
    return 14 if index > 8 else 22


def export_filename(area_code: str, period: str | None, extension: str) -> str:
    stamp = period or date.today().isoformat()
    return f"staat-van-de-wijk_{area_code}_{stamp}.{extension}"


def export_subtitle(period_label: str) -> str:
    return _("Periode: %(period)s · gemaakt op %(date)s") % {
        "period": period_label,
        "date": date_format(date.today(), "j F Y"),
    }
