"""Parse a CBS StatLine table as the CBS open-data API delivers it.

Format: `;`-separated, UTF-8 with BOM, `.` decimals, space-padded strings, measure columns with a
numeric suffix (`TotaalJongerenMetJeugdzorgInNatura_1`), dimensions for region, period and
categories, region attributes (`Gemeentenaam`, `SoortRegio`, `Codering`, `Indelingswijziging…`).
Optionally the table's DataProperties JSON gives titles, units and decimals.

Cells: a number is a value (0 stays 0); empty, `.` or `x` is suppressed (geheim / te klein);
`-` is nihil (0). A row whose measures are all empty is "not available" (CBS published nothing for
that region and period). A column that is empty in every row is left out, as are columns that
the metadata calls text (DataProperties Datatype "String", or a known CBS text topic such as
MeestVoorkomendePostcode), each with an info line naming it. A word in any other measure column
refuses the file, naming row and column.

The file is read line by line (nothing but the parsed values is held in memory) and refused above
settings.MAX_UPLOAD_MB. Nothing here writes to the database: the store does (see store.py).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings

from duiding.indicators.importing.cbs_columns import (
    KNOWN_TABLE_PERIODS,
    KNOWN_TABLE_TITLES,
    Layout,
    Properties,
    layout_read,
    looks_like_cbs,
    properties_load,
    table_id,
    unit_kind,
)
from duiding.indicators.importing.cbs_rows import Plan, Rows
from duiding.indicators.importing.types import (
    ImportMessage,
    IndicatorSpec,
    ParsedValue,
    ParseResult,
)
from duiding.indicators.periods import parse_period

MAX_ERRORS = 100
MAX_VALUES = 6_000_000  # about 3 GB of parsed values: beyond this, split the table
SUPPRESSED = {"", ".", "x", "X"}
NIHIL = {"-", "\u2013", "\u2014"}


class _Stop(Exception):
    """Too many errors: stop reading, the report already says enough."""


class _Reader:
    """Lines of the file decoded one by one, so an encoding error names its row."""

    def __init__(self, fh, result: ParseResult):
        self.fh = fh
        self.result = result
        self.bytes = 0
        self.line = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.fh:
            self.line += 1
            self.bytes += len(raw)
            if self.line == 1:
                if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                    self._error(
                        "Het bestand is UTF-16 gecodeerd. Sla het op als ‘CSV UTF-8’ "
                        "(CBS levert UTF-8 met BOM)."
                    )
                    return
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                self._error(
                    f"Rij {self.line} is geen geldige UTF-8-tekst (teken {exc.start + 1}: "
                    f"{raw[exc.start : exc.start + 1]!r}). Het bestand heeft waarschijnlijk een "
                    "andere codering (bijvoorbeeld Windows-1252). Sla het op als ‘CSV UTF-8’; "
                    "CBS levert UTF-8 met BOM.",
                    row=self.line,
                )
                return

    def _error(self, message: str, row: int | None = None) -> None:
        self.result.messages.append(ImportMessage(message, row=row))


def parse_cbs(
    path: str | Path,
    *,
    properties_path: str | Path | None = None,
    period: str | None = None,
    progress: Callable[[int, str], None] | None = None,
    file_name: str = "",
) -> ParseResult:
    """Read a CBS StatLine CSV into a ParseResult (values, areas, periods, indicator specs).

    `file_name`: the name the user gave the file (an upload is stored under another name); the
    CBS table id (85685NED) is taken from it, else from `path`.
    """
    path = Path(path)
    tid = table_id(file_name) or table_id(path)
    result = ParseResult(
        dataset_code=(tid or Path(file_name or path).stem)[:60],
        dataset_title=KNOWN_TABLE_TITLES.get(
            tid, f"CBS-tabel {tid or Path(file_name or path).stem}"
        ),
    )

    def error(message: str, row: int | None = None, column: str = "") -> None:
        result.messages.append(ImportMessage(message, row=row, column=column))
        if sum(1 for m in result.messages if m.level == "error") >= MAX_ERRORS:
            result.messages.append(
                ImportMessage(f"Gestopt na {MAX_ERRORS} fouten; verbeter deze eerst.", level="info")
            )
            raise _Stop

    size = path.stat().st_size if path.is_file() else -1
    if size < 0:
        error(f"Het bestand ‘{path.name}’ is niet gevonden.")
        return result
    limit = settings.MAX_UPLOAD_MB
    if size > limit * 1024 * 1024:
        error(
            f"Het bestand is {size / (1024 * 1024):.0f} MB; Duiding leest CBS-tabellen tot "
            f"{limit} MB. Splits de tabel (bijvoorbeeld per jaar) of vraag de beheerder de grens "
            "(MAX_UPLOAD_MB) te verhogen."
        )
        return result
    if size == 0:
        error("Het bestand is leeg.")
        return result

    props: Properties | None = None
    if properties_path:
        try:
            props = properties_load(properties_path)
        except (OSError, ValueError) as exc:  # JSONDecodeError is a ValueError
            error(f"Het DataProperties-bestand is niet te lezen als CBS-metadata (JSON): {exc}.")
            return result

    try:
        with open(path, "rb") as fh:
            _parse_stream(fh, size, path, tid, props, period, result, error, progress)
    except _Stop:
        pass
    except csv.Error as exc:
        error(f"Het bestand is geen geldige CSV: {exc}.")
    return result


def _parse_stream(fh, size, path, tid, props, period, result, error, progress) -> None:
    """Reader, layout, row and value steps, then what the columns turned out to hold."""
    lines = _Reader(fh, result)
    reader = csv.reader(lines, delimiter=";")
    header = _header_read(reader, result, error)
    if header is None:
        return
    plan = _plan_read(header, props, tid, period, result, error)
    if plan is None:
        return
    rows = Rows(plan, result, error)
    cells = _Values(plan, result)
    next_report = 0
    for row in reader:
        row_no = lines.line
        if len(row) != plan.ncols:
            if not any(cell.strip() for cell in row):
                continue  # blank line
            result.rows_read += 1
            rows.refused += 1
            error(
                f"Rij {row_no} heeft {len(row)} kolommen; de kopregel heeft er {plan.ncols}.",
                row_no,
            )
            continue
        result.rows_read += 1
        if row_no >= next_report and progress is not None:
            progress(int(95 * lines.bytes / size), f"Rij {row_no} gelezen")
            next_report = row_no + 500
        key = rows.key(row, row_no)
        if key is None:
            continue
        cells.add(row, row_no, key)
        if len(result.values) > MAX_VALUES:
            error(
                f"De tabel heeft meer dan {MAX_VALUES:,} waarden; splits haar (bijvoorbeeld per "
                "jaar of per regio).".replace(",", ".")
            )
            return

    if result.rows_read == 0 and not result.has_errors:
        error("Het bestand heeft alleen een kopregel en geen rijen met cijfers.", row=1)
        return
    drop = cells.columns_check(rows, error)
    _indicators_add(plan, cells.fractions, drop, tid, result)
    rows.skipped_report()
    result.messages.extend(rows.categories.messages())
    result.rows_refused = rows.refused
    result.rows_skipped = rows.skipped_by_design
    if progress is not None:
        progress(100, f"{result.rows_read} rijen gelezen")


# Reader step: the header line says whether this is a CBS table at all.


def _header_read(reader, result: ParseResult, error) -> list[str] | None:
    """The stripped header, or None (reported) when the file is empty or no CBS table."""
    header = next(reader, None)
    if header is None or not any(h.strip() for h in header):
        if not result.messages:
            error("Het bestand is leeg.")
        return None
    header = [h.strip() for h in header]
    if len(header) == 1:
        raw = header[0]
        if raw.count(",") >= 2:
            error(
                "Het scheidingsteken is een komma; een CBS-tabel gebruikt een puntkomma (;). "
                "Download de tabel opnieuw bij CBS of sla het bestand op met ‘;’ als scheidingsteken.",
                row=1,
            )
        elif "\t" in raw:
            error(
                "Het scheidingsteken is een tab; een CBS-tabel gebruikt een puntkomma (;).", row=1
            )
        else:
            error("De kopregel heeft maar één kolom; dit is geen CBS-tabel.", row=1)
        return None
    if not looks_like_cbs(header):
        shown = ", ".join(header[:6]) + (" …" if len(header) > 6 else "")
        error(
            "De kopregel is geen CBS-tabel: verwacht ‘ID’ als eerste kolom en onderwerpen met een "
            f"volgnummer zoals ‘AantalInwoners_5’. Gevonden: {shown}.",
            row=1,
        )
        return None
    return header


# Layout step: which column is what, checked against the DataProperties and the period option.


def _plan_read(header, props, tid, period, result: ParseResult, error) -> Plan | None:
    """The layout of the header, or None (reported) when it has no figures or no period."""
    layout = layout_read(header, props, result)
    if layout is None:
        return None
    if not layout.measures:
        error("De tabel heeft geen kolommen met cijfers.", row=1)
        return None
    if props is not None and not _properties_match(layout, result, error):
        return None
    for name, source in layout.text_topics:
        result.messages.append(
            ImportMessage(
                f"Kolom {name} is volgens {source} tekst, geen cijfers: als tekstkolom herkend en "
                "niet als cijfer ingelezen.",
                column=name,
                level="info",
            )
        )
    fixed_period = None
    if layout.period is None:
        label = period or KNOWN_TABLE_PERIODS.get(tid)
        parsed = parse_period(str(label)) if label else None
        if parsed is None:
            if label:
                error(f"De opgegeven periode ‘{label}’ is niet herkend (gebruik bv. 2024).")
            else:
                error(
                    "Deze tabel heeft geen kolom ‘Perioden’. Geef de periode op "
                    "(bijvoorbeeld --period 2024)."
                )
            return None
        fixed_period = parsed.code
        result.periods[parsed.code] = str(label)
    elif period:
        result.messages.append(
            ImportMessage(
                f"De tabel heeft een kolom Perioden; de opgegeven periode {period} is genegeerd.",
                level="info",
            )
        )
    return Plan(header=header, layout=layout, fixed_period=fixed_period)


def _properties_match(layout: Layout, result: ParseResult, error) -> bool:
    """False (reported) when the DataProperties name none of the columns; notes the missing."""
    known = sum(1 for m in layout.measures if m.topic is not None)
    if known == 0:
        error(
            "Het DataProperties-bestand hoort niet bij deze tabel: geen enkele kolom komt erin "
            "voor.",
            row=1,
        )
        return False
    missing = [m.column for m in layout.measures if m.topic is None]
    if missing:
        result.messages.append(
            ImportMessage(
                "Kolommen zonder DataProperties (naam afgeleid van de sleutel): "
                + ", ".join(missing[:20]),
                level="info",
            )
        )
    return True


# Value step: every measure cell of a row becomes a ParsedValue (the hot loop of the parse).


class _Values:
    """Cells to values, counting per measure what it held (filled, numbers, fractions, text)."""

    def __init__(self, plan: Plan, result: ParseResult):
        self.plan = plan
        self.result = result
        n = len(plan.measures)
        self.measure_idx = [m.index for m in plan.layout.measures]
        self.filled = [0] * n
        self.numbers = [0] * n
        self.fractions = [False] * n
        self.bad: dict[int, list] = {}  # measure position -> [count, first row, first text]

    def add(self, row: list[str], row_no: int, key: tuple) -> None:
        area_code, published, flag, period_code, category, source_category = key
        append = self.result.values.append
        filled, numbers, fractions, bad = self.filled, self.numbers, self.fractions, self.bad
        PV = ParsedValue
        isfinite = math.isfinite
        empty_status = "suppressed"
        if not any(row[i] for i in self.measure_idx):
            empty_status = "not_available"
        for pos, (j, icode, column) in enumerate(self.plan.measures):
            cell = row[j]
            if not cell:
                append(
                    PV(icode, area_code, period_code, None, empty_status, category, None, None,
                       row_no, column, source_category, published, flag)
                )  # fmt: skip
                continue
            filled[pos] += 1
            try:
                value = float(cell)
                if not isfinite(value):
                    raise ValueError
            except ValueError:
                text = cell.strip()
                if text in SUPPRESSED:
                    append(
                        PV(icode, area_code, period_code, None, "suppressed", category, None,
                           None, row_no, column, source_category, published, flag)
                    )  # fmt: skip
                    continue
                if text in NIHIL:
                    value = 0.0
                else:
                    entry = bad.setdefault(pos, [0, row_no, text])
                    entry[0] += 1
                    continue
            numbers[pos] += 1
            if not fractions[pos] and value % 1:
                fractions[pos] = True
            append(
                PV(icode, area_code, period_code, value, "ok", category, None, None, row_no,
                   column, source_category, published, flag)
            )  # fmt: skip

    def columns_check(self, rows: Rows, error) -> set[str]:
        """Empty columns are left out (returned). A word in a measure column refuses the file,
        also when the column holds no number at all: only the metadata makes a column text."""
        result = self.result
        drop: set[str] = set()
        for pos, (_j, _code, column) in enumerate(self.plan.measures):
            if pos in self.bad:
                count, first_row, text = self.bad[pos]
                rows.refused += count
                more = f" (en nog {count - 1} cellen in deze kolom)" if count > 1 else ""
                hint = (
                    " De kolom bevat geen enkel getal; een cijferkolom van CBS bevat getallen, "
                    "lege cellen, ‘.’, ‘x’ of ‘-’."
                    if self.numbers[pos] == 0
                    else ""
                )
                error(
                    f"Rij {first_row}, kolom {column}: ‘{text}’ is geen getal{more}.{hint}",
                    first_row,
                    column,
                )
            elif self.filled[pos] == 0:
                drop.add(column)
                result.messages.append(
                    ImportMessage(
                        f"Kolom {column} is in dit bestand helemaal leeg: niet ingelezen.",
                        column=column,
                        level="info",
                    )
                )
        if drop:
            result.values = [v for v in result.values if v.source_column not in drop]
        return drop


def _indicators_add(plan: Plan, fractions: list[bool], drop: set[str], tid, result) -> None:
    """An IndicatorSpec per measure that was read, its rhythm from the periods found."""
    kinds = {parse_period(code).kind for code in result.periods if parse_period(code)}
    rhythm = (
        "quarterly"
        if kinds == {"quarter"}
        else "half_yearly"
        if "half" in kinds
        else "irregular"
        if "date" in kinds
        else "yearly"
    )
    source = f"CBS StatLine {tid}" if tid else "CBS StatLine"
    for pos, m in enumerate(plan.layout.measures):
        if m.column in drop or m.code in result.indicators:
            continue
        kind, unit_label, decimals = unit_kind(m.topic, m.code, fractions[pos])
        result.indicators[m.code] = IndicatorSpec(
            code=m.code,
            name=m.name[:300],
            unit_kind=kind,
            decimals=decimals,
            definition=(m.topic.description if m.topic else "") or "",
            unit_label=unit_label,
            source=source,
            rhythm=rhythm,
        )


__all__ = ["parse_cbs"]
