"""Open a CSV or Excel file as a header plus numbered rows, with clear Dutch errors.

- Excel (.xlsx/.xlsm, recognised by content, not by name): the first sheet, whatever its name, read
  with openpyxl in read-only mode; cells keep their type (numbers stay numbers).
- CSV: UTF-8 with or without BOM; the separator (`;`, `,` or tab) is the one that makes the header
  line name the expected columns. A file that is not UTF-8 is refused with the row (and, when it can
  be told, the column) of the first character that is not UTF-8: we never guess an encoding.
- Row numbers are as a person counts them in Excel or a text editor: the header is row 1.
  Empty rows are skipped.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from duiding.indicators.importing.types import ImportMessage

SEPARATORS = [";", ",", "\t"]
SEPARATOR_NAMES = {";": "puntkomma (;)", ",": "komma (,)", "\t": "tab"}
MAX_MESSAGES = 200  # per import; more are summarised in one line

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls (Excel 97-2003)


class TableError(Exception):
    """The file cannot be read at all; `message` says why, in Dutch."""

    def __init__(self, message: ImportMessage):
        super().__init__(message.message)
        self.message = message


@dataclass
class Table:
    kind: str  # "csv" or "xlsx"
    header: list[str]  # column headers as published (trimmed)
    rows: Iterator[tuple[int, list]] = field(repr=False)  # (row number, cells); header = row 1
    separator: str = ""
    sheet: str = ""
    # Excel cells formatted as a percentage (12,5% is stored as 0.125): (row, column index) of the
    # first such cell; their values are multiplied by 100 when `percent_scale` was asked for.
    percent_cells: list[tuple[int, int]] = field(default_factory=list)


class MessageLog:
    """Collects report lines; after MAX_MESSAGES it only counts, and `close()` adds a summary."""

    def __init__(self, messages: list[ImportMessage], limit: int = MAX_MESSAGES):
        self.messages = messages
        self.limit = limit
        self.dropped = 0
        self.errors = 0
        self.error_rows: set[int] = set()  # data rows refused (row 1 is the header)

    def add(self, message: str, *, row: int | None = None, column: str = "", level="error"):
        if level == "error":
            self.errors += 1
            if row is not None and row > 1:
                self.error_rows.add(row)
        if len(self.messages) >= self.limit:
            self.dropped += 1
            return
        self.messages.append(ImportMessage(message=message, row=row, column=column, level=level))

    def close(self) -> None:
        if self.dropped:
            level = "error" if self.errors > len(self.messages) else "warning"
            self.messages.append(
                ImportMessage(
                    message=_("En nog %(count)s meldingen die hier niet getoond worden.")
                    % {"count": self.dropped},
                    level=level,
                )
            )
            self.dropped = 0


def _error(message: str, row: int | None = None, column: str = "") -> TableError:
    return TableError(ImportMessage(message=message, row=row, column=column))


def _clean(value):
    if isinstance(value, str):
        value = value.strip()
        return value
    return value


def _is_blank(cells: list) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


@contextmanager
def open_table(
    path: str | Path, *, expected: set[str], normalise=str.lower, percent_scale: bool = False
):
    """Yield a `Table` for `path`. `expected` holds normalised header names that choose the CSV
    separator. Raises TableError for a file that cannot be read (empty, old .xls, not UTF-8).
    With `percent_scale`, Excel cells shown as a percentage yield what the user sees (12.5, not
    0.125)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            start = fh.read(8)
    except OSError as exc:
        raise _error(_("Het bestand kan niet worden geopend: %(error)s") % {"error": exc}) from exc
    if start.startswith(_ZIP_MAGIC):
        with _open_xlsx(path, percent_scale=percent_scale) as table:
            yield table
        return
    if start.startswith(_OLE_MAGIC):
        raise _error(
            _(
                "Dit is een oud Excel-bestand (.xls). Sla het in Excel op als Excel-werkmap (.xlsx) "
                "of als 'CSV UTF-8' en importeer het opnieuw."
            )
        )
    yield _open_csv(path.read_bytes(), expected=expected, normalise=normalise)


@contextmanager
def _open_xlsx(path: Path, *, percent_scale: bool = False):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _error(
            _("Het bestand kan niet als Excel-werkmap (.xlsx) worden gelezen: %(error)s")
            % {"error": exc}
        ) from exc
    try:
        if not workbook.worksheets:
            raise _error(_("De Excel-werkmap bevat geen werkblad."))
        sheet = workbook.worksheets[0]
        # Some tools write a wrong <dimension> ("A1"); read-only mode would then silently read
        # only column A. Without it, openpyxl reads every row and cell as stored.
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        percent_cells: list[tuple[int, int]] = []
        if percent_scale:
            rows = _scaled_rows(sheet, percent_cells)
        else:
            rows = sheet.iter_rows(values_only=True)
        header = None
        number = 0
        for number, cells in enumerate(rows, start=1):  # noqa: B007 - number is used below
            if not _is_blank(list(cells)):
                header = [str(_clean(c)) if c is not None else "" for c in cells]
                break
        if header is None:
            raise _error(_("Het bestand is leeg: het eerste werkblad bevat geen gegevens."))
        while header and not header[-1]:
            header.pop()

        def data_rows(first=number):
            for row_number, cells in enumerate(rows, start=first + 1):
                cells = [_clean(c) for c in cells[: len(header)]]
                if not _is_blank(cells):
                    yield row_number, cells

        yield Table(
            kind="xlsx",
            header=header,
            rows=data_rows(),
            sheet=sheet.title,
            percent_cells=percent_cells,
        )
    finally:
        workbook.close()


def _scaled_rows(sheet, percent_cells: list):
    for row_number, cells in enumerate(sheet.iter_rows(), start=1):
        values = []
        for index, cell in enumerate(cells):
            value = cell.value
            if (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and "%" in (getattr(cell, "number_format", "") or "")
            ):
                value = round(value * 100, 9)
                if not percent_cells:
                    percent_cells.append((row_number, index))
            values.append(value)
        yield tuple(values)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error(
            _(
                "Het bestand is niet in UTF-8 opgeslagen maar als UTF-16 ('Unicode-tekst'). "
                "Sla het in Excel op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)' "
                "en importeer het opnieuw."
            )
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 1].decode("cp1252", errors="replace")
        column = _column_at(data, line_start, exc.start)
        where = _("rij %(row)s") % {"row": row}
        if column:
            where += ", " + _("kolom '%(column)s'") % {"column": column}
        raise _error(
            _(
                "Het bestand is niet in UTF-8 opgeslagen (%(where)s bevat een teken dat geen "
                "UTF-8 is, waarschijnlijk '%(char)s' uit Windows-1252/Latin-1). Sla het bestand "
                "in Excel op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)' en importeer "
                "het opnieuw."
            )
            % {"where": where, "char": bad},
            row=row,
            column=column,
        ) from exc


def _column_at(data: bytes, line_start: int, offset: int) -> str:
    """The header of the column a byte offset falls in (best effort, for the encoding message)."""
    header_line = data.split(b"\n", 1)[0].decode("cp1252", errors="replace").strip("\r\ufeff")
    if line_start == 0:
        return ""
    separator = max(SEPARATORS, key=header_line.count)
    if not header_line.count(separator):
        return ""
    header = next(csv.reader([header_line], delimiter=separator))
    before = data[line_start:offset].decode("cp1252", errors="replace")
    index = len(next(csv.reader([before + "x"], delimiter=separator))) - 1
    return header[index].strip() if index < len(header) else ""


def _choose_separator(first_line: str, expected: set[str], normalise) -> str:
    def score(sep: str) -> tuple[int, int]:
        fields = next(csv.reader([first_line], delimiter=sep), [])
        return (sum(normalise(f.strip()) in expected for f in fields), len(fields))

    return max(SEPARATORS, key=score)


def _open_csv(data: bytes, *, expected: set[str], normalise) -> Table:
    text = _decode(data)
    if not text.strip():
        raise _error(_("Het bestand is leeg."))
    lines = text.splitlines()
    first = next(line for line in lines if line.strip())
    separator = _choose_separator(first, expected, normalise)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header = None
    for cells in reader:
        if not _is_blank(cells):
            header = [c.strip() for c in cells]
            break
    while header and not header[-1]:
        header.pop()

    def data_rows():
        for cells in reader:
            if not _is_blank(cells):
                yield reader.line_num, [_clean(c) for c in cells]

    return Table(kind="csv", header=header or [], rows=data_rows(), separator=separator)


def column_letter(index: int) -> str:
    """0 -> 'A', 26 -> 'AA' (how Excel names a column)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
