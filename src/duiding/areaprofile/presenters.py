"""Turn an `AreaBenchmark` into what the page, the exports and the charts show.

Grouping: per pillar and domain of the default framework (the order of DomainIndicator); an
indicator in several domains appears in each; indicators in no domain of that framework go to a
final section "Overige cijfers". Everything is computed once here, so templates only print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html_join
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from duiding.core import charts
from duiding.core import formatting as fmt
from duiding.core.sparkline import sparkline_svg

# CBS "Indelingswijziging gemeente, wijk, buurt" (KWB DataProperties): what each code means.
INDELINGSWIJZIGING = {
    "1": gettext_noop(
        "codering en afbakening ongewijzigd t.o.v. het voorgaande jaar; cijfers zijn vergelijkbaar"
    ),
    "2": gettext_noop(
        "codering gewijzigd, afbakening ongewijzigd; zoek eerst de code van het voorgaande jaar op"
    ),
    "3": gettext_noop(
        "afbakening gewijzigd; cijfers zijn niet zonder meer vergelijkbaar met het voorgaande jaar"
    ),
}


def indelingswijziging_code(raw: str) -> str:
    """'1.0' / ' 1' / '1' -> '1'; '' stays ''."""
    text = (raw or "").strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text


INDELINGSWIJZIGING_HEADER = {
    "1": gettext_noop("indeling ongewijzigd sinds vorig jaar: cijfers vergelijkbaar over de jaren"),
    "2": gettext_noop("nieuwe CBS-code, zelfde grenzen als vorig jaar"),
    "3": gettext_noop("grenzen gewijzigd: vergelijk niet zonder meer met eerdere jaren"),
}


def indelingswijziging_meaning(raw: str) -> dict | None:
    """For the page header: a short phrase for the code (CBS-indelingswijziging 1-3), with the
    code and CBS's full meaning for the title; None when there is no code."""
    code = indelingswijziging_code(raw)
    if not code:
        return None
    short = INDELINGSWIJZIGING_HEADER.get(code)
    return {
        "code": code,
        "short": _(short) if short else code,
        "full": indelingswijziging_text(raw),
    }


def indelingswijziging_text(raw: str) -> str:
    code = indelingswijziging_code(raw)
    if not code:
        return ""
    meaning = INDELINGSWIJZIGING.get(code)
    return f"{code}: {_(meaning)}" if meaning else code


@dataclass(slots=True)
class ComparisonCell:
    area_code: str
    area_name: str
    role: str
    value: fmt.ValueText
    raw_value: float | None
    difference: str
    raw_difference: float | None
    flag_result: str
    flag_label: str
    flag_reason: str
    flag_icon: str
    flag_css: str
    # the count per 1.000 youths (indicators/benchmark/rates.py), when there is one
    rate: fmt.ValueText | None = None
    rate_flag_label: str = ""
    rate_flag_icon: str = ""
    rate_flag_css: str = ""


@dataclass(slots=True)
class Row:
    indicator_code: str
    indicator_name: str
    indicator_url: str
    definition: str
    unit_kind: str
    unit_text: str
    direction_text: str
    meta: str  # "percentage · 2023 · hoger is beter"
    period_code: str
    period_label: str
    value: fmt.ValueText
    raw_value: float | None
    status: str
    cells: list[ComparisonCell]
    main_flag: ComparisonCell | None
    suggestion: str
    provenance: object  # indicators.selectors.Provenance
    indelingswijziging: str
    observation_pk: int
    trend: dict | None  # compact chart data, see charts.trend_data
    trend_summary: str
    trend_id: str = ""  # key into the page's one "trend-data" JSON (set by the page)
    source_items: list[tuple[str, str]] = field(default_factory=list)
    source_html: str = ""  # the same items as escaped <dt>/<dd> pairs (fast to render)
    credit: str = ""
    domain_names: list[str] = field(default_factory=list)
    decimals: int = 0  # the indicator's precision (the exports' number format)
    sparkline: str = ""  # inline SVG (core/sparkline.py), safe
    rate: fmt.ValueText | None = None  # the area's count per 1.000 youths


@dataclass(slots=True)
class DomainSection:
    pk: int | None
    name: str
    rows: list[Row]


@dataclass(slots=True)
class PillarSection:
    name: str
    domains: list[DomainSection]

    @property
    def row_count(self) -> int:
        return sum(len(d.rows) for d in self.domains)


@lru_cache(maxsize=8)
def _texts(language: str) -> dict[str, str]:
    """Translated labels used on every row, looked up once per language (not per row)."""
    return {
        "higher_is_better": _("hoger is beter"),
        "lower_is_better": _("lager is beter"),
        "neutral": _("hoger of lager is niet beter of slechter"),
        "count": _("aantal"),
        "percentage": _("percentage"),
        "rate_1000": _("per 1.000"),
        "mean": _("gemiddelde"),
        "index": _("index / schaalscore"),
        "amount": _("bedrag"),
        "definition": _("Definitie"),
        "suggestion": _("Vergelijkingsadvies"),
        "flag_against": _("Oordeel t.o.v. %(area)s"),
        "dataset": _("Gegevensbron"),
        "derived": _("berekend uit teller en noemer"),
        "file": _("Bestand"),
        "row": _("Rij"),
        "column": _("Kolom"),
        "category": _("Categorie zoals gepubliceerd"),
        "published_code": _("Gepubliceerde gebiedscode"),
        "indelingswijziging": _("CBS-indelingswijziging"),
        "period": _("Periode"),
        "credit_cbs": _("Bron: CBS (CC BY 4.0)"),
        "credit_derived": _("Bron: CBS (CC BY 4.0); berekend door Duiding"),
        "calculation": _("Berekening"),
        "numerator": _("Teller"),
        "denominator": _("Noemer"),
        "part_missing": _("geen cijfer van dit onderdeel voor deze periode"),
        "part_source": _("%(dataset)s, bestand %(file)s, rij %(row)s, kolom %(column)s"),
        "rate_label": _("per 1.000 jongeren"),
        "rate": _("Per 1.000 jongeren"),
        "credit_parts": _("Bron: CBS (CC BY 4.0); teller en noemer zoals gepubliceerd"),
    }


@lru_cache(maxsize=1)
def _indicator_url_pattern() -> str:
    return reverse("indicators:indicator_detail", args=[987654321]).replace("987654321", "{}")


def _indicator_url(pk: int) -> str:
    """The indicator's own page (definition, source), without a reverse() per row."""
    try:
        return _indicator_url_pattern().format(pk)
    except NoReverseMatch:  # pragma: no cover - the indicators app always has this page
        return ""


def texts() -> dict[str, str]:
    return _texts(get_language() or "nl")


def _unit_text(unit_kind: str, unit_label: str, t: dict[str, str]) -> str:
    return t.get(unit_kind, unit_kind) + (f" ({unit_label})" if unit_label else "")


def _part_text(part, t: dict[str, str]) -> str:
    """'Jongeren … (1.555): 85685NED — Jeugdzorg; wijken, bestand …csv, rij 8041, kolom …'."""
    head = part.name + (f" ({fmt.number(part.value, 0)})" if part.value is not None else "")
    prov = part.provenance
    if prov is None:
        return f"{head}: {t['part_missing']}"
    dataset = prov.dataset_code + (f" — {prov.dataset_title}" if prov.dataset_title else "")
    where = t["part_source"] % {
        "dataset": dataset or "–",
        "file": prov.file or "–",
        "row": prov.row or "–",
        "column": prov.column or "–",
    }
    return f"{head}: {where}"


def _derived_items(parts, t: dict[str, str]) -> list[tuple[str, str]]:
    """Numerator and denominator with their own CBS file and row (not "berekend door Duiding")."""
    formula = (
        f"{t['numerator']} / {t['denominator']} × {fmt.number(parts.multiplier, 0)}"
        f" ({parts.numerator.code} / {parts.denominator.code})"
    )
    return [
        (t["calculation"], formula),
        (t["numerator"], _part_text(parts.numerator, t)),
        (t["denominator"], _part_text(parts.denominator, t)),
    ]


def _source_items(item, cells, t: dict[str, str], parts=None, rate=None) -> list[tuple[str, str]]:
    """The 'Bron en toelichting' list as (label, text) pairs, empty fields left out."""
    ind, prov = item.indicator, item.value.provenance
    items: list[tuple[str, str]] = []
    if ind.definition:
        items.append((t["definition"], ind.definition))
    if rate is not None:
        items.append((t["rate"], rate.definition))
    items.append((t["suggestion"], item.suggestion.text))
    for cell in cells:
        items.append(
            (
                t["flag_against"] % {"area": cell.area_name},
                f"{cell.flag_label[:1].upper()}{cell.flag_label[1:]}: {cell.flag_reason}",
            )
        )
    if parts is not None:
        items.extend(_derived_items(parts, t))
    else:
        if prov.dataset_code:
            dataset = prov.dataset_code + (f" — {prov.dataset_title}" if prov.dataset_title else "")
        else:
            dataset = t["derived"]
        items.append((t["dataset"], dataset))
        for key, text in (
            ("file", prov.file),
            ("row", str(prov.row) if prov.row else ""),
            ("column", prov.column),
            ("category", prov.category),
        ):
            if text:
                items.append((t[key], text))
    for key, text in (
        ("published_code", prov.published_area_code),
        ("indelingswijziging", indelingswijziging_text(prov.indelingswijziging)),
    ):
        if text:
            items.append((t[key], text))
    items.append((t["period"], item.value.period.label))
    return items


def _rate_text(rate_value, t: dict[str, str]) -> fmt.ValueText:
    """'88,6 per 1.000 jongeren' (or "geen cijfer" without a population)."""
    if rate_value.value is None:
        return fmt.value_text(None, "not_available", "mean", 1)
    return fmt.value_text(rate_value.value, "ok", "mean", 1, t["rate_label"])


def _add_rate(cells: list[ComparisonCell], rate, t: dict[str, str]) -> None:
    """The rate per 1.000 youths and its flag on each comparison cell; the count's own "geen
    oordeel" then gives way to the rate's verdict."""
    for cell, (other, flag) in zip(cells, rate.comparisons, strict=True):
        css, icon = fmt.FLAG_ICONS.get(flag.result, fmt.FLAG_ICONS["none"])
        cell.rate = _rate_text(other, t)
        cell.rate_flag_label, cell.rate_flag_icon, cell.rate_flag_css = flag.label, icon, css
        cell.flag_label, cell.flag_reason = flag.label, flag.reason


def build_row(item, *, with_page_parts: bool = True, rate=None, parts=None) -> Row:
    """One `IndicatorBenchmark` as a row; `with_page_parts=False` skips trend and source list
    (the exports need neither). rate: its `rates.YouthRate`; parts: its `sources.DerivedSource`
    (a derived figure)."""
    t = texts()
    ind = item.indicator
    value = item.value
    unit_kind, decimals, unit_label = ind.unit_kind, ind.decimals, ind.unit_label
    cells: list[ComparisonCell] = []
    for comp in item.comparisons:
        other = comp.value
        result = comp.flag.result
        css, icon = fmt.FLAG_ICONS.get(result, fmt.FLAG_ICONS["none"])
        cells.append(
            ComparisonCell(
                area_code=comp.area.code,
                area_name=comp.area.name,
                role=comp.role,
                value=fmt.value_text(
                    other.value if other else None,
                    other.status if other else None,
                    unit_kind,
                    decimals,
                    unit_label,
                ),
                raw_value=other.value if other else None,
                difference=fmt.difference_text(comp.difference, unit_kind, decimals, unit_label),
                raw_difference=comp.difference,
                flag_result=result,
                flag_label=comp.flag.label,
                flag_reason=comp.flag.reason,
                flag_icon=icon,
                flag_css=css,
            )
        )
    if rate is not None:
        _add_rate(cells, rate, t)
    main = next((c for c in cells if c.role == "municipality"), cells[0] if cells else None)
    if with_page_parts:
        trend, summary = charts.trend_data(item)
        source_items = _source_items(item, cells, t, parts, rate)
    else:
        trend, summary, source_items = None, "", []
    unit_text = _unit_text(unit_kind, unit_label, t)
    direction_text = t.get(ind.direction, t["neutral"])
    return Row(
        indicator_code=ind.code,
        indicator_name=ind.name,
        indicator_url=_indicator_url(ind.pk),
        definition=ind.definition,
        unit_kind=unit_kind,
        unit_text=unit_text,
        direction_text=direction_text,
        meta=f"{unit_text} · {value.period.label} · {direction_text}",
        period_code=value.period.code,
        period_label=value.period.label,
        value=fmt.value_text(value.value, value.status, unit_kind, decimals, unit_label),
        raw_value=value.value,
        status=value.status,
        cells=cells,
        main_flag=main,
        suggestion=item.suggestion.text,
        provenance=value.provenance,
        indelingswijziging=indelingswijziging_text(value.provenance.indelingswijziging),
        observation_pk=value.pk,
        trend=trend,
        trend_summary=summary,
        source_items=source_items,
        source_html=format_html_join("", "<dt>{}</dt><dd>{}</dd>", source_items),
        credit=_credit(value.provenance, parts, t),
        sparkline=sparkline_svg(trend, summary) if trend else "",
        rate=_rate_text(rate.own, t) if rate is not None else None,
        decimals=decimals,
    )


def _credit(prov, parts, t: dict[str, str]) -> str:
    if parts is not None:
        return t["credit_parts"]
    return t["credit_cbs"] if prov.dataset_code else t["credit_derived"]


def build_sections(
    benchmark,
    framework_domains: list[tuple[int, str, str]],
    domain_order: dict[tuple[int, int], int],
    *,
    with_page_parts: bool = True,
    rates: dict | None = None,
    parts: dict | None = None,
) -> tuple[list[PillarSection], list[Row]]:
    """(pillars, other rows). framework_domains: (domain pk, pillar name, domain name) in order;
    domain_order: (domain pk, indicator pk) -> order within the domain; rates / parts: indicator
    pk -> its rate per 1.000 youths / derived figure's numerator and denominator."""
    rates, parts = rates or {}, parts or {}
    rows = {
        item.indicator.pk: build_row(
            item,
            with_page_parts=with_page_parts,
            rate=rates.get(item.indicator.pk),
            parts=parts.get(item.indicator.pk),
        )
        for item in benchmark.rows
    }
    domain_names = {pk: name for pk, _pillar, name in framework_domains}
    placed: set[int] = set()
    by_domain: dict[int, list[tuple[int, str, int]]] = {pk: [] for pk in domain_names}
    for item in benchmark.rows:
        for domain_id in item.indicator.domain_ids:
            if domain_id in by_domain:
                order = domain_order.get((domain_id, item.indicator.pk), 0)
                by_domain[domain_id].append((order, item.indicator.name.lower(), item.indicator.pk))
                placed.add(item.indicator.pk)
                rows[item.indicator.pk].domain_names.append(domain_names[domain_id])
    pillars: list[PillarSection] = []
    for domain_pk, pillar_name, domain_name in framework_domains:
        if not pillars or pillars[-1].name != pillar_name:
            pillars.append(PillarSection(pillar_name, []))
        ordered = [rows[pk] for _o, _n, pk in sorted(by_domain[domain_pk])]
        pillars[-1].domains.append(DomainSection(domain_pk, domain_name, ordered))
    other = [rows[item.indicator.pk] for item in benchmark.rows if item.indicator.pk not in placed]
    return pillars, other
