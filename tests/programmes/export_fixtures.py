"""A written analysis of the Feijenoord programme for the workbook, CSV and API tests.

Fixtures (import them by name into a test module): `written` (the programme with texts, factors,
striking and missing figures) and `other_programme` (a second programme of the gemeente without
partners).
"""

from __future__ import annotations

import pytest

from duiding.frameworks.models import AgePhase, Domain, Factor, LifeArea
from duiding.programmes.services import (
    SectionText,
    factor_add,
    missing_figure_add,
    programme_create,
    section_save,
    striking_mark,
)
from tests.programmes.conftest import add_indicator, domain_section

INJECTION = '=HYPERLINK("http://example.com/x","klik hier")'


def _save(section, user, analysis: str, conclusion: str = "") -> None:
    section.refresh_from_db()
    section_save(
        section,
        user=user,
        based_on_version=section.version,
        text=SectionText(analysis=analysis, conclusion=conclusion, status="concept"),
    )


@pytest.fixture
def written(programme, adviseur, figures, framework):
    """Two flagged figures (one worse, one better), a similar one, a neutral one; a factor chosen
    in two domains; texts, one of them a formula; a striking and a missing figure."""
    onveilig = add_indicator(
        "OnveiligBuurt",
        "Voelt zich vaak onveilig in de buurt",
        "Veilige wijk en schoolomgeving",
        {"WK059910": 31.0, "GM0599": 19.0, "NL01": 14.0},
    )
    sport = add_indicator(
        "SportLid",
        "Jongeren lid van een sportvereniging",
        "Meedoen aan sport, cultuur en vrijwilligerswerk",
        {"WK059910": 48.0, "GM0599": 41.0, "NL01": 55.0},
        direction="higher_is_better",
    )
    add_indicator(
        "Verhuisd",
        "Verhuisd in het afgelopen jaar",
        "Veilige wijk en schoolomgeving",
        {"WK059910": 10.5, "GM0599": 10.0, "NL01": 9.0},
    )
    add_indicator(
        "Eenouder",
        "Kinderen in eenoudergezinnen",
        "Veilig thuis",
        {"WK059910": 30.0, "GM0599": 24.0, "NL01": 16.0},
        direction="neutral",
    )
    # The default factor set (a data migration) may hold these already: use and adjust them.
    wijk = LifeArea.objects.filter(name="Wijk").first() or LifeArea.objects.create(
        code="wijk", name="Wijk", order=4
    )
    teen = AgePhase.objects.filter(name="Adolescentie").first() or AgePhase.objects.create(
        code="adolescentie", name="Adolescentie", order=4
    )
    armoede, _ = Factor.objects.update_or_create(
        framework=framework, name="Armoede", defaults={"kind": "risk", "rank": None}
    )
    buurt, _ = Factor.objects.update_or_create(
        framework=framework,
        name="Woonomgeving / slechte buurt",
        defaults={"kind": "risk", "rank": 4, "is_default": True, "confirmed": False},
    )
    buurt.life_areas.set([wijk])
    buurt.age_phases.set([teen])
    buurt.indicators.add(onveilig)
    for factor in (armoede, buurt):
        factor.domains.add(
            Domain.objects.get(pillar__framework=framework, name="Veilige wijk en schoolomgeving")
        )
    armoede.domains.add(
        Domain.objects.get(
            pillar__framework=framework, name="Meedoen aan sport, cultuur en vrijwilligerswerk"
        )
    )

    veilig = domain_section(programme, "Veilige wijk en schoolomgeving")
    meedoen = domain_section(programme, "Meedoen aan sport, cultuur en vrijwilligerswerk")
    factor_add(veilig, user=adviseur, factor=armoede, note="+ speelt in de hele wijk")
    factor_add(veilig, user=adviseur, factor=buurt)
    factor_add(meedoen, user=adviseur, factor=armoede, note="contributie is een drempel")
    striking_mark(veilig, user=adviseur, indicator=onveilig, note="@vooral 's avonds")
    missing_figure_add(
        meedoen,
        user=adviseur,
        description="-Sportdeelname per leeftijd",
        reason="Zien welke leeftijd afhaakt",
        possible_source="GGD Jeugdmonitor",
    )
    _save(veilig, adviseur, INJECTION, "Jongeren voelen zich onveilig; armoede speelt mee.")
    _save(meedoen, adviseur, "Meer jongeren sporten dan gemiddeld.", "Sport is een kracht.")
    pillar = programme.sections.get(kind="pillar", pillar__name="Veilig")
    _save(pillar, adviseur, "Veiligheid in de buurt vraagt aandacht.")
    _save(programme.sections.get(kind="overall"), adviseur, "Armoede is overkoepelend.")
    return {"programme": programme, "onveilig": onveilig, "sport": sport, "armoede": armoede}


@pytest.fixture
def other_programme(figures, framework, municipality_org, adviseur):
    """A programme of the same gemeente for IJsselmonde, without partners."""
    return programme_create(
        user=adviseur,
        name="Wijkprogramma IJsselmonde 2025–2026",
        area=figures.ijsselmonde,
        framework=framework,
        organisation=municipality_org,
        owner=adviseur,
        start_year=2025,
        end_year=2026,
    )
