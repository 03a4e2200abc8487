"""Parse a CBS StatLine table as the CBS open-data API delivers it.

Format: `;`-separated, UTF-8 with BOM, `.` decimals, space-padded strings, measure columns with a
numeric suffix (`TotaalJongerenMetJeugdzorgInNatura_1`), dimensions for region, period and
categories, region attributes (`Gemeentenaam`, `SoortRegio`, `Codering`, `Indelingswijziging…`).
Optionally the table's DataProperties JSON gives titles, units and decimals.

Cells: a number is a value (0 stays 0); empty, `.` or `x` is suppressed (geheim / te klein);
`-` is nihil (0). A row whose measures are all empty is "not available" (CBS published nothing for
that region and period). A column that is empty in every row is left out, as are text columns
(e.g. MeestVoorkomendePostcode), each with an info line.

The file is read line by line (nothing but the parsed values is held in memory) and refused above
settings.MAX_UPLOAD_MB. Nothing here writes to the database: the store does (see store.py).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings

from duiding.areas.codes import CANONICAL_COUNTRY, level_for_code, normalise_code
from duiding.indicators.importing.cbs_columns import (
    KNOWN_TABLE_PERIODS,
    KNOWN_TABLE_TITLES,
    Properties,
    category_of,
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


def _parse_stream(fh, size, path, tid, props, period, result, error, progress) -> None:  # noqa: C901
    lines = _Reader(fh, result)
    reader = csv.reader(lines, delimiter=";")
    header = next(reader, None)
    if header is None or not any(h.strip() for h in header):
        if not result.messages:
            error("Het bestand is leeg.")
        return
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
        return
    if not looks_like_cbs(header):
        shown = ", ".join(header[:6]) + (" …" if len(header) > 6 else "")
        error(
            "De kopregel is geen CBS-tabel: verwacht ‘ID’ als eerste kolom en onderwerpen met een "
            f"volgnummer zoals ‘AantalInwoners_5’. Gevonden: {shown}.",
            row=1,
        )
        return
    layout = layout_read(header, props, result)
    if layout is None:
        return
    if not layout.measures:
        error("De tabel heeft geen kolommen met cijfers.", row=1)
        return
    if props is not None:
        known = sum(1 for m in layout.measures if m.topic is not None)
        if known == 0:
            error(
                "Het DataProperties-bestand hoort niet bij deze tabel: geen enkele kolom komt erin "
                "voor.",
                row=1,
            )
            return
        missing = [m.column for m in layout.measures if m.topic is None]
        if missing:
            result.messages.append(
                ImportMessage(
                    "Kolommen zonder DataProperties (naam afgeleid van de sleutel): "
                    + ", ".join(missing[:20]),
                    level="info",
                )
            )
    for name in layout.text_topics:
        result.messages.append(
            ImportMessage("Tekstkolom, geen cijfers: niet ingelezen.", column=name, level="info")
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
            return
        fixed_period = parsed.code
        result.periods[parsed.code] = str(label)
    elif period:
        result.messages.append(
            ImportMessage(
                f"De tabel heeft een kolom Perioden; de opgegeven periode {period} is genegeerd.",
                level="info",
            )
        )

    ncols = len(header)
    code_idx, region_idx, flag_idx = layout.region_code, layout.region, layout.region_flag
    muni_idx, period_idx = layout.municipality_name, layout.period
    period_column = header[period_idx] if period_idx is not None else ""
    region_column = header[region_idx] if region_idx is not None else ""
    mode = "code" if code_idx is not None else ("label" if region_idx is not None else "country")
    matcher = RegionMatcher() if mode == "label" else None
    if mode == "country":
        result.areas[CANONICAL_COUNTRY] = AreaSpec(CANONICAL_COUNTRY, "Nederland", "land")
    cat_idx = [i for i, _ in layout.categories]
    cat_dims = [name for _, name in layout.categories]
    measures = [(m.index, m.code, m.column) for m in layout.measures]
    measure_idx = [m.index for m in layout.measures]
    n_measures = len(measures)
    filled = [0] * n_measures
    numbers = [0] * n_measures
    fractions = [False] * n_measures
    bad: dict[int, list] = {}  # measure position -> [count, first row, first text]

    values = result.values
    append = values.append
    PV = ParsedValue
    isfinite = math.isfinite
    area_cache: dict[str, tuple[str | None, str, str]] = {}
    period_cache: dict[str, str | None] = {}
    category_cache: dict[tuple, tuple[str, str]] = {}
    seen: dict[tuple, int] = {}
    skipped: dict[tuple[str, str], list] = {}  # (label, reason) -> [first row, count]
    refused_rows = 0
    next_report = 0

    def skip(label: str, reason: str, row_no: int) -> None:
        entry = skipped.setdefault((label, reason), [row_no, 0])
        entry[1] += 1

    for row in reader:
        row_no = lines.line
        if len(row) != ncols:
            if not any(cell.strip() for cell in row):
                continue  # blank line
            result.rows_read += 1
            refused_rows += 1
            error(f"Rij {row_no} heeft {len(row)} kolommen; de kopregel heeft er {ncols}.", row_no)
            continue
        result.rows_read += 1
        if row_no >= next_report and progress is not None:
            progress(int(95 * lines.bytes / size), f"Rij {row_no} gelezen")
            next_report = row_no + 500

        # Region
        if mode == "code":
            raw_code = row[code_idx].strip()
            hit = area_cache.get(raw_code)
            if hit is None:
                code = normalise_code(raw_code) if raw_code else ""
                level = level_for_code(code) if code else None
                if level is None:
                    label = row[region_idx].strip() if region_idx is not None else raw_code
                    reason = (
                        "heeft geen regiocode"
                        if not raw_code
                        else f"heeft een onbekende code ({raw_code})"
                    )
                    refused_rows += 1
                    skip(label or raw_code, reason, row_no)
                    if raw_code:
                        area_cache[raw_code] = (None, reason, "")
                    continue
                name = row[region_idx].strip() if region_idx is not None else ""
                if not name and muni_idx is not None:
                    name = row[muni_idx].strip()
                flag = flag_of(row[flag_idx]) if flag_idx is not None else ""
                result.areas[code] = AreaSpec(code, name or code, level, flag)
                hit = area_cache[raw_code] = (code, raw_code, flag)
            if hit[0] is None:
                refused_rows += 1
                skip(
                    row[region_idx].strip() if region_idx is not None else raw_code, hit[1], row_no
                )
                continue
            area_code, published, flag = hit
        elif mode == "label":
            label = row[region_idx].strip()
            area_code, reason = matcher.match(label)
            if area_code is None:
                refused_rows += 1
                skip(label, reason, row_no)
                continue
            published, flag = "", ""
        else:
            area_code, published, flag = CANONICAL_COUNTRY, "", ""

        # Period
        if period_idx is not None:
            label = row[period_idx]
            period_code = period_cache.get(label, "")
            if period_code == "":
                parsed = parse_period(label.strip())
                period_code = period_cache[label] = parsed.code if parsed else None
                if parsed:
                    result.periods.setdefault(parsed.code, label.strip())
            if period_code is None:
                refused_rows += 1
                error(
                    f"Rij {row_no}: ‘{label.strip()}’ is geen periode die Duiding kent "
                    "(verwacht bijvoorbeeld ‘2019’, ‘1e halfjaar 2019’ of ‘30 juni 2015’).",
                    row_no,
                    period_column,
                )
                continue
        else:
            period_code = fixed_period

        # Categories
        labels = tuple(row[i] for i in cat_idx)
        cat = category_cache.get(labels)
        if cat is None:
            cat = category_cache[labels] = category_of(labels, cat_dims)
        category, source_category = cat

        key = (area_code, period_code, category)
        first = seen.setdefault(key, row_no)
        if first != row_no:
            refused_rows += 1
            error(
                f"Rij {row_no} herhaalt rij {first}: dezelfde regio, periode en categorie "
                f"({area_code}, {period_code}{', ' + category if category else ''}).",
                row_no,
                region_column,
            )
            continue

        empty_status = "suppressed"
        if not any(row[i] for i in measure_idx):
            empty_status = "not_available"
        for pos in range(n_measures):
            j, icode, column = measures[pos]
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
        if len(values) > MAX_VALUES:
            error(
                f"De tabel heeft meer dan {MAX_VALUES:,} waarden; splits haar (bijvoorbeeld per "
                "jaar of per regio).".replace(",", ".")
            )
            return

    if result.rows_read == 0 and not result.has_errors:
        error("Het bestand heeft alleen een kopregel en geen rijen met cijfers.", row=1)
        return

    # Columns: text columns and empty columns are left out; a stray word in a number column is an error.
    drop: set[str] = set()
    for pos, (_j, _code, column) in enumerate(measures):
        if pos in bad:
            count, first_row, text = bad[pos]
            if numbers[pos] == 0:
                drop.add(column)
                result.messages.append(
                    ImportMessage(
                        f"Tekstkolom, geen cijfers (bv. ‘{text}’): niet ingelezen.",
                        column=column,
                        level="info",
                    )
                )
            else:
                refused_rows += count
                error(
                    f"Rij {first_row}, kolom {column}: ‘{text}’ is geen getal"
                    + (f" (en nog {count - 1} cellen in deze kolom)." if count > 1 else "."),
                    first_row,
                    column,
                )
        elif filled[pos] == 0:
            drop.add(column)
            result.messages.append(
                ImportMessage(
                    "Kolom is in dit bestand helemaal leeg: niet ingelezen.",
                    column=column,
                    level="info",
                )
            )
    if drop:
        result.values = [v for v in values if v.source_column not in drop]

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
    for pos, m in enumerate(layout.measures):
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

    for (label, reason), (first_row, count) in sorted(skipped.items(), key=lambda kv: kv[1][0]):
        more = f" (en {count - 1} rijen meer)" if count > 1 else ""
        result.messages.append(
            ImportMessage(
                f"Regio ‘{label}’ {reason}: rij {first_row}{more} overgeslagen.",
                row=first_row,
                column=region_column or (header[code_idx] if code_idx is not None else ""),
                level="warning",
            )
        )
    result.rows_refused = refused_rows
    if progress is not None:
        progress(100, f"{result.rows_read} rijen gelezen")


__all__ = ["parse_cbs"]
