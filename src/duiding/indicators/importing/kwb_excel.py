"""Parser for the KWB Excel release of CBS (`kwb-YYYY.xlsx`): one row per area, one column per figure.

- The area is `gwb_code_10` (GM0344 / WK034401 / BU03440111; NL00 for the country), its name
  `regio`, its kind `recs` (Land/Gemeente/Wijk/Buurt), CBS's indelingswijziging flag `ind_wbi`.
- Every other column is a figure with a short key (`a_inw`, `p_jz_tn`); `kwb_keys` says which
  CBS OData series it continues. `pst_mvp`/`pst_dekp` (postcode) are no figures and are skipped.
- `.` = geheim (stored as suppressed, never as 0); an empty cell = niet beschikbaar.
- The period is the release year given by the user (`--year 2024` -> period "2024").
- The first sheet is read, whatever its name; the same layout saved as CSV (`,` or `;`) works too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from duiding.areas.codes import level_for_code, normalise_code
from duiding.indicators.importing import kwb_keys
from duiding.indicators.importing.numbers import SUPPRESSED_MARKS, as_float
from duiding.indicators.importing.tabular import MessageLog, TableError, open_table
from duiding.indicators.importing.types import AreaSpec, ParsedValue, ParseResult

CODE_COLUMNS = ["gwb_code_10", "gwb_code"]  # the first one present names the area
LEVELS = {"land": "land", "gemeente": "gemeente", "wijk": "wijk", "buurt": "buurt"}
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_COMMA_NUMBER = re.compile(r"^-?\d+,\d+$")
MIN_YEAR, MAX_YEAR = 1990, 2100


def dataset_code(year: int) -> str:
    return f"cbs-kwb-{year}"


def _cell_value(raw) -> tuple[float | None, str] | None:
    """(value, status) for a KWB cell, or None when it is not a number, `.` or empty."""
    number = as_float(raw)
    if number is not None:
        return number, "ok"
    if raw is None or raw == "":
        return None, "not_available"
    text = str(raw).strip()
    if not text:
        return None, "not_available"
    if text in SUPPRESSED_MARKS:
        return None, "suppressed"
    if _PLAIN_NUMBER.match(text):  # numbers stored as text, e.g. '222298' or '1.9'
        return float(text), "ok"
    if _COMMA_NUMBER.match(text):
        return float(text.replace(",", ".")), "ok"
    return None


def _flag(raw) -> str:
    """CBS indelingswijziging as text: 1, 2 or 3 ('' when absent)."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = "" if raw is None else str(raw).strip()
    return "" if text in {"", "."} else text


def _year_warning(year: int, path: Path, file_name: str, sheet: str) -> str:
    for label in (file_name or path.name, sheet):
        years = {int(y) for y in re.findall(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", label or "")}
        if years and year not in years:
            return _(
                "'%(label)s' noemt het jaar %(found)s, maar u importeert als %(year)s. "
                "Klopt het jaar?"
            ) % {"label": label, "found": ", ".join(map(str, sorted(years))), "year": year}
    return ""


def parse_kwb_excel(path, *, year: int, file_name: str = "") -> ParseResult:
    """Read a KWB Excel release into values for period `year`. Pure: no database access."""
    path = Path(path)
    result = ParseResult(
        dataset_code=dataset_code(year),
        dataset_title=_("Kerncijfers wijken en buurten %(year)s (Excel)") % {"year": year},
    )
    log = MessageLog(result.messages)
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = 0
    if not MIN_YEAR <= year <= MAX_YEAR:
        log.add(_("Geef het jaar van de KWB-release op, bijvoorbeeld --year 2024."))
        return result
    period = str(year)
    result.periods[period] = period

    try:
        with open_table(path, expected={"gwb_code_10", "regio", "recs", "a_inw"}) as table:
            _parse_table(table, year, period, path, file_name, result, log)
    except TableError as exc:
        result.messages.append(exc.message)
    log.close()
    result.rows_refused = len(log.error_rows)
    return result


@dataclass
class _Columns:
    """Where the area code, name, kind and flag stand, and the figures: (index, header, code)."""

    code: int
    name: int | None
    recs: int | None
    wbi: int | None
    measures: list[tuple[int, str, str]]


def _parse_table(table, year, period, path, file_name, result: ParseResult, log: MessageLog):
    keys = [kwb_keys.normalise_key(h) for h in table.header]
    if not any(keys):
        log.add(_("Het bestand is leeg."))
        return
    columns = _columns_read(table, keys, year, path, file_name, result, log)
    if columns is None:
        return
    rows_seen: dict[str, int] = {}
    width = len(keys)
    for row_number, cells in table.rows:
        result.rows_read += 1
        cells = list(cells) + [None] * (width - len(cells))
        area = _row_area(table, columns, cells, row_number, rows_seen, log)
        if area is not None:
            result.areas[area.code] = area
            _row_values(columns, cells, row_number, area, period, result, log)
    if not result.rows_read:
        log.add(_("Het bestand bevat geen gegevens onder de kopregel (vanaf rij 2)."))


def _columns_read(table, keys, year, path, file_name, result, log) -> _Columns | None:
    """The header: the code column must be there; every other key but the area's is a figure."""
    code_col = next((keys.index(c) for c in CODE_COLUMNS if c in keys), None)
    if code_col is None:
        log.add(
            _(
                "Rij 1: de kolom 'gwb_code_10' (gebiedscode) ontbreekt. Dit lijkt geen KWB "
                "Excel-bestand van CBS; de eerste kolommen zijn: %(found)s."
            )
            % {"found": ", ".join(h for h in table.header[:8] if h)},
            row=1,
            column="gwb_code_10",
        )
        return None
    warning = _year_warning(year, path, file_name, table.sheet)
    if warning:
        log.add(warning, level="warning")
    measures = []  # (index, header as published, indicator code)
    seen_codes: dict[str, str] = {}
    for index, key in enumerate(keys):
        if not key or key in kwb_keys.NOT_MEASURES:
            continue
        code = kwb_keys.canonical_key(key)
        if code in seen_codes:
            log.add(
                _("Rij 1: kolom '%(column)s' komt twee keer voor (ook als '%(other)s').")
                % {"column": table.header[index], "other": seen_codes[code]},
                row=1,
                column=table.header[index],
            )
            continue
        seen_codes[code] = table.header[index]
        measures.append((index, table.header[index], code))
        # The store prefers the curated catalogue when it creates the indicator.
        result.indicators[code] = kwb_keys.indicator_spec(key)
    if not measures:
        log.add(_("Rij 1: het bestand bevat geen kolommen met cijfers."), row=1)
        return None
    return _Columns(
        code=code_col,
        name=keys.index("regio") if "regio" in keys else None,
        recs=keys.index("recs") if "recs" in keys else None,
        wbi=keys.index("ind_wbi") if "ind_wbi" in keys else None,
        measures=measures,
    )


def _row_area(table, columns: _Columns, cells, row_number, rows_seen, log) -> AreaSpec | None:
    """The row's area, or None (reported) when its code is missing, unknown or repeated."""
    code_header = table.header[columns.code]
    raw_code = str(cells[columns.code] or "").strip()
    code = normalise_code(raw_code)
    level = level_for_code(code)
    if not raw_code:
        log.add(
            _("Rij %(row)s: de gebiedscode ontbreekt.") % {"row": row_number},
            row=row_number,
            column=code_header,
        )
        return None
    if level not in LEVELS.values():
        log.add(
            _(
                "Rij %(row)s: '%(code)s' is geen CBS-gebiedscode (verwacht NL00, GMxxxx, "
                "WKxxxxxx of BUxxxxxxxx)."
            )
            % {"row": row_number, "code": raw_code},
            row=row_number,
            column=code_header,
        )
        return None
    if code in rows_seen:
        log.add(
            _("Rij %(row)s: gebied %(code)s staat ook al in rij %(first)s.")
            % {"row": row_number, "code": raw_code, "first": rows_seen[code]},
            row=row_number,
            column=code_header,
        )
        return None
    rows_seen[code] = row_number
    recs = str(cells[columns.recs] or "").strip() if columns.recs is not None else ""
    if recs and LEVELS.get(recs.lower()) not in (None, level):
        log.add(
            _("Rij %(row)s: soort regio '%(recs)s' past niet bij code %(code)s.")
            % {"row": row_number, "recs": recs, "code": raw_code},
            row=row_number,
            column=table.header[columns.recs],
            level="warning",
        )
    wbi = _flag(cells[columns.wbi]) if columns.wbi is not None else ""
    name = str(cells[columns.name] or "").strip() if columns.name is not None else ""
    return AreaSpec(code=code, name=name or code, level=level, indelingswijziging=wbi)


def _row_values(columns: _Columns, cells, row_number, area: AreaSpec, period, result, log) -> None:
    """One value per figure column of the row; a cell that is no number is reported."""
    raw_code = str(cells[columns.code] or "").strip()
    for index, header, indicator in columns.measures:
        parsed = _cell_value(cells[index])
        if parsed is None:
            log.add(
                _(
                    "Rij %(row)s, kolom '%(column)s': '%(value)s' is geen getal "
                    "(verwacht een getal, '.' voor geheim of een leeg vak)."
                )
                % {"row": row_number, "column": header, "value": cells[index]},
                row=row_number,
                column=header,
            )
            continue
        value, status = parsed
        result.values.append(
            ParsedValue(
                indicator_code=indicator,
                area_code=area.code,
                period_code=period,
                value=value,
                status=status,
                source_row=row_number,
                source_column=header,
                published_area_code=raw_code,
                indelingswijziging=area.indelingswijziging,
            )
        )
