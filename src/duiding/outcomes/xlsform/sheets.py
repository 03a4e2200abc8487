"""Reading the sheets of an XLSForm workbook: cells as text, the header's columns (with their
language), the choice lists and the settings. Row numbers are Excel's (the header is row 1)."""

from __future__ import annotations

import datetime
import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from duiding.outcomes.xlsform.common import (
    DECIMALS_COLUMN,
    MEASURE_COLUMN,
    XLSFormError,
    language_of,
)

TRANSLATABLE = ("label", "hint", "constraint_message")
PLAIN = (
    "type",
    "name",
    "required",
    "relevant",
    "constraint",
    "parameters",
    "appearance",
    MEASURE_COLUMN,
    DECIMALS_COLUMN,
)
ALIASES = {
    "relevance": "relevant",
    "caption": "label",
    "constraining_message": "constraint_message",
    "constraint message": "constraint_message",
    "jr:constraintmsg": "constraint_message",
    "list name": "list_name",
    "value": "name",
}
# Columns that change what a form does in a way Duiding cannot keep: a filled cell is refused.
REFUSED = {
    "calculation",
    "calculate",
    "default",
    "choice_filter",
    "repeat_count",
    "jr:count",
    "count",
    "read_only",
    "readonly",
    "trigger",
    "image",
    "big-image",
    "audio",
    "video",
    "media",
}
MAX_ROWS = 2000  # rows per sheet (a questionnaire for a phone is far shorter)
_SPLIT = re.compile(r"^([^:]+?)\s*::?\s*(.*)$")


@dataclass
class Column:
    index: int
    header: str  # as written in the file
    base: str  # label, hint, type, ... (lower case, aliases resolved)
    language: str | None  # "nl", "en", "" (another language) or None (not a language column)


@dataclass
class Table:
    sheet: str
    columns: list[Column]
    rows: list[tuple[int, list[str]]]  # (Excel row number, cells as text)

    def header(self, base: str, language: str | None = None) -> str | None:
        column = self.column(base, language)
        return column.header if column else None

    def column(self, base: str, language: str | None = None) -> Column | None:
        return next((c for c in self.columns if c.base == base and c.language == language), None)

    def value(self, cells: list[str], base: str) -> str:
        column = self.column(base)
        return cells[column.index] if column and column.index < len(cells) else ""

    def texts(self, cells: list[str], base: str, plain: str) -> dict:
        """{"nl", "en"} of a translatable column; a plain column (`label`) is language `plain`."""
        out = {"nl": "", "en": ""}
        for language in ("nl", "en"):
            for lang in (language, "plain" if plain == language else None):
                column = self.column(base, lang) if lang else None
                if column and column.index < len(cells) and cells[column.index]:
                    out[language] = cells[column.index]
                    break
        return out


@dataclass
class Workbook:
    survey: Table
    choices: Table | None
    settings: dict[str, str] = field(default_factory=dict)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def _column(index: int, header: str) -> Column:
    lower = " ".join(header.lower().split())
    lower = ALIASES.get(lower, lower)
    match = _SPLIT.match(lower)
    if match and match.group(1) != "jr":
        base = ALIASES.get(match.group(1), match.group(1))
        raw_language = header.split(":", 1)[1].lstrip(":")
        if base in TRANSLATABLE or base in REFUSED:
            return Column(index, header, base, language_of(raw_language) or "")
        return Column(index, header, lower, None)
    if lower in TRANSLATABLE:
        return Column(index, header, lower, "plain")
    return Column(index, header, lower, None)


def _table(ws) -> Table:
    rows = ws.iter_rows(max_row=MAX_ROWS + 1, max_col=100, values_only=True)
    header = [_text(v) for v in next(rows, None) or ()]
    columns = [_column(i, h) for i, h in enumerate(header) if h]
    body = []
    for number, row in enumerate(rows, start=2):
        cells = [_text(v) for v in row]
        if any(cells) and number > MAX_ROWS:
            raise XLSFormError(
                [
                    _(
                        "Blad %(sheet)s heeft meer dan %(n)s rijen; zo lang kan een vragenlijst niet zijn."
                    )
                    % {"sheet": ws.title, "n": MAX_ROWS}
                ]
            )
        if any(cells):
            body.append((number, cells))
    return Table(ws.title, columns, body)


def open_workbook(data: bytes) -> Workbook:
    try:
        book = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise XLSFormError(
            [
                _(
                    "Het bestand is geen Excel-bestand (.xlsx) dat Duiding kan lezen. Sla een "
                    "XLSForm op als .xlsx (in Kobo: Downloaden als XLS geeft een .xlsx)."
                )
            ]
        ) from None
    try:
        by_name = {name.strip().lower(): name for name in book.sheetnames}
        if "survey" not in by_name:
            raise XLSFormError(
                [_("Het bestand heeft geen blad ‘survey’; een XLSForm heeft dat altijd.")]
            )
        survey = _table(book[by_name["survey"]])
        choices = _table(book[by_name["choices"]]) if "choices" in by_name else None
        settings = {}
        if "settings" in by_name:
            table = _table(book[by_name["settings"]])
            if table.rows:
                cells = table.rows[0][1]
                settings = {
                    c.header.strip().lower(): cells[c.index]
                    for c in table.columns
                    if c.index < len(cells)
                }
    finally:
        book.close()
    if survey.column("type") is None:
        raise XLSFormError(
            [_("Blad %(sheet)s, rij 1: de kolom ‘type’ ontbreekt.") % {"sheet": survey.sheet}]
        )
    return Workbook(survey, choices, settings)


@dataclass
class ChoiceRow:
    row: int
    value: str
    label: dict


def choice_lists(table: Table | None, plain: str) -> dict[str, list[ChoiceRow]]:
    """{list name: [ChoiceRow, ...]} from the choices sheet, in its order."""
    lists: dict[str, list[ChoiceRow]] = {}
    if table is None:
        return lists
    for number, cells in table.rows:
        name = table.value(cells, "list_name")
        if name:
            lists.setdefault(name, []).append(
                ChoiceRow(number, table.value(cells, "name"), table.texts(cells, "label", plain))
            )
    return lists
