"""Factor model API: the factors of a framework, and the factors behind an area's flagged figures.

Frameworks are read through `frameworks.permissions.frameworks_visible` (shared ones and those of
the user's organisations); figures through the benchmark service with the user's permissions.
"""

from __future__ import annotations

from ninja import Router, Schema
from ninja.errors import HttpError

from duiding.api.schemas import ErrorOut, period_or_422, period_query
from duiding.frameworks.factors.selectors import (
    default_framework_for_user,
    factors_for_flagged,
    factors_of,
)
from duiding.frameworks.models import Factor
from duiding.indicators.selectors import area_benchmark_for_code

router = Router()


class DomainRefOut(Schema):
    pillar: str
    name: str


class FactorOut(Schema):
    id: int
    name: str
    kind: str  # risk / protective / both
    kind_label: str
    rank: int | None  # None: unknown (never invented)
    explanation: str
    source: str
    is_default: bool
    confirmed: bool
    life_areas: list[str]
    age_phases: list[str]
    domains: list[DomainRefOut]
    indicators: list[str]  # indicator codes


class FlaggedFactorOut(FactorOut):
    flagged_indicators: list[str]  # codes of the area's flagged indicators linked to the factor


def _factor_out(f: Factor) -> dict:
    return {
        "id": f.pk,
        "name": f.name,
        "kind": f.kind,
        "kind_label": str(f.get_kind_display()),
        "rank": f.rank,
        "explanation": f.explanation,
        "source": f.source,
        "is_default": f.is_default,
        "confirmed": f.confirmed,
        "life_areas": [a.name for a in f.life_areas.all()],
        "age_phases": [p.name for p in f.age_phases.all()],
        "domains": [{"pillar": d.pillar.name, "name": d.name} for d in f.domains.all()],
        "indicators": sorted(i.code for i in f.indicators.all()),
    }


def _framework_or_404(user, slug: str | None):
    framework = default_framework_for_user(user, slug)
    if framework is None:
        raise HttpError(404, f"Onbekend raamwerk: {slug}" if slug else "Er is geen raamwerk.")
    return framework


@router.get("/factors", response={200: list[FactorOut], 404: ErrorOut}, tags=["factors"])
def factors_list(request, framework: str | None = None):
    """The factor model of a framework (`framework`: its slug; default: the default framework),
    by rank (unknown last), then name."""
    fw = _framework_or_404(request.auth, framework)
    return [_factor_out(f) for f in factors_of(fw)]


@router.get(
    "/areas/{code}/factors",
    response={200: list[FlaggedFactorOut], 404: ErrorOut, 422: ErrorOut},
    tags=["areas", "factors"],
)
def area_factors(
    request,
    code: str,
    period: str | None = period_query("As for /areas/{code}/benchmark."),
    framework: str | None = None,
):
    """The factors linked to the area's flagged indicators (flag against the municipality, else
    the first comparison area), by rank (unknown last), then number of domains (most first),
    then name; each with the flagged indicator codes that brought it.

    `period`: as for /areas/{code}/benchmark (none = per indicator the latest period).
    """
    period_code = period_or_422(period)
    fw = _framework_or_404(request.auth, framework)
    benchmark = area_benchmark_for_code(user=request.auth, code=code, period=period_code)
    if benchmark is None:
        raise HttpError(404, f"Onbekend gebied: {code}")
    return [
        _factor_out(r.factor) | {"flagged_indicators": r.flagged_codes}
        for r in factors_for_flagged(fw, benchmark)
    ]
