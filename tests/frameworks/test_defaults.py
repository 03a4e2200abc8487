"""The default framework "Rotterdam Groeit" (data migration) and its default domain links."""

import pytest

from duiding.frameworks.defaults import DEFAULT_DOMAIN_INDICATORS, default_codes
from duiding.frameworks.models import Ambition, Domain, DomainIndicator, Framework, Pillar
from duiding.frameworks.services import default_framework, default_links_apply
from duiding.indicators.catalogue import KNOWN
from duiding.indicators.catalogue.derived import DERIVED
from duiding.indicators.models import Indicator
from duiding.indicators.signals import import_finished
from duiding.jobs.models import ImportRun

pytestmark = pytest.mark.django_db

DOMAINS = {
    "Kansrijk": [
        "Werk",
        "Schoolprestaties",
        "Meedoen aan sport, cultuur en vrijwilligerswerk",
    ],
    "Veilig": ["Criminaliteit", "Veilig thuis", "Veilige wijk en schoolomgeving"],
    "Gezond": ["Sociaal-emotionele gezondheid", "Gezond gedrag", "Algemene gezondheid"],
}


def _indicators(*codes: str) -> dict[str, Indicator]:
    return {code: Indicator.objects.create(code=code, name=code) for code in codes}


def test_default_framework_has_three_pillars_with_three_domains_in_order():
    framework = default_framework()
    assert framework is not None and framework.is_default
    assert framework.name == "Rotterdam Groeit"
    assert "Rotterdam Groeit" in framework.source
    pillars = list(Pillar.objects.filter(framework=framework).order_by("order"))
    assert [p.name for p in pillars] == list(DOMAINS)
    for pillar in pillars:
        names = list(pillar.domains.order_by("order").values_list("name", flat=True))
        assert names == DOMAINS[pillar.name]


def test_default_framework_has_one_ambition_per_domain_linked_to_its_pillar():
    framework = default_framework()
    ambitions = list(Ambition.objects.filter(framework=framework).select_related("domain"))
    assert len(ambitions) == 9
    assert {a.domain_id for a in ambitions} == set(
        Domain.objects.filter(pillar__framework=framework).values_list("pk", flat=True)
    )
    for ambition in ambitions:
        assert ambition.domain.pillar_id == ambition.pillar_id
    by_domain = {a.domain.name: a.text for a in ambitions}
    assert by_domain["Criminaliteit"] == "Minder jeugdigen maken zich schuldig aan criminaliteit."
    assert by_domain["Werk"] == "Meer jeugdigen hebben werk."


def test_default_framework_is_the_only_default():
    assert Framework.objects.filter(is_default=True).count() == 1


def test_mapping_names_only_domains_of_the_default_framework():
    framework = default_framework()
    existing = set(
        Domain.objects.filter(pillar__framework=framework).values_list("pillar__name", "name")
    )
    assert set(DEFAULT_DOMAIN_INDICATORS) == existing


def test_mapping_names_only_catalogued_or_derived_codes():
    derived = {d.code for d in DERIVED} | set(
        Indicator.objects.filter(numerator__isnull=False).values_list("code", flat=True)
    )
    unknown = sorted(c for c in default_codes() if c not in KNOWN and c not in derived)
    assert unknown == []


def test_mapping_leaves_population_counts_unlinked():
    assert not {"AantalInwoners", "k_0Tot15Jaar", "HuishoudensTotaal"} & default_codes()


def test_default_links_apply_links_present_indicators_in_mapping_order():
    made = _indicators("JongerenMetJeugdreclassering", "RondhangendeJongeren", "AantalInwoners")
    present = set(Indicator.objects.values_list("code", flat=True))  # incl. migration-defined
    expected = [c for codes in DEFAULT_DOMAIN_INDICATORS.values() for c in codes if c in present]

    created = default_links_apply()

    assert created == len(expected)
    crime = Domain.objects.get(pillar__framework=default_framework(), name="Criminaliteit")
    linked = list(
        DomainIndicator.objects.filter(domain=crime)
        .order_by("order")
        .values_list("indicator__code", flat=True)
    )
    in_mapping = DEFAULT_DOMAIN_INDICATORS[("Veilig", "Criminaliteit")]
    assert linked == [c for c in in_mapping if c in present]
    assert linked[:1] == ["JongerenMetJeugdreclassering"] and "RondhangendeJongeren" in linked
    assert not made["AantalInwoners"].domains.exists()


def test_default_links_apply_twice_changes_nothing():
    _indicators("JongerenMetJeugdbescherming", "SocialeCohesieSchaalscore")
    default_links_apply()
    before = list(DomainIndicator.objects.values_list("domain_id", "indicator_id", "order"))

    assert default_links_apply() == 0

    after = list(DomainIndicator.objects.values_list("domain_id", "indicator_id", "order"))
    assert after == before


def test_default_links_apply_keeps_a_link_the_beheerder_removed():
    made = _indicators("JongerenMetJeugdbescherming")
    default_links_apply()
    DomainIndicator.objects.filter(indicator=made["JongerenMetJeugdbescherming"]).delete()

    assert default_links_apply() == 0
    assert not DomainIndicator.objects.filter(
        indicator=made["JongerenMetJeugdbescherming"]
    ).exists()


def test_default_links_apply_links_an_indicator_that_appears_later():
    _indicators("JongerenMetJeugdbescherming")
    default_links_apply()
    later = _indicators("VoorzieningenVoorJongeren")["VoorzieningenVoorJongeren"]

    assert default_links_apply() == 1
    assert list(later.domains.values_list("name", flat=True)) == [
        "Meedoen aan sport, cultuur en vrijwilligerswerk"
    ]


def test_default_links_apply_without_default_framework_does_nothing():
    _indicators("JongerenMetJeugdbescherming")
    default_framework().delete()

    assert default_links_apply() == 0
    assert not DomainIndicator.objects.exists()


def test_import_finished_signal_applies_the_default_links():
    _indicators("JongerenMetJeugdhulpInNatura")
    run = ImportRun.objects.create(kind=ImportRun.Kind.CBS, file_name="t.csv")

    import_finished.send(sender=ImportRun, run=run)

    domain = Domain.objects.get(
        pillar__framework=default_framework(), name="Sociaal-emotionele gezondheid"
    )
    assert DomainIndicator.objects.filter(
        domain=domain, indicator__code="JongerenMetJeugdhulpInNatura"
    ).exists()
