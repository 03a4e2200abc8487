"""Row by row checks of an own-figures file (see observations.py for the rules in plain words)."""

from __future__ import annotations

from datetime import date, datetime

from django.utils.translation import gettext as _

from duiding.areas.codes import normalise_code
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
from duiding.indicators.importing.tabular import SEPARATOR_NAMES, MessageLog, column_letter
from duiding.indicators.importing.types import ParsedValue, ParseResult
from duiding.indicators.periods import label_for_code, parse_period

NUMERIC = ("value", "numerator", "denominator")


class ObservationRows:
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
