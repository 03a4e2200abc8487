"""Entered figures in and out of Excel: the template a partner downloads (sheet "Cijfers", one row
per period, one column per figure and per answer value of each measure; sheet "Toelichting"
explaining every column) and the parse of a filled-in file.

The parse is small steps: read (is it an xlsx with a sheet "Cijfers") -> layout (every header a
column of the template) -> rows (skip empty rows) -> values (dates, whole numbers >= 0) -> rules
(`entered_services.check`, and no two rows overlapping). All or nothing: any bad cell refuses the
whole file with a Dutch message per row and column ("Rij 4, kolom Uitval: 3 Voortijdig: eenzijdig
door de cliënt: ‘veel’ is geen aantal."); only a file without a single message is stored
(`entered_services.entered_figures_import`, one transaction).
"""

from __future__ import annotations

import datetime
import re
import zipfile
from dataclasses import dataclass
from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from duiding.core.exports import DATE_FORMAT
from duiding.outcomes.entered_services import (
    FIELD_LABELS,
    Figures,
    check,
    count_label,
    counted_measures,
    period_text,
)
from duiding.outcomes.models import EnteredFigures

SHEET = "Cijfers"
NOTES_SHEET = "Toelichting"
MAX_ROWS = 2000
EMPTY_TEMPLATE_ROWS = 50
_DATE_TEXT = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_TEXT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class Column:
    header: str
    field: str  # Figures attribute, or "measure:value" for a count
    kind: str  # "date", "count" or "text"
    explanation: str


def columns() -> list[Column]:
    """The template's columns, in order."""
    cols = [
        Column(
            str(FIELD_LABELS["period_start"]),
            "period_start",
            "date",
            _("Eerste dag van de periode (verplicht), bijvoorbeeld 01-01-2026."),
        ),
        Column(
            str(FIELD_LABELS["period_end"]),
            "period_end",
            "date",
            _("Laatste dag van de periode (verplicht), op of na de eerste dag."),
        ),
        Column(
            str(FIELD_LABELS["reached"]),
            "reached",
            "count",
            _("Aantal deelnemers dat de activiteit in deze periode bereikte."),
        ),
        Column(
            str(FIELD_LABELS["target"]),
            "target",
            "count",
            _(
                "Beoogd bereik of omvang van de doelgroep. Leeg: het geplande bereik van de "
                "activiteit."
            ),
        ),
        Column(
            str(FIELD_LABELS["no_shows"]),
            "no_shows",
            "count",
            _("Aantal aanmeldingen dat niet verscheen (no-shows)."),
        ),
    ]
    for measure in counted_measures():
        for value, meaning in measure.values:
            cols.append(
                Column(
                    count_label(measure, value, meaning),
                    f"{measure.key}:{value}",
                    "count",
                    _("Aantal deelnemers met dit antwoord bij %(measure)s. Leeg: niet gemeten.")
                    % {"measure": measure.label},
                )
            )
    cols.append(
        Column(
            str(FIELD_LABELS["note"]),
            "note",
            "text",
            _("Korte toelichting bij de cijfers van deze periode (geen namen van deelnemers)."),
        )
    )
    return cols


# --- The template -------------------------------------------------------------------------------


def template_workbook(activity) -> bytes:
    """The template, with the periods entered so far as rows (a changed row changes them)."""
    cols = columns()
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append([c.header for c in cols])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    periods = EnteredFigures.objects.filter(activity=activity).prefetch_related("counts")
    for figures in periods:
        data = Figures.of(figures)
        ws.append([_cell_of(data, c) for c in cols])
    last = ws.max_row + EMPTY_TEMPLATE_ROWS
    for row in range(2, last + 1):
        for col in (1, 2):
            ws.cell(row=row, column=col).number_format = DATE_FORMAT
    for index, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(index)].width = 14 if col.kind != "text" else 40
    ws.freeze_panes = "C2"

    notes = wb.create_sheet(NOTES_SHEET)
    notes.append([_("Ingevoerde cijfers van %(activity)s") % {"activity": activity.name}])
    notes["A1"].font = Font(bold=True)
    for line in (
        _("Elke rij op het blad Cijfers is één periode. Perioden mogen elkaar niet overlappen."),
        _(
            "Een rij met precies dezelfde periode als een al ingevoerde periode vervangt die; "
            "elke andere rij voegt een periode toe."
        ),
        _(
            "Aantallen zijn hele getallen van 0 of meer. Laat een cel leeg als u het niet weet "
            "of niet hebt gemeten."
        ),
        _("Data als dag-maand-jaar, bijvoorbeeld 31-12-2026."),
        _(
            "Eén foute cel en het hele bestand wordt geweigerd; u krijgt per rij en kolom te zien "
            "wat er niet klopt. Er wordt dan niets opgeslagen."
        ),
    ):
        notes.append([line])
    notes.append([])
    notes.append([_("Kolom"), _("Uitleg")])
    for cell in notes[notes.max_row]:
        cell.font = Font(bold=True)
    for col in cols:
        notes.append([col.header, col.explanation])
    notes.column_dimensions["A"].width = 60
    notes.column_dimensions["B"].width = 90
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _cell_of(data: Figures, col: Column):
    if ":" in col.field:
        measure, value = col.field.split(":", 1)
        return data.counts.get(measure, {}).get(value)
    value = getattr(data, col.field)
    return value if value != "" else None


# --- The upload -----------------------------------------------------------------------------------


class UploadError(ValueError):
    """The file is refused; `messages` are Dutch lines naming row and column."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def parse_upload(activity, content: bytes) -> list[Figures]:
    """The rows of a filled-in template, checked against every rule; UploadError otherwise."""
    ws = _read(content)
    layout = _layout(ws)
    rows = _rows(ws, layout)
    if not rows:
        raise UploadError(
            [
                _(
                    "Het bestand bevat geen perioden: vul onder de kopjes op het blad Cijfers "
                    "minstens één rij in."
                )
            ]
        )
    messages: list[str] = []
    parsed: list[tuple[int, Figures]] = []
    for number, cells in rows:
        data, errors = _values(number, cells, layout)
        messages += errors
        if not errors:
            parsed.append((number, data))
    if not messages:
        messages = _rules(activity, parsed, layout)
    if messages:
        raise UploadError(messages)
    return [data for _n, data in parsed]


def _read(content: bytes):
    try:
        wb = load_workbook(BytesIO(content), data_only=True, read_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError):
        raise UploadError(
            [
                _(
                    "Dit bestand is geen Excel-bestand (.xlsx) of het is beschadigd. Download "
                    "het sjabloon, vul het in en upload het opnieuw."
                )
            ]
        ) from None
    if SHEET not in wb.sheetnames:
        raise UploadError(
            [
                _("Het blad ‘%(sheet)s’ ontbreekt. Gebruik het sjabloon van deze pagina.")
                % {"sheet": SHEET}
            ]
        )
    return wb[SHEET]


def _layout(ws) -> list[tuple[int, Column]]:
    """(column index, Column) of every header; UploadError for unknown or missing columns."""
    current = {c.field: c for c in columns()}
    known = {}
    for language in ("nl", "en"):  # a Dutch template uploaded in English, and the other way
        with override(language):
            known.update({c.header.casefold(): current[c.field] for c in columns()})
    layout, messages, seen = [], [], set()
    header = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    for index, value in enumerate(header):
        text = str(value).strip() if value is not None else ""
        if not text:
            continue
        col = known.get(" ".join(text.split()).casefold())
        letter = get_column_letter(index + 1)
        if col is None:
            messages.append(
                _("Kolom %(letter)s: ‘%(header)s’ is geen kolom van het sjabloon.")
                % {"letter": letter, "header": text}
            )
        elif col.field in seen:
            messages.append(
                _("Kolom %(letter)s: de kolom ‘%(header)s’ staat er twee keer in.")
                % {"letter": letter, "header": col.header}
            )
        else:
            seen.add(col.field)
            layout.append((index, col))
    for field in ("period_start", "period_end"):
        if field not in seen and not messages:
            messages.append(
                _("De kolom ‘%(header)s’ ontbreekt in rij 1.") % {"header": FIELD_LABELS[field]}
            )
    if messages:
        raise UploadError(messages)
    return layout


def _rows(ws, layout) -> list[tuple[int, tuple]]:
    rows = []
    for number, cells in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        rows.append((number, cells))
        if len(rows) > MAX_ROWS:
            raise UploadError(
                [_("Het bestand heeft meer dan %(max)s perioden.") % {"max": MAX_ROWS}]
            )
    return rows


def _values(number: int, cells: tuple, layout) -> tuple[Figures, list[str]]:
    data = Figures(None, None)
    errors = []
    for index, col in layout:
        raw = cells[index] if index < len(cells) else None
        try:
            value = _value(raw, col.kind)
        except ValueError as error:
            errors.append(_where(number, col.header) + str(error))
            continue
        if value is None:
            continue
        if ":" in col.field:
            measure, answer = col.field.split(":", 1)
            data.counts.setdefault(measure, {})[answer] = value
        else:
            setattr(data, col.field, value)
    for field in ("period_start", "period_end"):
        if getattr(data, field) is None and not any(str(FIELD_LABELS[field]) in e for e in errors):
            errors.append(_where(number, str(FIELD_LABELS[field])) + _("vul een datum in."))
    return data, errors


def _where(number: int, header: str) -> str:
    return _("Rij %(row)s, kolom %(column)s: ") % {"row": number, "column": header}


def _shown(raw) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).replace(".", ",") if isinstance(raw, float) else str(raw)


def _value(raw, kind: str):
    """The cell as a date, a whole number >= 0 or text; None when empty; ValueError (Dutch)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if kind == "text":
        return str(raw).strip()
    if kind == "date":
        return _date(raw)
    return _count(raw)


def _date(raw) -> datetime.date:
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    text = str(raw).strip()
    for pattern, order in ((_DATE_TEXT, (2, 1, 0)), (_ISO_TEXT, (0, 1, 2))):
        match = pattern.match(text)
        if match:
            parts = [int(match.group(i + 1)) for i in range(3)]
            try:
                return datetime.date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                break
    raise ValueError(
        _("‘%(value)s’ is geen datum (schrijf bijvoorbeeld 31-12-2026).") % {"value": _shown(raw)}
    )


def _count(raw) -> int:
    if isinstance(raw, bool):
        raise ValueError(_("‘%(value)s’ is geen aantal.") % {"value": _shown(raw)})
    number = raw
    if isinstance(raw, str):
        text = raw.strip().replace(".", "").replace(" ", "")
        if not re.fullmatch(r"-?\d+(,\d+)?", text):
            raise ValueError(_("‘%(value)s’ is geen aantal.") % {"value": raw.strip()})
        number = float(text.replace(",", "."))
    if not isinstance(number, int | float):
        raise ValueError(_("‘%(value)s’ is geen aantal.") % {"value": _shown(raw)})
    if number < 0:
        raise ValueError(
            _("‘%(value)s’ is negatief; een aantal is 0 of meer.") % {"value": _shown(raw)}
        )
    if isinstance(number, float) and not number.is_integer():
        raise ValueError(_("‘%(value)s’ is geen heel getal.") % {"value": _shown(raw)})
    return int(number)


def _rules(activity, parsed: list[tuple[int, Figures]], layout) -> list[str]:
    """The rules of entered figures per row, and no two rows of the file overlapping."""
    headers = {col.field: col.header for _i, col in layout}
    headers.update({c.field: c.header for c in columns() if c.field not in headers})
    existing = {
        (f.period_start, f.period_end): f.pk
        for f in EnteredFigures.objects.filter(activity=activity)
    }
    messages = []
    for position, (number, data) in enumerate(parsed):
        for field, message in check(
            activity, data, exclude_pk=existing.get((data.period_start, data.period_end))
        ):
            if field is None:
                messages.append(_("Rij %(row)s: ") % {"row": number} + message)
            else:
                messages.append(_where(number, headers.get(field, field)) + message)
        for other_number, other in parsed[:position]:
            if data.period_start <= other.period_end and data.period_end >= other.period_start:
                messages.append(
                    _where(number, headers["period_start"])
                    + _("de periode overlapt met rij %(row)s (%(period)s).")
                    % {
                        "row": other_number,
                        "period": period_text(other.period_start, other.period_end),
                    }
                )
                break
    return messages
