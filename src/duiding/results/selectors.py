"""Reads for the results pages (list, form, history). Callers pass a programme they got through
programmes.permissions.programme_or_404 / results.permissions.result_or_404; figures are read
through the indicators app's permission-filtered `visible_observations`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from duiding.core import formatting as fmt
from duiding.frameworks.models import Factor
from duiding.indicators.models import Indicator, ObservationStatus, UnitKind
from duiding.indicators.selectors import visible_observations
from duiding.programmes.models import AnalysisSection, SectionFactor
from duiding.results.models import ProgressEvaluation, ResultIndicator, SocietalResult
from duiding.results.overview import apply_filters
from duiding.results.validation import baseline_from_observations


@dataclass
class FigureOption:
    """An indicator with figures for the programme's area: its periods (code, label, value)."""

    indicator: Indicator
    periods: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def is_percentage(self) -> bool:
        return self.indicator.unit_kind == UnitKind.PERCENTAGE


def programme_results(programme, filters=None) -> list[SocietalResult]:
    """The programme's results with their indicators and latest verdict (`latest_evaluation`),
    optionally filtered (overview.OverviewFilters: pillar, domain, ambition, status)."""
    queryset = SocietalResult.objects.filter(programme=programme)
    if filters is not None:
        queryset = apply_filters(queryset, filters)
    results = list(
        queryset.select_related("domain", "ambition", "combination_indicator").prefetch_related(
            Prefetch(
                "result_indicators",
                queryset=ResultIndicator.objects.select_related("indicator").order_by(
                    "order", "pk"
                ),
            )
        )
    )
    latest: dict[int, ProgressEvaluation] = {}
    for evaluation in ProgressEvaluation.objects.filter(result__in=results).order_by(
        "result_id", "-computed_at", "-pk"
    ):
        latest.setdefault(evaluation.result_id, evaluation)
    for result in results:
        result.latest_evaluation = latest.get(result.pk)
    return results


def figure_options(user, programme) -> list[FigureOption]:
    """Indicators with published figures (total category, current) for the programme's area,
    each with its periods in time order; one query."""
    rows = (
        visible_observations(user)
        .filter(
            area=programme.area,
            category="",
            is_current=True,
            status=ObservationStatus.OK,
            value__isnull=False,
        )
        .select_related("indicator", "period")
        .order_by("indicator__name", "period__start", "period__end")
    )
    options: dict[int, FigureOption] = {}
    for obs in rows:
        option = options.setdefault(obs.indicator_id, FigureOption(obs.indicator))
        option.periods.append((obs.period.code, obs.period.label, obs.value))
    return list(options.values())


def section_choices(programme) -> list[AnalysisSection]:
    """The analysis sections a result can point to: domains first, then pillars and the whole."""
    order = {"domain": 0, "pillar": 1, "overall": 2, "qualitative": 3}
    sections = list(programme.sections.select_related("pillar", "domain"))
    return sorted(
        sections,
        key=lambda s: (
            order.get(s.kind, 9),
            s.pillar.order if s.pillar_id else 0,
            s.domain.order if s.domain_id else 0,
        ),
    )


def factor_choices(programme, domain=None) -> tuple[list[Factor], set[int]]:
    """(factors of the programme's framework, ids chosen in the wijkanalyse). Factors chosen in
    the analysis of `domain` come first, then those chosen elsewhere, then the rest."""
    chosen = SectionFactor.objects.filter(section__programme=programme)
    in_domain = (
        set(chosen.filter(section__domain=domain).values_list("factor_id", flat=True))
        if domain is not None
        else set()
    )
    anywhere = set(chosen.values_list("factor_id", flat=True))
    factors = list(Factor.objects.filter(framework_id=programme.framework_id))
    factors.sort(key=lambda f: (f.pk not in in_domain, f.pk not in anywhere))
    return factors, anywhere


def result_history(result: SocietalResult):
    return result.changes.select_related("user").order_by("-at", "-pk")


def baseline_revisions(user, result: SocietalResult) -> dict[int, str]:
    """Per stored indicator row (id) whose baseline came from the observations and whose figure
    was revised since: "De basiswaarde is herzien door CBS: 15,9 → 16,2"."""
    from django.utils.translation import gettext as _

    notices: dict[int, str] = {}
    area = result.programme.area
    for row in result.result_indicators.select_related("indicator"):
        if row.indicator_id is None or row.baseline_source or row.baseline_value is None:
            continue
        current = baseline_from_observations(user, area, row.indicator, row.baseline_period)
        if current is None or round(float(current), 4) == round(float(row.baseline_value), 4):
            continue
        decimals = row.indicator.decimals
        notices[row.pk] = _("De basiswaarde is herzien door CBS: %(old)s → %(new)s.") % {
            "old": fmt.number(float(row.baseline_value), decimals),
            "new": fmt.number(float(current), decimals),
        }
    return notices
