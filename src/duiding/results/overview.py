"""Reads for the results overview: all results across the programmes of the municipality (for a
beheerder or accounthouder), or of one programme, filtered by pillar, domain, ambition and status,
each with its latest progress verdict. Visibility goes through programmes.permissions."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery

from duiding.frameworks.models import Ambition, Domain, Pillar
from duiding.programmes.permissions import municipality_programmes
from duiding.results.models import ProgressEvaluation, SocietalResult, Status, Verdict

FILTERS = ("pillar", "domain", "ambition", "status")


@dataclass
class OverviewFilters:
    pillar: int | None = None
    domain: int | None = None
    ambition: int | None = None
    status: str = ""

    @classmethod
    def from_query(cls, query) -> OverviewFilters:
        """From GET parameters; unknown or malformed values are ignored (no filter)."""

        def number(name: str) -> int | None:
            value = (query.get(name) or "").strip()
            return int(value) if value.isdigit() else None

        status = (query.get("status") or "").strip()
        return cls(
            pillar=number("pillar"),
            domain=number("domain"),
            ambition=number("ambition"),
            status=status if status in Status.values else "",
        )

    @property
    def active(self) -> bool:
        return any([self.pillar, self.domain, self.ambition, self.status])

    def as_query(self) -> dict[str, str]:
        return {k: str(v) for k, v in vars(self).items() if v not in (None, "")}


@dataclass
class FilterChoices:
    pillars: list = field(default_factory=list)
    domains: list = field(default_factory=list)
    ambitions: list = field(default_factory=list)
    statuses: list = field(default_factory=list)


def with_latest_verdict(results: QuerySet[SocietalResult]) -> QuerySet[SocietalResult]:
    """Annotate `latest_verdict` and `latest_computed_at` (one subquery each)."""
    latest = ProgressEvaluation.objects.filter(result=OuterRef("pk")).order_by(
        "-computed_at", "-pk"
    )
    return results.annotate(
        latest_verdict=Subquery(latest.values("verdict")[:1]),
        latest_computed_at=Subquery(latest.values("computed_at")[:1]),
    )


def apply_filters(results: QuerySet[SocietalResult], filters: OverviewFilters):
    if filters.pillar:
        results = results.filter(
            Q(domain__pillar_id=filters.pillar) | Q(ambition__pillar_id=filters.pillar)
        )
    if filters.domain:
        results = results.filter(
            Q(domain_id=filters.domain) | Q(ambition__domain_id=filters.domain)
        )
    if filters.ambition:
        results = results.filter(ambition_id=filters.ambition)
    if filters.status:
        results = results.filter(status=filters.status)
    return results


def _base(results: QuerySet[SocietalResult]) -> QuerySet[SocietalResult]:
    return with_latest_verdict(
        results.select_related(
            "programme", "programme__area", "domain", "domain__pillar", "ambition"
        ).prefetch_related("result_indicators__indicator")
    ).order_by("programme__name", "target_date", "pk")


def municipality_results(user, filters: OverviewFilters) -> QuerySet[SocietalResult]:
    """Results of every programme of the user's municipality (empty for other users)."""
    results = SocietalResult.objects.filter(programme__in=municipality_programmes(user))
    return _base(apply_filters(results, filters))


def programme_results(programme, filters: OverviewFilters | None = None):
    """Results of one programme (the caller checked that the user may see it)."""
    results = SocietalResult.objects.filter(programme=programme)
    return _base(apply_filters(results, filters or OverviewFilters()))


def filter_choices(user) -> FilterChoices:
    """Pillars, domains and ambitions of the frameworks used by the user's municipality."""
    frameworks = municipality_programmes(user).values("framework_id")
    return FilterChoices(
        pillars=list(Pillar.objects.filter(framework_id__in=frameworks).order_by("pk")),
        domains=list(
            Domain.objects.filter(pillar__framework_id__in=frameworks)
            .select_related("pillar")
            .order_by("pillar_id", "pk")
        ),
        ambitions=list(Ambition.objects.filter(framework_id__in=frameworks).order_by("pk")),
        statuses=list(Status.choices),
    )


def programme_filter_choices(programme) -> FilterChoices:
    """Pillars, domains and ambitions of the programme's framework."""
    framework = programme.framework_id
    return FilterChoices(
        pillars=list(Pillar.objects.filter(framework_id=framework).order_by("order", "pk")),
        domains=list(
            Domain.objects.filter(pillar__framework_id=framework)
            .select_related("pillar")
            .order_by("pillar__order", "order", "pk")
        ),
        ambitions=list(Ambition.objects.filter(framework_id=framework).order_by("pk")),
        statuses=list(Status.choices),
    )


def verdict_label(verdict: str | None) -> str:
    if not verdict:
        return str(_not_evaluated())
    try:
        return str(Verdict(verdict).label)
    except ValueError:
        return verdict


def _not_evaluated():
    from django.utils.translation import gettext

    return gettext("Nog niet beoordeeld")


def pillar_of(result: SocietalResult):
    if result.domain_id:
        return result.domain.pillar
    if result.ambition_id:
        return result.ambition.pillar
    return None
