"""The row step of the CBS parser: a row's region, period and categories, and what is skipped.

Each distinct text is looked up once. A region Duiding does not show (a provincie, a COROP-gebied,
a size class of gemeenten, ...) is skipped by design and reported as information, one line per
sort; a region that cannot be matched is skipped with a warning; a repeated key or an unknown
period refuses the file (an error naming row and column).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duiding.areas.codes import CANONICAL_COUNTRY, level_for_code, normalise_code
from duiding.indicators.importing.cbs_columns import Categories, Layout, flag_of
from duiding.indicators.importing.cbs_regions import RegionMatcher
from duiding.indicators.importing.numbers import format_nl
from duiding.indicators.importing.types import AreaSpec, ImportMessage, ParseResult
from duiding.indicators.periods import parse_period


@dataclass
class Plan:
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


class Rows:
    """Resolves a row to its key (area, period, category); refuses unknown and repeated keys."""

    def __init__(self, plan: Plan, result: ParseResult, error):
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
        # Regions Duiding does not show or hold: (plural, why) -> [first row, rows, labels]
        self.by_design: dict[tuple[str, str], list] = {}
        self.refused = 0  # rows skipped with a warning or refused with an error
        self.skipped_by_design = 0

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
            match = self.matcher.match(label)
            if match.code is None:
                if match.kind is not None:
                    self._skip_by_design(match.kind, label, row_no)
                else:
                    self._skip(label, match.reason, row_no)
                return None
            return match.code, "", ""
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

    def _skip_by_design(self, kind: tuple[str, str], label: str, row_no: int) -> None:
        """`kind` is (plural, why): one line of information per kind, however many regions."""
        self.skipped_by_design += 1
        entry = self.by_design.setdefault(kind, [row_no, 0, {}])
        entry[1] += 1
        entry[2].setdefault(label, None)

    def skipped_report(self) -> None:
        """Per region sort Duiding does not show, one line of information (level "skipped");
        then one warning per other skipped region label and reason, in the order of their first
        row."""
        column = self.plan.column(self.region_idx) or self.plan.column(self.code_idx)
        for (plural, why), (first_row, count, labels) in sorted(
            self.by_design.items(), key=lambda kv: kv[1][0]
        ):
            examples = ", ".join(f"‘{label}’" for label in list(labels)[:3])
            regions = "1 regio" if len(labels) == 1 else f"{format_nl(len(labels))} regio’s"
            self.result.messages.append(
                ImportMessage(
                    f"{plural}: {regions}, {format_nl(count)} "
                    f"{'rij' if count == 1 else 'rijen'} (bijvoorbeeld {examples}). Bewust niet "
                    f"ingelezen: {why}",
                    row=first_row,
                    column=column,
                    level="skipped",
                )
            )
        self._warnings_report(column)

    def _warnings_report(self, column: str) -> None:
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
