"""The default factor model shipped by migration 0005 (seed 003 appendices 3 and 4, CtC)."""

import pytest

from duiding.frameworks.factor_defaults import DEFAULT_FACTORS
from duiding.frameworks.models import AgePhase, Domain, Factor, Framework, LifeArea
from duiding.frameworks.services import default_links_apply
from duiding.indicators.models import Indicator

pytestmark = pytest.mark.django_db

# Issue 3: appendix 4 as read (numbers after rank 1 were damaged in the seed).
RANKING = {
    1: ["Emotionele en sociale vaardigheden"],
    2: ["Ouderlijke psychopathologie", "Sociaal economische status", "Opvoedingsvaardigheden"],
    3: [
        "Psychosociale problemen",
        "Lage opleiding / verzuim / voortijdig schoolverlaten / slechte schoolprestaties",
    ],
    4: ["Woonomgeving / slechte buurt", "Middelengebruik", "Mishandeling"],
    5: [
        "Criminaliteit",
        "Sport / beweging (individu)",
        "Stimuleren vanuit omgeving cultuur",
        "Stimuleren / bekendheid sport",
        "Temperament",
        "Toegang voorzieningen",
        "Voeding",
        "Zwakke binding met buurt",
    ],
}


@pytest.fixture
def framework():
    return Framework.objects.get(is_default=True)


def test_life_areas_and_age_phases_in_the_seed_order():
    assert list(LifeArea.objects.order_by("order").values_list("name", flat=True)) == [
        "Kind/jeugdige",
        "Ouders/gezin",
        "School",
        "Wijk",
        "Digitale omgeving/internet",
    ]
    assert list(AgePhase.objects.order_by("order").values_list("code", flat=True)) == [
        "zwangerschap",
        "vroege-kindertijd",
        "basisschoolleeftijd",
        "adolescentie",
        "jongvolwassenheid",
    ]


def test_the_ranking_is_exactly_appendix_4(framework):
    ranked = Factor.objects.filter(framework=framework, rank__isnull=False)
    by_rank: dict[int, list[str]] = {}
    for factor in ranked:
        by_rank.setdefault(factor.rank, []).append(factor.name)
    assert {r: sorted(n) for r, n in by_rank.items()} == {r: sorted(n) for r, n in RANKING.items()}


def test_no_rank_is_invented_and_every_factor_has_a_source(framework):
    ranked_names = {n for names in RANKING.values() for n in names}
    factors = list(Factor.objects.filter(framework=framework))
    assert len(factors) == len(DEFAULT_FACTORS) > 40
    for factor in factors:
        assert factor.source, factor.name
        assert factor.is_default and not factor.confirmed
        assert factor.kind in Factor.Kind.values
        if factor.name not in ranked_names:
            assert factor.rank is None, factor.name
    assert all("bijlage 4" in f.source for f in factors if f.rank is not None)


def test_seed_factors_carry_the_seeds_domains_life_areas_and_phases(framework):
    def factor(name):
        return Factor.objects.get(framework=framework, name=name)

    def names(qs):
        return sorted(qs.values_list("name", flat=True))

    armoede = factor("Armoede en achterstanden")
    assert names(armoede.domains) == sorted(
        ["Werk", "Schoolprestaties", "Veilige wijk en schoolomgeving"]
    )
    opvoeding = factor("Opvoedingsvaardigheden")
    assert names(opvoeding.age_phases) == ["Basisschoolleeftijd", "Vroege kindertijd"]
    assert names(opvoeding.life_areas) == ["Ouders/gezin"]
    speel = factor("Speel-, sport- en recreatievoorzieningen")
    assert "Veilige wijk en schoolomgeving" in names(speel.domains)
    for name in ("Onveilig schoolklimaat", "Taalachterstand", "Sociale cohesie", "Echtscheiding"):
        assert factor(name).domains.exists(), name
    assert not Factor.objects.filter(framework=framework, domains__isnull=True).exists()


def test_communities_that_care_factors_cover_its_four_domains(framework):
    ctc = Factor.objects.filter(framework=framework, source__contains="Communities that Care")
    assert ctc.filter(kind="risk").exists() and ctc.filter(kind="protective").exists()
    assert not ctc.filter(rank__isnull=False).exists()
    areas = set(ctc.values_list("life_areas__code", flat=True))
    assert {"wijk", "ouders-gezin", "school", "kind-jeugdige"} <= areas


def test_factor_indicator_links_follow_when_the_indicator_is_imported(framework):
    """Indicators absent at migration time are linked once they appear (import hook)."""
    werkloosheid = Factor.objects.get(framework=framework, name="Werkloosheid")
    assert not werkloosheid.indicators.exists()
    ww = Indicator.objects.create(code="PersonenPerSoortUitkeringWW", name="WW-uitkeringen")
    default_links_apply()
    assert list(werkloosheid.indicators.all()) == [ww]
    assert ww.domains.filter(name="Werk").exists()
    # A link the beheerder removes is not made again.
    werkloosheid.indicators.clear()
    default_links_apply()
    assert not werkloosheid.indicators.exists()


def test_migration_function_is_idempotent_and_keeps_edits(framework):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("duiding.frameworks.migrations.0005_default_factors")
    edited = Factor.objects.get(framework=framework, name="Temperament")
    edited.explanation = "Door de gemeente aangepast."
    edited.save()
    count = Factor.objects.count()
    migration.create_defaults(apps, None)
    assert Factor.objects.count() == count
    edited.refresh_from_db()
    assert edited.explanation == "Door de gemeente aangepast."
    assert Domain.objects.filter(pillar__framework=framework).count() == 9
