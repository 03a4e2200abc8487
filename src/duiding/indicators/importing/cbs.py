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
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from duiding.areas.codes import CANONICAL_COUNTRY, level_for_code, normalise_code
from duiding.indicators.importing.cbs_columns import (
    KNOWN_TABLE_PERIODS,
    KNOWN_TABLE_TITLES,
    Categories,
    Layout,
    Properties,
    flag_of,
    layout_read,
    looks_like_cbs,
    properties_load,
    table_id,
    unit_kind,
)
from duiding.indicators.importing.cbs_regions import RegionMatcher
from duiding.indicators.importing.types import (
    AreaSpec,
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
    rows = _Rows(plan, result, error)
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


@dataclass
class _Plan:
    """The table's layout as positions the row and value steps read."""

    header: list[str]
    layout: Layout
    fixed_period: str | None  # the period of a table without a Perioden column
    mode: str = field(init=False)  # "code", "label" (region names only) or "country"
    measures: list[tuple[int, str, str]] = field(init=False)  # (index, indicator code, column)

    def __post_init__(self) -> None:
        layout = self.layout
        if layout.region_code is not None:
            self.mode = "code"
        else:
            self.mode = "label" if layout.region is not None else "country"
        self.measures = [(m.index, m.code, m.column) for m in layout.measures]

    @property
    def ncols(self) -> int:
        return len(self.header)

    def column(self, index: int | None) -> str:
        return self.header[index] if index is not None else ""


def _plan_read(header, props, tid, period, result: ParseResult, error) -> _Plan | None:
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
    return _Plan(header=header, layout=layout, fixed_period=fixed_period)


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


# Row step: region, period and categories of a row, each looked up once per distinct text.


class _Rows:
    """Resolves a row to its key (area, period, category); refuses unknown and repeated keys."""

    def __init__(self, plan: _Plan, result: ParseResult, error):
        self.plan = plan
        self.result = result
        self.error = error
        layout = plan.layout
        self.code_idx, self.region_idx = layout.region_code, layout.region
        self.flag_idx, self.muni_idx = layout.region_flag, layout.municipality_name
        self.period_idx = layout.period
        self.cat_idx = [i for i, _ in layout.categories]
        self.categories = Categories([name for _, name in layout.categories])
        self.matcher = RegionMatcher() if plan.mode == "label" else None
        if plan.mode == "country":
            result.areas[CANONICAL_COUNTRY] = AreaSpec(CANONICAL_COUNTRY, "Nederland", "land")
        self.area_cache: dict[str, tuple[str | None, str, str]] = {}
        self.period_cache: dict[str, str | None] = {}
        self.seen: dict[tuple, int] = {}
        self.skipped: dict[tuple[str, str], list] = {}  # (label, reason) -> [first row, count]
        self.refused = 0

    def key(self, row: list[str], row_no: int) -> tuple | None:
        """(area, published code, flag, period, category, category as published), or None."""
        region = self.region(row, row_no)
        if region is None:
            return None
        period_code = self.period(row, row_no)
        if period_code is None:
            return None
        category, source_category = self.categories.of(tuple(row[i] for i in self.cat_idx), row_no)
        area_code, published, flag = region
        first = self.seen.setdefault((area_code, period_code, category), row_no)
        if first != row_no:
            self.refused += 1
            self.error(
                f"Rij {row_no} herhaalt rij {first}: dezelfde regio, periode en categorie "
                f"({area_code}, {period_code}{', ' + category if category else ''}).",
                row_no,
                self.plan.column(self.region_idx),
            )
            return None
        return area_code, published, flag, period_code, category, source_category

    def region(self, row: list[str], row_no: int) -> tuple[str, str, str] | None:
        """(area code, code as published, indelingswijziging flag), or None when skipped."""
        mode = self.plan.mode
        if mode == "country":
            return CANONICAL_COUNTRY, "", ""
        if mode == "label":
            label = row[self.region_idx].strip()
            area_code, reason = self.matcher.match(label)
            if area_code is None:
                self._skip(label, reason, row_no)
                return None
            return area_code, "", ""
        raw_code = row[self.code_idx].strip()
        hit = self.area_cache.get(raw_code)
        if hit is None:
            hit = self._area_new(row, raw_code)
            first_time = True
        else:
            first_time = False
        if hit[0] is None:
            label = row[self.region_idx].strip() if self.region_idx is not None else raw_code
            self._skip((label or raw_code) if first_time else label, hit[1], row_no)
            return None
        return hit

    def _area_new(self, row: list[str], raw_code: str) -> tuple[str | None, str, str]:
        """The first row of a region code: its AreaSpec, or (None, reason) when unknown."""
        code = normalise_code(raw_code) if raw_code else ""
        level = level_for_code(code) if code else None
        if level is None:
            reason = (
                "heeft geen regiocode" if not raw_code else f"heeft een onbekende code ({raw_code})"
            )
            hit = (None, reason, "")
            if raw_code:
                self.area_cache[raw_code] = hit
            return hit
        name = row[self.region_idx].strip() if self.region_idx is not None else ""
        if not name and self.muni_idx is not None:
            name = row[self.muni_idx].strip()
        flag = flag_of(row[self.flag_idx]) if self.flag_idx is not None else ""
        self.result.areas[code] = AreaSpec(code, name or code, level, flag)
        hit = self.area_cache[raw_code] = (code, raw_code, flag)
        return hit

    def period(self, row: list[str], row_no: int) -> str | None:
        if self.period_idx is None:
            return self.plan.fixed_period
        label = row[self.period_idx]
        period_code = self.period_cache.get(label, "")
        if period_code == "":
            parsed = parse_period(label.strip())
            period_code = self.period_cache[label] = parsed.code if parsed else None
            if parsed:
                self.result.periods.setdefault(parsed.code, label.strip())
        if period_code is None:
            self.refused += 1
            self.error(
                f"Rij {row_no}: ‘{label.strip()}’ is geen periode die Duiding kent "
                "(verwacht bijvoorbeeld ‘2019’, ‘1e halfjaar 2019’ of ‘30 juni 2015’).",
                row_no,
                self.plan.column(self.period_idx),
            )
        return period_code

    def _skip(self, label: str, reason: str, row_no: int) -> None:
        self.refused += 1
        entry = self.skipped.setdefault((label, reason), [row_no, 0])
        entry[1] += 1

    def skipped_report(self) -> None:
        """One warning per skipped region label and reason, in the order of their first row."""
        plan = self.plan
        column = plan.column(self.region_idx) or plan.column(self.code_idx)
        for (label, reason), (first_row, count) in sorted(
            self.skipped.items(), key=lambda kv: kv[1][0]
        ):
            more = f" (en {count - 1} rijen meer)" if count > 1 else ""
            self.result.messages.append(
                ImportMessage(
                    f"Regio ‘{label}’ {reason}: rij {first_row}{more} overgeslagen.",
                    row=first_row,
                    column=column,
                    level="warning",
                )
            )


# Value step: every measure cell of a row becomes a ParsedValue (the hot loop of the parse).


class _Values:
    """Cells to values, counting per measure what it held (filled, numbers, fractions, text)."""

    def __init__(self, plan: _Plan, result: ParseResult):
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

    def columns_check(self, rows: _Rows, error) -> set[str]:
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


def _indicators_add(plan: _Plan, fractions: list[bool], drop: set[str], tid, result) -> None:
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
