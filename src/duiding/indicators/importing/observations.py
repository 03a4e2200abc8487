"""Parser for a municipality's own figures: a long CSV or Excel file, one value per row.

Columns (header in row 1, Dutch or English, any case; spaces, `_` and `-` do not matter):
gebiedscode / area_code, indicator / indicatorcode / indicator_code, periode / period,
waarde / value, and optionally teller / numerator, noemer / denominator, categorie / category.

Values (the README beside this file says the same for users):
- numbers in Dutch ("1.234,5", "12,5") or English ("1,234.5", "12.5") notation, spaces as thousands
  separator ("1 234"); one notation per file, taken from the cells that show it, otherwise from the
  separator (`;`/tab and Excel: Dutch, `,`: English), with a warning for cells like "1.234";
- `.` or `x` = geheim (suppressed), `-` = nihil (0, as in CBS tables), empty = niet beschikbaar;
- area codes and indicator codes must exist in Duiding (an indicator of another organisation does
  not count); an indicator may also be written under one of its series aliases (e.g. `a_inw`);
- numerator and denominator: counts, the denominator above 0, the numerator not above it.
Every problem is a Dutch message naming row (header = row 1) and column; any error refuses the file.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from pathlib import Path

from django.db.models import Q
from django.utils.translation import gettext as _

from duiding.areas.codes import normalise_code
from duiding.indicators.importing import kwb_keys
from duiding.indicators.importing.numbers import (
    AMBIGUOUS,
    DUTCH,
    ENGLISH,
    NIHIL_MARKS,
    SUPPRESSED_MARKS,
    as_float,
    format_nl,
    notation_evidence,
    parse_number,
)
from duiding.indicators.importing.tabular import (
    SEPARATOR_NAMES,
    MessageLog,
    TableError,
    column_letter,
    open_table,
)
from duiding.indicators.importing.types import ParsedValue, ParseResult
from duiding.indicators.periods import label_for_code, parse_period

HEADERS = {
    "area": ("gebiedscode", "areacode"),
    "indicator": ("indicator", "indicatorcode"),
    "period": ("periode", "period"),
    "value": ("waarde", "value"),
    "numerator": ("teller", "numerator"),
    "denominator": ("noemer", "denominator"),
    "category": ("categorie", "category"),
}
REQUIRED = ("area", "indicator", "period", "value")
NUMERIC = ("value", "numerator", "denominator")
ROLE_BY_HEADER = {name: role for role, names in HEADERS.items() for name in names}
DATASET_CODE_MAX = 60


def normalise_header(text) -> str:
    return re.sub(r"[\s_\-]+", "", str(text or "")).lower()


def _org_slug_name(organisation) -> tuple[str, str]:
    if organisation is None:
        return "", ""
    if isinstance(organisation, str):
        return organisation, organisation
    return organisation.slug, organisation.name


def dataset_code_for(file_name: str, organisation=None) -> str:
    """`eigen:<organisation slug>:<file name>`, at most 60 characters (long names get a hash)."""
    slug, _name = _org_slug_name(organisation)
    prefix = f"eigen:{slug}:" if slug else "eigen:"
    code = prefix + file_name
    if len(code) <= DATASET_CODE_MAX:
        return code
    digest = hashlib.sha1(file_name.encode(), usedforsecurity=False).hexdigest()[:8]
    keep = DATASET_CODE_MAX - len(prefix) - len(digest) - 1
    return f"{prefix}{file_name[:keep]}~{digest}"


def known_areas_from_db() -> dict[str, str]:
    from duiding.areas.models import Area

    return {code.upper(): code for code in Area.objects.values_list("code", flat=True)}


def known_indicators_from_db(organisation=None) -> dict[str, str]:
    """Lower-case code or alias -> indicator code, for open indicators and the organisation's own."""
    from duiding.indicators.models import Indicator, SeriesAlias

    scope = Q(organisation__isnull=True)
    if organisation is not None and not isinstance(organisation, str):
        scope |= Q(organisation=organisation)
    elif isinstance(organisation, str):
        scope |= Q(organisation__slug=organisation)
    codes = list(Indicator.objects.filter(scope).values_list("code", flat=True))
    known = {code.lower(): code for code in codes}
    exact = set(codes)
    aliases = list(
        SeriesAlias.objects.filter(kind=SeriesAlias.Kind.MEASURE).values_list("alias", "canonical")
    )
    for alias, canonical in [*((a, c) for a, c, _note in kwb_keys.kwb_aliases()), *aliases]:
        if canonical in exact:
            known.setdefault(alias.lower(), canonical)
    return known


def parse_observations(
    path,
    *,
    organisation=None,
    file_name: str = "",
    known_areas: dict[str, str] | set[str] | None = None,
    known_indicators: dict[str, str] | set[str] | None = None,
) -> ParseResult:
    """Read a long file of own figures. Reads the database only to know area and indicator codes
    (pass `known_areas` / `known_indicators` to avoid that)."""
    path = Path(path)
    file_name = file_name or path.name
    _slug, org_name = _org_slug_name(organisation)
    result = ParseResult(
        dataset_code=dataset_code_for(file_name, organisation),
        dataset_title=(
            _("Eigen cijfers %(org)s: %(file)s") % {"org": org_name, "file": file_name}
            if org_name
            else _("Eigen cijfers: %(file)s") % {"file": file_name}
        ),
    )
    log = MessageLog(result.messages)
    try:
        with open_table(
            path,
            expected=set(ROLE_BY_HEADER),
            normalise=normalise_header,
            percent_scale=True,
        ) as table:
            columns = _header_roles(table, log)
            if columns is not None:
                if known_areas is None:
                    known_areas = known_areas_from_db()
                if known_indicators is None:
                    known_indicators = known_indicators_from_db(organisation)
                _Rows(table, columns, result, log, _as_lookup(known_areas, upper=True),
                      _as_lookup(known_indicators, upper=False)).parse()  # fmt: skip
    except TableError as exc:
        result.messages.append(exc.message)
    log.close()
    result.rows_refused = len(log.error_rows)
    return result


def _as_lookup(known, *, upper: bool) -> dict[str, str]:
    if isinstance(known, dict):
        return known
    return {(c.upper() if upper else c.lower()): c for c in known}


def _header_roles(table, log: MessageLog) -> dict[str, int] | None:
    """Role -> column index; None (with messages) when the header is not usable."""
    header = table.header
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        role = ROLE_BY_HEADER.get(normalise_header(title))
        if role is None:
            if title:
                log.add(
                    _(
                        "Kolom '%(column)s' (rij 1) is geen kolom die Duiding kent en wordt niet gelezen."
                    )
                    % {"column": title},
                    column=title,
                    level="warning",
                )
            continue
        if role in columns:
            log.add(
                _(
                    "Rij 1: de kolommen '%(first)s' en '%(second)s' betekenen hetzelfde; houd er één."
                )
                % {"first": header[columns[role]], "second": title},
                row=1,
                column=title,
            )
            return None
        columns[role] = index
    missing = [role for role in REQUIRED if role not in columns]
    if missing:
        names = ", ".join(f"'{HEADERS[r][0]}'" for r in missing)
        message = _(
            "Rij 1: de kopregel mist de kolom(men) %(names)s. Verwacht: gebiedscode, indicator, "
            "periode, waarde (en eventueel teller, noemer). Gevonden: %(found)s."
        ) % {"names": names, "found": ", ".join(f"'{h}'" for h in header if h) or _("niets")}
        if table.kind == "csv" and len([h for h in header if h]) == 1:
            message += " " + _(
                "Er is maar één kolom gevonden: gebruik ; of , of een tab tussen de kolommen."
            )
        log.add(message, row=1, column=", ".join(HEADERS[r][0] for r in missing))
        return None
    return columns


class _Rows:
    """Validates the data rows and turns them into ParsedValues (one pass to decide the number
    notation, one to read)."""

    def __init__(self, table, columns, result: ParseResult, log: MessageLog, areas, indicators):
        self.table = table
        self.columns = columns
        self.result = result
        self.log = log
        self.areas = areas
        self.indicators = indicators
        self.header = table.header
        self.seen: dict[tuple, int] = {}
        self.secret_numerator_noted = False

    def title(self, role: str) -> str:
        return self.header[self.columns[role]]

    def error(self, row: int, role: str, message: str, **params) -> None:
        params = {"row": row, "column": self.title(role), **params}
        text = _("Rij %(row)s, kolom '%(column)s': ") % params + message % params
        self.log.add(text, row=row, column=self.title(role))

    def parse(self) -> None:
        rows = list(self.table.rows)
        if not rows:
            self.log.add(_("Het bestand bevat alleen een kopregel en geen gegevens (vanaf rij 2)."))
            return
        notation = self._notation(rows)
        if notation is None:
            return
        self._percent_warning()
        width = len(self.header)
        for row_number, cells in rows:
            self.result.rows_read += 1
            extra = [c for c in cells[width:] if c not in (None, "")]
            if extra:
                self.log.add(
                    _(
                        "Rij %(row)s heeft meer vakken (%(found)s) dan de kopregel (%(width)s). "
                        "Staat er een %(sep)s in een waarde, bijvoorbeeld een decimaalkomma in een "
                        "bestand met komma's als scheidingsteken? Zet zulke waarden tussen "
                        "aanhalingstekens of gebruik ; als scheidingsteken."
                    )
                    % {
                        "row": row_number,
                        "found": len(cells),
                        "width": width,
                        "sep": SEPARATOR_NAMES.get(self.table.separator, "scheidingsteken"),
                    },
                    row=row_number,
                    column=column_letter(width),
                )
                continue
            cells = list(cells) + [None] * (width - len(cells))
            self._row(row_number, cells, notation)

    def _cell(self, cells, role):
        index = self.columns.get(role)
        return None if index is None else cells[index]

    def _notation(self, rows) -> str | None:
        found = {DUTCH: None, ENGLISH: None}  # first row that shows the notation
        ambiguous = None
        for row_number, cells in rows:
            for role in NUMERIC:
                index = self.columns.get(role)
                if index is None or index >= len(cells) or not isinstance(cells[index], str):
                    continue
                evidence = notation_evidence(cells[index]) if cells[index] else None
                if evidence in found and found[evidence] is None:
                    found[evidence] = (row_number, role, cells[index])
                elif evidence == AMBIGUOUS and ambiguous is None:
                    ambiguous = (row_number, role, cells[index])
        if found[DUTCH] and found[ENGLISH]:
            (r1, role1, v1), (r2, role2, v2) = found[DUTCH], found[ENGLISH]
            self.log.add(
                _(
                    "Het bestand mengt getalnotaties: rij %(r1)s, kolom '%(c1)s' ('%(v1)s') is "
                    "Nederlands (komma als decimaalteken), rij %(r2)s, kolom '%(c2)s' ('%(v2)s') "
                    "Engels (punt als decimaalteken). Gebruik één notatie in het hele bestand."
                )
                % {
                    "r1": r1,
                    "c1": self.title(role1),
                    "v1": v1,
                    "r2": r2,
                    "c2": self.title(role2),
                    "v2": v2,
                },  # fmt: skip
                row=r2,
                column=self.title(role2),
            )
            return None
        if found[DUTCH]:
            return DUTCH
        if found[ENGLISH]:
            return ENGLISH
        notation = ENGLISH if self.table.separator == "," else DUTCH
        if ambiguous:
            row, role, text = ambiguous
            reading = parse_number(text, notation)
            self.log.add(
                _(
                    "Rij %(row)s, kolom '%(column)s': '%(text)s' is gelezen als %(reading)s "
                    "(%(how)s), omdat niets in het bestand de notatie verraadt. Klopt dat niet, "
                    "schrijf de getallen dan zonder scheidingsteken voor duizendtallen."
                )
                % {
                    "row": row,
                    "column": self.title(role),
                    "text": text,
                    "reading": format_nl(reading),
                    "how": _("punt of komma als scheiding voor duizendtallen")
                    if float(reading).is_integer()
                    else _("met decimalen"),
                },
                column=self.title(role),
                level="warning",
            )
        return notation

    def _percent_warning(self) -> None:
        if not self.table.percent_cells:
            return
        row, index = self.table.percent_cells[0]
        self.log.add(
            _(
                "Rij %(row)s, kolom '%(column)s' en andere cellen hebben de celopmaak percentage; "
                "de getallen zijn gelezen zoals Excel ze toont (12,5%% als 12,5)."
            )
            % {"row": row, "column": self.header[index] if index < len(self.header) else ""},
            column=self.header[index] if index < len(self.header) else "",
            level="info",
        )

    def _row(self, row: int, cells: list, notation: str) -> None:
        errors = self.log.errors
        area = self._area(row, cells)
        indicator = self._indicator(row, cells)
        period = self._period(row, cells)
        value, status = self._value(row, cells, notation)
        numerator = self._count(row, cells, "numerator", notation)
        denominator = self._count(row, cells, "denominator", notation)
        category = str(self._cell(cells, "category") or "").strip()
        if self.log.errors > errors:
            return
        if denominator is not None and denominator <= 0:
            self.error(row, "denominator", _("de noemer moet groter dan 0 zijn."))
            return
        if numerator is not None and denominator is not None and numerator > denominator:
            self.error(
                row,
                "numerator",
                _("de teller (%(num)s) is groter dan de noemer (%(den)s)."),
                num=format_nl(numerator),
                den=format_nl(denominator),
            )
            return
        if status == "suppressed" and numerator is not None:
            # A secret figure stays secret: its numerator would give it away.
            numerator = None
            if not self.secret_numerator_noted:
                self.secret_numerator_noted = True
                self.log.add(
                    _(
                        "Rij %(row)s en verder: bij een geheime waarde (. of x) is de teller niet "
                        "opgeslagen, want die zou de waarde verraden."
                    )
                    % {"row": row},
                    column=self.title("numerator"),
                    level="info",
                )
        key = (area, indicator, period.code, category)
        if key in self.seen:
            self.error(
                row,
                "value",
                _(
                    "deze rij herhaalt rij %(first)s (zelfde gebied %(area)s, indicator "
                    "%(indicator)s en periode %(period)s). Haal een van beide weg."
                ),
                first=self.seen[key],
                area=area,
                indicator=indicator,
                period=period.code,
            )
            return
        self.seen[key] = row
        raw_period = str(self._cell(cells, "period")).strip()
        if period.code not in self.result.periods:
            label = raw_period if raw_period != period.code else label_for_code(period.code)
            self.result.periods[period.code] = label
        raw_area = str(self._cell(cells, "area")).strip()
        self.result.values.append(
            ParsedValue(
                indicator_code=indicator,
                area_code=area,
                period_code=period.code,
                value=value,
                status=status,
                category=category,
                numerator=numerator,
                denominator=denominator,
                source_row=row,
                source_column=self.title("value"),
                source_category=category,
                published_area_code=raw_area,
            )
        )

    def _area(self, row, cells) -> str | None:
        raw = str(self._cell(cells, "area") or "").strip()
        if not raw:
            self.error(row, "area", _("de gebiedscode ontbreekt."))
            return None
        code = self.areas.get(normalise_code(raw)) or self.areas.get(raw.upper())
        if code is None:
            self.error(
                row,
                "area",
                _(
                    "de code '%(code)s' is onbekend in Duiding. Controleer de code (bijvoorbeeld "
                    "GM0599, WK059901 of BU05990110) of importeer het gebied eerst."
                ),
                code=raw,
            )
        return code

    def _indicator(self, row, cells) -> str | None:
        raw = str(self._cell(cells, "indicator") or "").strip()
        if not raw:
            self.error(row, "indicator", _("de indicatorcode ontbreekt."))
            return None
        code = self.indicators.get(raw.lower())
        if code is None:
            self.error(
                row,
                "indicator",
                _(
                    "indicator '%(code)s' bestaat niet in Duiding. Gebruik de code van een bestaande "
                    "indicator (zie de lijst met indicatoren) of laat de beheerder hem aanmaken."
                ),
                code=raw,
            )
        return code

    def _period(self, row, cells):
        raw = self._cell(cells, "period")
        if isinstance(raw, datetime):
            raw = raw.date()
        if isinstance(raw, date):
            text = raw.isoformat()
        elif isinstance(raw, float) and raw.is_integer():
            text = str(int(raw))
        else:
            text = str(raw or "").strip()
        if not text:
            self.error(row, "period", _("de periode ontbreekt."))
            return None
        period = parse_period(text)
        if period is None:
            self.error(
                row,
                "period",
                _(
                    "'%(text)s' is geen periode die Duiding kent. Gebruik bijvoorbeeld 2024, "
                    "2024H1, 2024Q3 of 30-06-2024."
                ),
                text=text,
            )
        return period

    def _number(self, row, cells, role, notation):
        """(number, mark): mark is '' for a number, 'empty', 'suppressed' or 'nihil'."""
        raw = self._cell(cells, role)
        number = as_float(raw)
        if number is not None:
            return number, ""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None, "empty"
        text = str(raw).strip()
        if text in SUPPRESSED_MARKS:
            return None, "suppressed"
        if text in NIHIL_MARKS:
            return 0.0, "nihil"
        try:
            return parse_number(text, notation), ""
        except ValueError:
            self.error(
                row,
                role,
                _(
                    "'%(text)s' is geen getal. Gebruik een getal (12,5 of 12.5), '.' of 'x' voor "
                    "geheim, '-' voor nul (nihil), of laat het vak leeg als het cijfer ontbreekt."
                ),
                text=text,
            )
            return None, "invalid"

    def _value(self, row, cells, notation) -> tuple[float | None, str]:
        number, mark = self._number(row, cells, "value", notation)
        if mark == "empty":
            return None, "not_available"
        if mark == "suppressed":
            return None, "suppressed"
        return number, "ok"

    def _count(self, row, cells, role, notation) -> float | None:
        if role not in self.columns:
            return None
        number, _mark = self._number(row, cells, role, notation)
        if number is not None and number < 0:
            self.error(row, role, _("een %(what)s kan niet negatief zijn."), what=self.title(role))
            return None
        return number
