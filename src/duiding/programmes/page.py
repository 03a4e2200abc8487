"""What the section pages show, prepared once so templates only print.

Everything comes from `selectors.programme_analysis` (the one source of the analysis); figure
rows are dressed by the Staat van de wijk's presenter (`areaprofile.presenters.build_row`), so a
figure, its flag and its source read the same on both pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from duiding.areaprofile.presenters import build_row
from duiding.core import formatting as fmt
from duiding.frameworks.models import Factor
from duiding.indicators.benchmark.rules import BETTER, DIFFERENT, NONE, SIMILAR, WORSE
from duiding.programmes.models import AnalysisSection
from duiding.programmes.selectors import DomainAnalysis, ProgrammeAnalysis

FLAG_ORDER = (WORSE, BETTER, DIFFERENT, SIMILAR, NONE)


@dataclass
class FigureRow:
    row: object  # areaprofile.presenters.Row
    indicator_pk: int
    striking_note: str | None  # None: not marked as striking


@dataclass
class FactorRow:
    factor: Factor
    chosen: bool
    note: str
    flagged_names: list[str]
    in_domain: bool  # linked to this domain in the factor model (else chosen from elsewhere)


@dataclass
class FlagCount:
    result: str
    label: str
    icon: str
    css: str
    count: int


@dataclass
class PillarDomainRow:
    domain: object
    section: AnalysisSection
    flag_counts: list[FlagCount]
    flagged_names: list[str]
    chosen_names: list[str]
    figure_count: int


@dataclass
class DomainPage:
    analysis: DomainAnalysis
    figures: list[FigureRow]
    factors: list[FactorRow]
    other_factors: list[Factor]  # the framework's factors not in the panel (to add one)
    striking: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    missing_rows: list = field(default_factory=list)

    @property
    def chosen_factors(self) -> list[FactorRow]:
        """The chosen factors by rank (unknown last), then name: the list shown above the text
        field, so the writer keeps them in view."""
        rows = [row for row in self.factors if row.chosen]
        return sorted(
            rows,
            key=lambda r: (r.factor.rank is None, r.factor.rank or 0, r.factor.name.lower()),
        )


def _flag_counts(rows) -> list[FlagCount]:
    counts = {result: 0 for result in FLAG_ORDER}
    labels: dict[str, str] = {}
    for row in rows:
        counts[row.flag.result] = counts.get(row.flag.result, 0) + 1
        labels.setdefault(row.flag.result, row.flag.label)
    result = []
    for key in FLAG_ORDER:
        if counts.get(key):
            css, icon = fmt.FLAG_ICONS.get(key, fmt.FLAG_ICONS["none"])
            result.append(FlagCount(key, labels.get(key, key), icon, css, counts[key]))
    return result


def domain_page(analysis: ProgrammeAnalysis, section: AnalysisSection) -> DomainPage:
    da = analysis.domain(section.domain_id)
    striking = {s.indicator_id: s for s in da.striking}
    figures = [
        FigureRow(
            build_row(item),
            item.indicator.pk,
            striking[item.indicator.pk].note if item.indicator.pk in striking else None,
        )
        for item in da.rows
    ]
    names = {r.indicator.code: r.indicator.name for r in da.rows}
    chosen = {c.factor_id: c for c in da.chosen}
    factors = [
        FactorRow(
            view.factor,
            view.chosen,
            chosen[view.factor.pk].note if view.factor.pk in chosen else "",
            [names.get(code, code) for code in view.flagged_codes],
            True,
        )
        for view in da.factors
    ]
    shown = {row.factor.pk for row in factors}
    for choice in da.chosen:
        if choice.factor_id not in shown:
            factors.append(FactorRow(choice.factor, True, choice.note, [], False))
            shown.add(choice.factor_id)
    other = list(
        Factor.objects.filter(framework=analysis.programme.framework).exclude(pk__in=shown)
    )
    return DomainPage(
        analysis=da,
        figures=figures,
        factors=factors,
        other_factors=other,
        striking=da.striking,
        missing=da.missing,
        missing_rows=da.missing_rows,
    )


def pillar_rows(analysis: ProgrammeAnalysis, section: AnalysisSection) -> list[PillarDomainRow]:
    """The pillar's domains with their conclusions, flags summary and chosen factors."""
    for pillar in analysis.pillars:
        if pillar.pillar.pk != section.pillar_id:
            continue
        return [
            PillarDomainRow(
                domain=da.domain,
                section=da.section,
                flag_counts=_flag_counts(da.rows),
                flagged_names=[
                    f"{r.indicator.name} ({r.flag.label})" for r in da.rows if r.flag.is_flagged
                ],
                chosen_names=[c.factor.name for c in da.chosen],
                figure_count=len(da.rows),
            )
            for da in pillar.domains
        ]
    return []
