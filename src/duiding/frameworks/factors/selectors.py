"""Reads of the factor model (pages, API, Excel export)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, QuerySet
from django.http import Http404

from duiding.frameworks.models import AgePhase, Domain, Factor, Framework, LifeArea
from duiding.frameworks.permissions import framework_or_404, frameworks_visible


def factors_of(framework: Framework) -> QuerySet[Factor]:
    """The framework's factors by rank (unknown last), then name, with everything prefetched."""
    return (
        Factor.objects.filter(framework=framework)
        .prefetch_related(
            Prefetch("life_areas", queryset=LifeArea.objects.order_by("order", "name")),
            Prefetch("age_phases", queryset=AgePhase.objects.order_by("order", "name")),
            Prefetch(
                "domains",
                queryset=Domain.objects.select_related("pillar").order_by(
                    "pillar__order", "order", "name"
                ),
            ),
            "indicators",
        )
        .order_by(F("rank").asc(nulls_last=True), "name")
    )


@dataclass
class FactorFilter:
    domain: Domain | None = None
    life_area: LifeArea | None = None
    age_phase: AgePhase | None = None
    kind: str = ""

    @property
    def active(self) -> bool:
        return bool(self.domain or self.life_area or self.age_phase or self.kind)


def factor_list(framework: Framework, flt: FactorFilter | None = None) -> list[Factor]:
    qs = factors_of(framework)
    if flt is not None:
        if flt.domain is not None:
            qs = qs.filter(domains=flt.domain)
        if flt.life_area is not None:
            qs = qs.filter(life_areas=flt.life_area)
        if flt.age_phase is not None:
            qs = qs.filter(age_phases=flt.age_phase)
        if flt.kind:
            qs = qs.filter(kind=flt.kind)
    return list(qs.distinct())


def framework_domains(framework: Framework) -> QuerySet[Domain]:
    return (
        Domain.objects.filter(pillar__framework=framework)
        .select_related("pillar")
        .order_by("pillar__order", "order", "name")
    )


def factor_get_for_user(user, slug: str, pk: int, *, write: bool = False) -> Factor:
    """The factor of a framework the user can see (404 otherwise); write needs an editor (403)."""
    framework = framework_or_404(user, slug, edit=write)
    factor = factors_of(framework).filter(pk=pk).first()
    if factor is None:
        raise Http404
    return factor


def default_framework_for_user(user, slug: str | None = None) -> Framework | None:
    """The framework by slug, else the default one, among those the user may see."""
    visible = frameworks_visible(user)
    if slug:
        return visible.filter(slug=slug).first()
    return visible.filter(is_default=True).first() or visible.order_by("name").first()


@dataclass
class FlaggedFactor:
    factor: Factor
    flagged_codes: list[str] = field(default_factory=list)


def factors_for_flagged(framework: Framework, benchmark) -> list[FlaggedFactor]:
    """The framework's factors linked to the flagged indicators of a benchmark (AreaBenchmark),
    each with the codes that brought it; by rank (unknown last), then number of domains (most
    first), then name."""
    flagged = {
        row.indicator.pk: row.indicator.code for row in benchmark.rows if row.flag.is_flagged
    }
    if not flagged:
        return []
    factors = (
        factors_of(framework)
        .filter(indicators__in=list(flagged))
        .distinct()
        .annotate(n_domains=Count("domains", distinct=True))
    )
    result = [
        FlaggedFactor(f, sorted(flagged[i.pk] for i in f.indicators.all() if i.pk in flagged))
        for f in factors
    ]
    result.sort(
        key=lambda r: (
            r.factor.rank is None,
            r.factor.rank or 0,
            -r.factor.n_domains,
            r.factor.name.lower(),
        )
    )
    return result
