"""Reads of the programmes app: the whole wijkanalyse of a programme as one data structure.

`programme_analysis(programme, user)` is the single source for the workspace pages, the API
(`/api/v1/programmes/{id}/analysis`), the Excel workbook and the CSV downloads, so the three
always show the same numbers. Figures come from the benchmark service (through the user's
permissions); factors from the framework's factor model.

Shape:
    ProgrammeAnalysis
      programme, benchmark (AreaBenchmark of the programme's area and figures period)
      pillars: [PillarAnalysis(pillar, section, domains: [DomainAnalysis])]
      overall: AnalysisSection             the whole picture (overall conclusion)
      qualitative: AnalysisSection         summary of the partner conversations
      summary: [DomainConclusion]          one row per domain: pillar, domain, conclusion, status
      cross_factors: [CrossFactor]         chosen factors by number of domains (desc), then rank
      ambitions: [Ambition]                the framework's city ambitions
    DomainAnalysis
      domain, section
      rows: [IndicatorBenchmark]           the domain's indicators that have a figure
      missing_rows: [Indicator]            the domain's indicators without any figure here
      factors: [FactorView]                the factor model's factors of this domain
      chosen: [SectionFactor]; striking: [StrikingIndicator]; missing: [MissingFigure]
    FactorView: factor, flagged_codes (codes of this domain's flagged indicators linked to it)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F

from duiding.frameworks.models import Ambition, Factor, Pillar
from duiding.indicators.benchmark.types import AreaBenchmark, IndicatorBenchmark
from duiding.indicators.models import Indicator
from duiding.indicators.permissions import visible_indicator_filter
from duiding.indicators.selectors import area_benchmark
from duiding.programmes.models import (
    AnalysisSection,
    MissingFigure,
    Programme,
    SectionFactor,
    SectionStatus,
)
from duiding.programmes.permissions import visible_programmes
from duiding.programmes.services import sections_ensure


@dataclass
class FactorView:
    factor: Factor
    flagged_codes: list[str] = field(default_factory=list)
    chosen: bool = False


@dataclass
class DomainAnalysis:
    domain: object
    section: AnalysisSection
    rows: list[IndicatorBenchmark] = field(default_factory=list)
    missing_rows: list[Indicator] = field(default_factory=list)
    factors: list[FactorView] = field(default_factory=list)
    chosen: list = field(default_factory=list)
    striking: list = field(default_factory=list)
    missing: list = field(default_factory=list)

    @property
    def flagged_rows(self) -> list[IndicatorBenchmark]:
        return [r for r in self.rows if r.flag.is_flagged]


@dataclass
class PillarAnalysis:
    pillar: Pillar
    section: AnalysisSection
    domains: list[DomainAnalysis] = field(default_factory=list)


@dataclass
class DomainConclusion:
    pillar: Pillar
    domain: object
    section: AnalysisSection
    factor_names: list[str]


@dataclass
class CrossFactor:
    factor: Factor
    domains: list  # Domain objects where the factor was chosen, in framework order

    @property
    def domain_count(self) -> int:
        return len(self.domains)


@dataclass
class ProgrammeAnalysis:
    programme: Programme
    benchmark: AreaBenchmark
    pillars: list[PillarAnalysis]
    overall: AnalysisSection
    qualitative: AnalysisSection
    summary: list[DomainConclusion]
    cross_factors: list[CrossFactor]
    ambitions: list[Ambition]

    def domain(self, domain_id: int) -> DomainAnalysis | None:
        for p in self.pillars:
            for d in p.domains:
                if d.domain.pk == domain_id:
                    return d
        return None


def cross_domain_factors(chosen: list[SectionFactor], domain_order: dict[int, int]) -> list:
    """Chosen factors grouped over domains: a factor chosen in more domains comes first
    ("komt een factor in meerdere domeinen voor?"), then by rank (unknown last), then name."""
    by_factor: dict[int, CrossFactor] = {}
    for choice in chosen:
        entry = by_factor.setdefault(choice.factor_id, CrossFactor(choice.factor, []))
        if choice.section.domain not in entry.domains:
            entry.domains.append(choice.section.domain)
    for entry in by_factor.values():
        entry.domains.sort(key=lambda d: domain_order.get(d.pk, 0))
    return sorted(
        by_factor.values(),
        key=lambda e: (
            -e.domain_count,
            e.factor.rank if e.factor.rank is not None else 10_000,
            e.factor.name.lower(),
        ),
    )


def programme_analysis(programme: Programme, user) -> ProgrammeAnalysis:
    """The whole analysis (a fixed number of queries, whatever the number of domains)."""
    sections_ensure(programme)
    benchmark = area_benchmark(
        user=user, area=programme.area, period=programme.figures_period or None
    )
    by_indicator = {row.indicator.pk: row for row in benchmark.rows}

    sections = list(
        programme.sections.select_related("pillar", "domain", "updated_by").prefetch_related(
            "striking_indicators__indicator",
            "missing_figures",
        )
    )
    chosen = list(
        SectionFactor.objects.filter(section__programme=programme)
        .select_related("factor", "section__domain")
        .order_by(F("factor__rank").asc(nulls_last=True), "factor__name")
    )
    chosen_by_section: dict[int, list[SectionFactor]] = {}
    for c in chosen:
        chosen_by_section.setdefault(c.section_id, []).append(c)

    pillars = list(
        Pillar.objects.filter(framework=programme.framework).prefetch_related("domains__indicators")
    )
    domain_ids = [d.pk for p in pillars for d in p.domains.all()]
    factors = list(
        Factor.objects.filter(framework=programme.framework, domains__in=domain_ids)
        .distinct()
        .prefetch_related("domains", "indicators", "life_areas", "age_phases")
    )
    visible_ids = set(
        Indicator.objects.filter(visible_indicator_filter(user)).values_list("pk", flat=True)
    )

    domain_section = {s.domain_id: s for s in sections if s.kind == AnalysisSection.Kind.DOMAIN}
    pillar_section = {s.pillar_id: s for s in sections if s.kind == AnalysisSection.Kind.PILLAR}
    whole = {s.kind: s for s in sections if s.kind in ("overall", "qualitative")}

    result_pillars: list[PillarAnalysis] = []
    summary: list[DomainConclusion] = []
    domain_order: dict[int, int] = {}
    for pillar in pillars:
        pa = PillarAnalysis(pillar, pillar_section[pillar.pk])
        for domain in pillar.domains.all():
            domain_order[domain.pk] = len(domain_order)
            section = domain_section[domain.pk]
            da = DomainAnalysis(domain, section)
            for indicator in domain.indicators.all():
                if indicator.pk not in visible_ids:
                    continue
                row = by_indicator.get(indicator.pk)
                if row is None:
                    da.missing_rows.append(indicator)
                else:
                    da.rows.append(row)
            flagged = {r.indicator.pk: r.indicator.code for r in da.rows if r.flag.is_flagged}
            da.chosen = chosen_by_section.get(section.pk, [])
            chosen_ids = {c.factor_id for c in da.chosen}
            for factor in factors:
                if not any(d.pk == domain.pk for d in factor.domains.all()):
                    continue
                codes = [flagged[i.pk] for i in factor.indicators.all() if i.pk in flagged]
                da.factors.append(FactorView(factor, codes, factor.pk in chosen_ids))
            da.factors.sort(
                key=lambda v: (
                    v.factor.rank if v.factor.rank is not None else 10_000,
                    v.factor.name.lower(),
                )
            )
            da.striking = list(section.striking_indicators.all())
            da.missing = list(section.missing_figures.all())
            pa.domains.append(da)
            summary.append(
                DomainConclusion(pillar, domain, section, [c.factor.name for c in da.chosen])
            )
        result_pillars.append(pa)

    return ProgrammeAnalysis(
        programme=programme,
        benchmark=benchmark,
        pillars=result_pillars,
        overall=whole["overall"],
        qualitative=whole["qualitative"],
        summary=summary,
        cross_factors=cross_domain_factors(chosen, domain_order),
        ambitions=list(
            Ambition.objects.filter(framework=programme.framework).select_related(
                "pillar", "domain"
            )
        ),
    )


# --- Lighter reads for the overview pages (no figures) -----------------------------------------


@dataclass
class SectionProgress:
    """Counts over the sections of a programme: how far the analysis is."""

    domains_total: int = 0
    domains_written: int = 0
    by_status: dict = field(default_factory=dict)  # status -> number of sections

    @property
    def status_items(self) -> list[tuple[str, int]]:
        return [(label, self.by_status.get(value, 0)) for value, label in SectionStatus.choices]


def programme_progress(programme_ids) -> dict[int, SectionProgress]:
    """Per programme id: domains written and the number of sections per status (one query)."""
    progress: dict[int, SectionProgress] = {pk: SectionProgress() for pk in programme_ids}
    rows = AnalysisSection.objects.filter(programme_id__in=list(progress)).values_list(
        "programme_id", "kind", "status", "analysis"
    )
    for programme_id, kind, status, analysis in rows:
        entry = progress[programme_id]
        entry.by_status[status] = entry.by_status.get(status, 0) + 1
        if kind == AnalysisSection.Kind.DOMAIN:
            entry.domains_total += 1
            if analysis.strip():
                entry.domains_written += 1
    return progress


def programmes_for_list(user) -> list[Programme]:
    """The programmes a user may see, with `progress` attached (a fixed number of queries)."""
    programmes = list(
        visible_programmes(user)
        .select_related("area", "organisation", "owner", "framework")
        .prefetch_related("partners")
    )
    progress = programme_progress([p.pk for p in programmes])
    for programme in programmes:
        programme.progress = progress[programme.pk]
    return programmes


@dataclass
class OverviewPillar:
    pillar: Pillar
    section: AnalysisSection
    domains: list[AnalysisSection]


@dataclass
class ProgrammeOverview:
    """The detail page: the six parts of the seed's step 1 with each section's status."""

    programme: Programme
    pillars: list[OverviewPillar]
    overall: AnalysisSection
    qualitative: AnalysisSection
    progress: SectionProgress
    ambitions: list[Ambition]
    first_domain: AnalysisSection | None

    @property
    def sections(self) -> list[AnalysisSection]:
        """Every section in reading order (for the section navigation)."""
        result: list[AnalysisSection] = []
        for p in self.pillars:
            result.extend(p.domains)
            result.append(p.section)
        return result + [self.overall, self.qualitative]


def programme_overview(programme: Programme) -> ProgrammeOverview:
    sections_ensure(programme)
    sections = list(programme.sections.select_related("pillar", "domain", "updated_by"))
    pillars = list(Pillar.objects.filter(framework=programme.framework).prefetch_related("domains"))
    by_domain = {s.domain_id: s for s in sections if s.kind == AnalysisSection.Kind.DOMAIN}
    by_pillar = {s.pillar_id: s for s in sections if s.kind == AnalysisSection.Kind.PILLAR}
    whole = {s.kind: s for s in sections if s.kind in ("overall", "qualitative")}
    overview_pillars = [
        OverviewPillar(p, by_pillar[p.pk], [by_domain[d.pk] for d in p.domains.all()])
        for p in pillars
    ]
    first = next((d for p in overview_pillars for d in p.domains), None)
    return ProgrammeOverview(
        programme=programme,
        pillars=overview_pillars,
        overall=whole["overall"],
        qualitative=whole["qualitative"],
        progress=programme_progress([programme.pk])[programme.pk],
        ambitions=list(
            Ambition.objects.filter(framework=programme.framework).select_related(
                "pillar", "domain"
            )
        ),
        first_domain=first,
    )


def missing_figures_for(programmes) -> list:
    """The missing-figures list of some programmes (the data team works through it), open ones
    first, then by programme and domain."""
    order = {value: i for i, value in enumerate(MissingFigure.Status.values)}
    rows = list(
        MissingFigure.objects.filter(section__programme__in=programmes).select_related(
            "section__programme", "section__domain", "section__pillar", "created_by"
        )
    )
    rows.sort(
        key=lambda m: (
            order.get(m.status, 9),
            m.section.programme.name.lower(),
            m.section.pillar.order if m.section.pillar else 99,
            m.section.domain.order if m.section.domain else 99,
            m.pk,
        )
    )
    return rows
