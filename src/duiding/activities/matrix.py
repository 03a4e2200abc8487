"""Prevention matrix and package checks (seed 003 step 3, "Inzicht in het aanbod door invullen
(preventie)matrix" and "Zorg voor een divers aanbod").

Rules in plain words:
- Rows are the pillars and domains of the programme's framework, with the societal results of
  each domain. An activity sits in the row of every domain of the results it serves; an
  activity whose results have no domain (or that serves no result) sits in the row "zonder
  domein". Columns are the prevention levels universeel / selectief / geïndiceerd.
- A cell without activities in a domain that has results is a gap ("leeg: geen aanbod"); an
  empty cell of a domain without results is only empty (nothing is asked there).
- Package checks, over the activities shown (after the desired/current filter):
  coverage of every age phase and life area; share at trede 2 or higher; share preventive
  (universeel + selectief); results without any activity; activities without a result;
  factors chosen in the wijkanalyse (SectionFactor) that no activity strengthens or reduces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from duiding.activities.models import PreventionLevel
from duiding.activities.selectors import activities_for, offer_filter
from duiding.frameworks.models import AgePhase, Factor, LifeArea, Pillar
from duiding.results.models import SocietalResult

LEVELS = [value for value, _label in PreventionLevel.choices]


@dataclass
class Row:
    domain: object  # frameworks.Domain or None (zonder domein)
    results: list = field(default_factory=list)
    cells: dict = field(default_factory=dict)  # level -> [Activity]

    @property
    def gaps(self) -> list[str]:
        """Levels without activity in a domain that has results."""
        if not self.results:
            return []
        return [level for level in LEVELS if not self.cells[level]]

    @property
    def cell_list(self) -> list[tuple[str, list, bool]]:
        gaps = set(self.gaps)
        return [(level, self.cells[level], level in gaps) for level in LEVELS]


@dataclass
class Check:
    code: str
    ok: bool
    message: str
    ids: list = field(default_factory=list)  # the results/activities/factors it is about


def _pct(n: int, total: int) -> int:
    return round(100 * n / total) if total else 0


def build_rows(frameworks, activities, results) -> list[dict]:
    """[{"pillar": Pillar, "rows": [Row, ...]}, ...] plus a last group (pillar None) with the
    row "zonder domein" when some activity has no domain."""
    results_by_domain: dict = {}
    for result in results:
        results_by_domain.setdefault(result.domain_id, []).append(result)
    groups = []
    rows_by_domain: dict = {}
    pillars = Pillar.objects.filter(framework__in=frameworks).prefetch_related("domains")
    for pillar in pillars.order_by("framework_id", "order", "pk"):
        rows = []
        for domain in pillar.domains.all().order_by("order", "pk"):
            row = Row(domain, results_by_domain.get(domain.pk, []), {lv: [] for lv in LEVELS})
            rows_by_domain[domain.pk] = row
            rows.append(row)
        groups.append({"pillar": pillar, "rows": rows})
    loose = Row(None, results_by_domain.get(None, []), {lv: [] for lv in LEVELS})
    for activity in activities:
        domains = {r.domain_id for r in activity.results.all()} or {None}
        for domain_id in domains:
            row = rows_by_domain.get(domain_id, loose)
            if activity not in row.cells[activity.prevention_level]:
                row.cells[activity.prevention_level].append(activity)
    if any(loose.cells[lv] for lv in LEVELS) or loose.results:
        groups.append({"pillar": None, "rows": [loose]})
    return groups


def _coverage_checks(activities) -> list[Check]:
    """Every age phase and every life area has some activity aimed at it."""
    checks: list[Check] = []
    covered_phases = {a.pk for act in activities for a in act.age_phases.all()}
    missing_phases = [phase for phase in AgePhase.objects.all() if phase.pk not in covered_phases]
    for phase in missing_phases:
        checks.append(
            Check(
                "age_phase",
                False,
                _("Geen aanbod gericht op %(phase)s.") % {"phase": phase.name.lower()},
                [phase.pk],
            )
        )
    if not missing_phases:
        checks.append(Check("age_phase", True, _("Er is aanbod voor elke leeftijdsfase.")))

    covered_areas = {a.pk for act in activities for a in act.life_areas.all()}
    missing_areas = [area for area in LifeArea.objects.all() if area.pk not in covered_areas]
    for area in missing_areas:
        checks.append(
            Check(
                "life_area",
                False,
                _("Geen aanbod gericht op het leefgebied %(area)s.") % {"area": area.name.lower()},
                [area.pk],
            )
        )
    if not missing_areas:
        checks.append(Check("life_area", True, _("Er is aanbod voor elk leefgebied.")))
    return checks


def _share_checks(activities) -> list[Check]:
    """At least half of the activities are well founded (effectladder 2+) and preventive."""
    total = len(activities)
    founded = [a for a in activities if a.evidence_level >= 2]
    preventive = [a for a in activities if a.is_preventive]
    return [
        Check(
            "evidence",
            total > 0 and len(founded) * 2 >= total,
            ngettext(
                "%(n)s van de %(total)s activiteiten (%(pct)s%%) staat op trede 2 of hoger van "
                "de effectladder (goed onderbouwd of beter).",
                "%(n)s van de %(total)s activiteiten (%(pct)s%%) staan op trede 2 of hoger van "
                "de effectladder (goed onderbouwd of beter).",
                len(founded),
            )
            % {"n": len(founded), "total": total, "pct": _pct(len(founded), total)},
            [a.pk for a in founded],
        ),
        Check(
            "preventive",
            total > 0 and len(preventive) * 2 >= total,
            ngettext(
                "%(n)s van de %(total)s activiteiten (%(pct)s%%) is preventief (universeel of "
                "selectief).",
                "%(n)s van de %(total)s activiteiten (%(pct)s%%) zijn preventief (universeel of "
                "selectief).",
                len(preventive),
            )
            % {"n": len(preventive), "total": total, "pct": _pct(len(preventive), total)},
            [a.pk for a in preventive],
        ),
    ]


def _link_checks(activities, results, analysis_factors) -> list[Check]:
    """Every result is served by an activity, every activity serves a result, and every factor
    of the wijkanalyse is worked on."""
    checks: list[Check] = []
    served = {r.pk for a in activities for r in a.results.all()}
    for result in results:
        if result.pk not in served:
            checks.append(
                Check(
                    "result_without_activity",
                    False,
                    _("Geen activiteit draagt bij aan het resultaat „%(result)s”.")
                    % {"result": result.text.strip().rstrip(".")},  # no ".”."
                    [result.pk],
                )
            )
    for activity in activities:
        if not activity.results.all():
            checks.append(
                Check(
                    "activity_without_result",
                    False,
                    _("De activiteit „%(name)s” draagt aan geen maatschappelijk resultaat bij.")
                    % {"name": activity.name},
                    [activity.pk],
                )
            )

    addressed = {link.factor_id for a in activities for link in a.factor_links.all()}
    for factor in analysis_factors:
        if factor.pk not in addressed:
            checks.append(
                Check(
                    "factor_not_addressed",
                    False,
                    _("Geen activiteit werkt aan de factor „%(factor)s” uit de wijkanalyse.")
                    % {"factor": factor.name},
                    [factor.pk],
                )
            )
    return checks


def package_checks(activities, results, analysis_factors) -> list[Check]:
    """The checks of the whole package, in words (see the module docstring)."""
    activities = list(activities)
    return (
        _coverage_checks(activities)
        + _share_checks(activities)
        + _link_checks(activities, results, analysis_factors)
    )


def analysis_factors(programmes):
    """The factors chosen in the wijkanalyse of the programmes (distinct, by rank and name)."""

    return Factor.objects.filter(section_choices__section__programme__in=programmes).distinct()


def prevention_matrix(programmes, *, offer: str = "") -> dict:
    """The matrix and checks of one programme or several (a queryset/list of programmes)."""

    many = not hasattr(programmes, "pk")
    scope = programmes if many else [programmes]
    activities = activities_for(scope)
    if offer:
        activities = offer_filter(activities, offer)
    activities = list(activities.order_by("name", "pk"))
    results = list(
        SocietalResult.objects.filter(programme__in=scope).select_related("domain", "programme")
    )
    frameworks = {p.framework_id for p in scope}
    return {
        "groups": build_rows(frameworks, activities, results),
        "checks": package_checks(activities, results, analysis_factors(scope)),
        "activities": activities,
        "results": results,
        "levels": PreventionLevel.choices,
    }
