"""The long sheets of the workbook: one per pillar, the indicator overview, the factor models.

A pillar sheet lists per domain the indicators (column E = the wijk's value, then the comparison
areas, the difference with the city as a live formula, the threshold, the direction, Duiding's
flag and the source), the factors, the partial analysis, the conclusion, the striking and the
missing figures; at the bottom the conclusions per domain and the pillar's analysis.

The orange mark on column E is conditional formatting. For a wijk value in E7 and a city value in
F7 with the threshold in I7 the rule reads
    AND(ISNUMBER($E$7),ISNUMBER($F$7),$F$7<>0,($E$7-$F$7)/ABS($F$7)*100>$I$7)
("higher than the city by more than the threshold"); the direction decides which side is worse
(dark orange) and which is better (light orange); a neutral indicator is light orange on both.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from duiding.core.exports import status_text
from duiding.indicators.benchmark import rules
from duiding.programmes.workbook.cells import (
    DOMAIN_FILL,
    Layout,
    header,
    location,
    long_text,
    number_format,
    put,
    toc_link,
    unit_text,
    widths,
)

WORSE_FILL = PatternFill("solid", start_color="F4B084", end_color="F4B084")
DEVIATING_FILL = PatternFill("solid", start_color="FCE4D6", end_color="FCE4D6")
WIJK_COLUMN = 5  # column E, as in the seed's format


def direction_text(direction: str) -> str:
    if direction == rules.HIGHER_IS_BETTER:
        return _("hoger is beter")
    if direction == rules.LOWER_IS_BETTER:
        return _("lager is beter")
    return _("geen richting")


def role_text(role: str) -> str:
    return {
        "area": _("dit gebied"),
        "parent": _("bovenliggend gebied"),
        "municipality": _("gemeente"),
        "country": _("land"),
    }.get(role, role)


def reference_index(comparison_areas) -> int | None:
    """Index of the comparison the mark compares with: the municipality, else the first."""
    for index, comp in enumerate(comparison_areas):
        if comp.role == "municipality":
            return index
    return 0 if comparison_areas else None


def mark_rules(wijk: str, ref: str, threshold: str, direction: str) -> list[tuple[str, str]]:
    """(kind, formula) of the conditional-formatting rules of one wijk cell; kind is
    'worse' or 'deviating'."""
    guard = f"ISNUMBER({wijk}),ISNUMBER({ref}),{ref}<>0"
    relative = f"({wijk}-{ref})/ABS({ref})*100"
    higher = f"AND({guard},{relative}>{threshold})"
    lower = f"AND({guard},{relative}<-{threshold})"
    if direction == rules.LOWER_IS_BETTER:
        return [("worse", higher), ("deviating", lower)]
    if direction == rules.HIGHER_IS_BETTER:
        return [("worse", lower), ("deviating", higher)]
    return [("deviating", f"AND({guard},ABS({relative})>{threshold})")]


def _value(ws, row, col, observation, ref):
    """An observation value as a number, or the reason there is none."""
    if observation is None:
        return put(ws, row, col, None)
    if observation.has_value:
        return put(ws, row, col, observation.value, fmt=number_format(ref.unit_kind, ref.decimals))
    return put(ws, row, col, status_text(observation.status))


def indicator_columns(analysis) -> list[str]:
    area = analysis.programme.area
    labels = [_("Indicator"), _("Code"), _("Eenheid"), _("Periode"), area.name]
    labels += [c.area.name for c in analysis.benchmark.comparison_areas]
    ref = reference_index(analysis.benchmark.comparison_areas)
    city = analysis.benchmark.comparison_areas[ref].area.name if ref is not None else ""
    labels += [
        _("Verschil t.o.v. %(area)s (%%)") % {"area": city},
        _("Drempel (%)"),
        _("Richting"),
        _("Oordeel in Duiding"),
        _("Bron"),
    ]
    return labels


def write_indicator_row(ws, row: int, item, analysis, layout: Layout) -> None:
    ind = item.indicator
    comps = analysis.benchmark.comparison_areas
    overview_row = layout.overview_rows.get(ind.code)
    link = location(layout.overview, f"A{overview_row}") if overview_row else None
    put(ws, row, 1, ind.name, wrap=True, link=link)
    put(ws, row, 2, ind.code)
    put(ws, row, 3, unit_text(ind))
    put(ws, row, 4, item.value.period.label)
    _value(ws, row, WIJK_COLUMN, item.value, ind)
    by_code = {c.area.code: c for c in item.comparisons}
    for offset, comp_area in enumerate(comps, start=1):
        comparison = by_code.get(comp_area.area.code)
        _value(ws, row, WIJK_COLUMN + offset, comparison.value if comparison else None, ind)
    diff_col = WIJK_COLUMN + len(comps) + 1
    ref_index = reference_index(comps)
    wijk = f"$E${row}"
    threshold = f"${get_column_letter(diff_col + 1)}${row}"
    put(ws, row, diff_col + 1, ind.flag_threshold_pct, fmt="0")
    put(ws, row, diff_col + 2, direction_text(ind.direction))
    put(ws, row, diff_col + 3, item.flag.label)
    prov = item.value.provenance
    put(ws, row, diff_col + 4, prov.dataset_code or _("berekend"), link=link)
    if ref_index is None or ind.unit_kind in rules.COUNT_KINDS:
        return
    ref = f"${get_column_letter(WIJK_COLUMN + 1 + ref_index)}${row}"
    diff = ws.cell(
        row=row,
        column=diff_col,
        value=f'=IF(AND(ISNUMBER({wijk}),ISNUMBER({ref}),{ref}<>0),({wijk}-{ref})/ABS({ref})*100,"")',
    )
    diff.number_format = "+0.0;-0.0;0.0"
    for kind, formula in mark_rules(wijk, ref, threshold, ind.direction):
        fill = WORSE_FILL if kind == "worse" else DEVIATING_FILL
        ws.conditional_formatting.add(
            f"E{row}", FormulaRule(formula=[formula], fill=fill, stopIfTrue=True)
        )


def write_domain(ws, row: int, da, analysis, layout: Layout, last_col: int) -> int:
    domain = da.domain
    put(ws, row, 1, _("Domein: %(name)s") % {"name": domain.name}, fill=DOMAIN_FILL).font = Font(
        bold=True, size=12
    )
    put(
        ws,
        row,
        3,
        _("Factorenmodel %(domain)s →") % {"domain": domain.name},
        link=location(layout.factor_sheets[domain.pk]),
    )
    row += 1
    put(ws, row, 1, _("Status: %(status)s") % {"status": da.section.get_status_display()})
    row += 2
    header(ws, row, indicator_columns(analysis))
    row += 1
    if not da.rows:
        put(ws, row, 1, _("Voor dit gebied zijn er geen cijfers van dit domein."))
        row += 1
    for item in da.rows:
        write_indicator_row(ws, row, item, analysis, layout)
        row += 1
    if da.missing_rows:
        names = ", ".join(i.name for i in da.missing_rows)
        put(ws, row, 1, _("Indicatoren zonder cijfer hier: %(names)s") % {"names": names})
        row += 1
    row += 1
    put(ws, row, 1, _("Factoren"), bold=True)
    row += 1
    header(
        ws,
        row,
        [
            _("Factor"),
            _("Ranking"),
            _("Soort"),
            _("Leefgebieden"),
            _("Leeftijdsfasen"),
            _("Gemarkeerde indicatoren"),
            _("Gekozen"),
            _("Toelichting"),
        ],
    )
    row += 1
    notes = {c.factor_id: c.note for c in da.chosen}
    shown = {view.factor.pk for view in da.factors}
    factor_rows = [(v.factor, v.flagged_codes, v.chosen) for v in da.factors]
    factor_rows += [(c.factor, [], True) for c in da.chosen if c.factor_id not in shown]
    if not factor_rows:
        put(ws, row, 1, _("Het factorenmodel heeft nog geen factoren voor dit domein."))
        row += 1
    for factor, flagged, chosen in factor_rows:
        put(ws, row, 1, factor.name, link=location(layout.factor_sheets[domain.pk]))
        put(ws, row, 2, factor.rank)
        put(ws, row, 3, str(factor.get_kind_display()))
        put(ws, row, 4, ", ".join(a.name for a in factor.life_areas.all()), wrap=True)
        put(ws, row, 5, ", ".join(a.name for a in factor.age_phases.all()), wrap=True)
        put(ws, row, 6, ", ".join(flagged))
        put(ws, row, 7, _("ja") if chosen else _("nee"), bold=chosen)
        put(ws, row, 8, notes.get(factor.pk, ""), wrap=True)
        row += 1
    row += 1
    row = long_text(ws, row, _("Deelanalyse"), da.section.analysis, last_col)
    row = long_text(ws, row, _("Conclusie"), da.section.conclusion, last_col)
    row += 1
    put(ws, row, 1, _("Opvallende cijfers"), bold=True)
    row += 1
    if not da.striking:
        put(ws, row, 1, _("Geen."))
        row += 1
    for mark in da.striking:
        put(ws, row, 1, mark.indicator.name)
        put(ws, row, 2, mark.note, wrap=True)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last_col)
        row += 1
    row += 1
    put(ws, row, 1, _("Ontbrekende cijfers"), bold=True)
    row += 1
    if not da.missing:
        put(ws, row, 1, _("Geen."))
        return row + 3
    header(ws, row, [_("Welk cijfer"), _("Waarvoor nodig"), _("Mogelijke bron"), _("Status")])
    row += 1
    for missing in da.missing:
        put(ws, row, 1, missing.description, wrap=True)
        put(ws, row, 2, missing.reason, wrap=True)
        put(ws, row, 3, missing.possible_source, wrap=True)
        put(ws, row, 4, str(missing.get_status_display()))
        row += 1
    return row + 2


def write_pillar(ws, pa, analysis, layout: Layout) -> None:
    programme = analysis.programme
    last_col = len(indicator_columns(analysis))
    toc_link(ws, 1, layout)
    put(ws, 2, 1, _("Pijler %(name)s") % {"name": pa.pillar.name}).font = Font(bold=True, size=14)
    put(ws, 3, 1, f"{programme.area.name} ({programme.area.code}) · {programme.name}")
    row = 5
    for da in pa.domains:
        row = write_domain(ws, row, da, analysis, layout, last_col)
    put(ws, row, 1, _("Conclusies per domein"), bold=True).font = Font(bold=True, size=12)
    row += 1
    header(ws, row, [_("Domein"), _("Conclusie"), _("Gekozen factoren"), _("Status")])
    row += 1
    for da in pa.domains:
        put(ws, row, 1, da.domain.name)
        put(ws, row, 2, da.section.conclusion, wrap=True)
        put(ws, row, 3, ", ".join(c.factor.name for c in da.chosen), wrap=True)
        put(ws, row, 4, str(da.section.get_status_display()))
        row += 1
    row += 1
    row = long_text(ws, row, _("Analyse van de pijler"), pa.section.analysis, last_col)
    put(ws, row, 1, _("Status"), bold=True)
    put(ws, row, 2, str(pa.section.get_status_display()))
    widths(ws, {"A": 48, "B": 26, "C": 16, "D": 14})
    for col in range(WIJK_COLUMN, last_col + 1):
        ws.column_dimensions[get_column_letter(col)].width = 16


def _period_columns(rows) -> list[tuple[str, str]]:
    """(code, label) of every period in any series, in time order."""
    seen: dict[str, tuple] = {}
    for item in rows:
        for series in item.series:
            for point in series.points:
                seen.setdefault(
                    point.period_code, (point.year, point.period_code, point.period_label)
                )
    return [(code, label) for _year, code, label in sorted(seen.values())]


def write_overview(ws, analysis, layout: Layout) -> None:
    """Every indicator of the area: one row for the area and one per comparison area, one column
    per period. Records the area row of each indicator in layout.overview_rows."""
    toc_link(ws, 1, layout)
    col = 2
    for title in layout.pillars.values():
        put(ws, 1, col, _("← terug naar %(sheet)s") % {"sheet": title}, link=location(title))
        col += 1
    put(ws, 2, 1, _("Indicatoren overzicht")).font = Font(bold=True, size=14)
    area = analysis.programme.area
    put(ws, 3, 1, _("Alle cijfers van %(area)s en de vergelijkingsgebieden") % {"area": area.name})
    rows = analysis.benchmark.rows
    periods = _period_columns(rows)
    domain_names = {d.domain.pk: d.domain.name for p in analysis.pillars for d in p.domains}
    fixed = [
        _("Indicator"),
        _("Code"),
        _("Eenheid"),
        _("Gebied"),
        _("Gebiedscode"),
        _("Rol"),
        _("Domeinen"),
        _("Bron"),
    ]
    header(ws, 5, fixed + [label for _code, label in periods])
    period_col = {code: len(fixed) + 1 + i for i, (code, _label) in enumerate(periods)}
    row = 6
    for item in rows:
        ind = item.indicator
        layout.overview_rows[ind.code] = row
        fmt = number_format(ind.unit_kind, ind.decimals)
        domains = ", ".join(domain_names[d] for d in ind.domain_ids if d in domain_names)
        prov = item.value.provenance
        source = " · ".join(
            part for part in (prov.dataset_code, prov.file, prov.column) if part
        ) or _("berekend")
        series_by_role = {s.role: s for s in item.series}
        targets = [("area", analysis.benchmark.area)] + [
            (c.role, c.area) for c in analysis.benchmark.comparison_areas
        ]
        for role, target in targets:
            put(ws, row, 1, ind.name, bold=role == "area")
            put(ws, row, 2, ind.code)
            put(ws, row, 3, unit_text(ind))
            put(ws, row, 4, target.name)
            put(ws, row, 5, target.code)
            put(ws, row, 6, role_text(role))
            put(ws, row, 7, domains)
            put(ws, row, 8, source if role == "area" else "")
            series = series_by_role.get(role)
            for point in series.points if series else []:
                value = point.value if point.status == "ok" else status_text(point.status)
                put(ws, row, period_col[point.period_code], value, fmt=fmt)
            row += 1
    ws.freeze_panes = "C6"
    widths(ws, {"A": 45, "B": 24, "C": 12, "D": 18, "E": 12, "F": 16, "G": 30, "H": 30})


def write_factor_model(ws, da, analysis, layout: Layout) -> None:
    domain = da.domain
    toc_link(ws, 1, layout)
    label, target = layout.back_to_pillar(domain.pk)
    put(ws, 1, 3, label, link=target)
    title = _("Factorenmodel %(domain)s") % {"domain": domain.name}
    put(ws, 2, 1, title).font = Font(bold=True, size=14)
    put(
        ws,
        3,
        1,
        _(
            "Risico- en beschermende factoren van het domein: in welk leefgebied en in welke "
            "leeftijdsfase ze spelen (bijlage 3)."
        ),
    )
    header(
        ws,
        5,
        [
            _("Ranking"),
            _("Factor"),
            _("Soort"),
            _("Leefgebieden"),
            _("Leeftijdsfasen"),
            _("Gekoppelde indicatoren"),
            _("Gemarkeerde indicatoren hier"),
            _("Gekozen in de analyse"),
            _("Uitleg"),
            _("Bron"),
            _("Vaststelling"),
        ],
    )
    row = 6
    if not da.factors:
        put(ws, row, 1, _("Het factorenmodel heeft nog geen factoren voor dit domein."))
    for view in da.factors:
        factor = view.factor
        put(ws, row, 1, factor.rank)
        put(ws, row, 2, factor.name, bold=view.chosen)
        put(ws, row, 3, str(factor.get_kind_display()))
        put(ws, row, 4, ", ".join(a.name for a in factor.life_areas.all()), wrap=True)
        put(ws, row, 5, ", ".join(a.name for a in factor.age_phases.all()), wrap=True)
        put(ws, row, 6, ", ".join(i.name for i in factor.indicators.all()), wrap=True)
        put(ws, row, 7, ", ".join(view.flagged_codes), wrap=True)
        put(ws, row, 8, _("ja") if view.chosen else _("nee"))
        put(ws, row, 9, factor.explanation, wrap=True)
        put(ws, row, 10, factor.source, wrap=True)
        confirmed = not factor.is_default or factor.confirmed
        put(
            ws,
            row,
            11,
            _("vastgesteld") if confirmed else _("standaard — te bevestigen door de gemeente"),
        )
        row += 1
    widths(
        ws,
        {"A": 10, "B": 40, "C": 22, "D": 30, "E": 30, "F": 40, "G": 24, "H": 12, "I": 50},
    )
    ws.column_dimensions["J"].width = 30
    ws.column_dimensions["K"].width = 24
