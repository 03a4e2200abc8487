"""The frame of the workbook: sheet names, the sheet plan (`Layout`) and the cell helpers every
sheet uses (text made safe, number formats, headers, links back to the contents)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.hyperlink import Hyperlink

from duiding.core.exports import number_format as core_number_format
from duiding.core.exports import safe_text, sheet_name, xlsx_value
from duiding.indicators.models import UnitKind

MAX_CELL = 32_767  # Excel's limit for the text of one cell
HEADER_FILL = PatternFill("solid", start_color="DDEBF7", end_color="DDEBF7")
DOMAIN_FILL = PatternFill("solid", start_color="E7E6E6", end_color="E7E6E6")
LINK_FONT = Font(color="0563C1", underline="single")
BOLD = Font(bold=True)


def clean_text(value: str) -> str:
    """Text as Excel may store it, never read as a formula."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    return safe_text(text)


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet name of at most 31 characters (the full name is the sheet's title
    in row 2 and the entry in the Inhoudsopgave)."""
    return sheet_name(name, used)


def location(title: str, cell: str = "A1") -> str:
    """An internal link target: 'Pijler Kansrijk'!A1."""
    return "'" + title.replace("'", "''") + "'!" + cell


def unit_text(ref) -> str:
    """The unit as a person reads it: the indicator's own label, else the kind ("Aantal")."""

    if ref.unit_label:
        return ref.unit_label
    try:
        return str(UnitKind(ref.unit_kind).label)
    except ValueError:
        return ref.unit_kind


def number_format(unit_kind: str, decimals: int) -> str:
    """The indicator's precision; counts and amounts with thousands grouping."""
    return core_number_format(decimals, grouping=unit_kind in ("count", "amount"))


def put(ws, row: int, col: int, value, *, bold=False, fmt=None, wrap=False, link=None, fill=None):
    """Write one cell: text made safe, numbers as numbers, an optional internal link."""
    if isinstance(value, str):
        value = clean_text(value)
    cell = ws.cell(row=row, column=col, value=value)
    if bold:
        cell.font = BOLD
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.number_format = fmt or xlsx_value(value)[1]
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if fill is not None:
        cell.fill = fill
    if link:
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=link, display=str(value))
        cell.font = Font(color="0563C1", underline="single", bold=bold)
    return cell


def header(ws, row: int, labels: list[str], start: int = 1) -> None:
    for offset, label in enumerate(labels):
        cell = put(ws, row, start + offset, label, bold=True, wrap=True)
        cell.fill = HEADER_FILL


def long_text(ws, row: int, label: str, text: str, last_col: int) -> int:
    """A label in column A and a (long) text merged over B..last_col; returns the next row."""
    put(ws, row, 1, label, bold=True, wrap=True)
    shown = text.strip() or _("(nog niet ingevuld)")
    put(ws, row, 2, shown, wrap=True)
    if last_col > 2:
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last_col)
    lines = sum(1 + len(part) // 110 for part in shown.splitlines() or [""])
    ws.row_dimensions[row].height = min(409, max(15, 15 * lines))
    return row + 1


def widths(ws, values: dict[str, float]) -> None:
    for letter, width in values.items():
        ws.column_dimensions[letter].width = width


@dataclass
class Layout:
    """Sheet names decided before any sheet is written, so every sheet can link to any other."""

    toc: str
    notes: str
    pillars: dict[int, str]  # pillar pk -> sheet name
    summary: str
    overview: str
    factor_sheets: dict[int, str]  # domain pk -> sheet name
    ranking: str
    pillar_of_domain: dict[int, int] = field(default_factory=dict)  # domain pk -> pillar pk
    full_names: dict[str, str] = field(default_factory=dict)  # sheet name -> uncut name
    overview_rows: dict[str, int] = field(default_factory=dict)  # indicator code -> row

    def back_to_pillar(self, domain_pk: int) -> tuple[str, str]:
        """(label, location) of the 'terug naar pijler' link of a domain."""
        title = self.pillars[self.pillar_of_domain[domain_pk]]
        return _("← terug naar %(sheet)s") % {"sheet": title}, location(title)


def plan_layout(analysis) -> Layout:
    used: set[str] = set()
    full_names: dict[str, str] = {}

    def name(full: str) -> str:
        title = sheet_title(full, used)
        full_names[title] = full
        return title

    toc = name(_("Inhoudsopgave"))
    notes = name(_("Toelichting"))
    pillars = {
        p.pillar.pk: name(_("Pijler %(name)s") % {"name": p.pillar.name}) for p in analysis.pillars
    }
    summary = name(_("Samenvatting alle pijlers"))
    overview = name(_("Indicatoren overzicht"))
    factor_sheets = {}
    pillar_of_domain = {}
    for p in analysis.pillars:
        for d in p.domains:
            pillar_of_domain[d.domain.pk] = p.pillar.pk
            factor_sheets[d.domain.pk] = name(
                _("Factorenmodel %(domain)s") % {"domain": d.domain.name}
            )
    ranking = name(_("Ranking"))
    return Layout(
        toc, notes, pillars, summary, overview, factor_sheets, ranking, pillar_of_domain, full_names
    )


def toc_link(ws, row: int, layout: Layout, col: int = 1) -> None:
    put(ws, row, col, _("← terug naar Inhoudsopgave"), link=location(layout.toc))
