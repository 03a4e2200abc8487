"""Youth-care figures point to default factors (issue 3 fix: figures -> factors in the demo)."""

import importlib

import pytest
from django.apps import apps

from duiding.frameworks.factor_defaults import YOUTH_CARE_FACTOR_LINKS, factor_indicator_codes
from duiding.frameworks.models import Factor, Framework
from duiding.frameworks.services import default_links_apply
from duiding.indicators.models import Indicator

pytestmark = pytest.mark.django_db

migration = importlib.import_module("duiding.frameworks.migrations.0006_youth_care_factor_links")


@pytest.fixture
def framework():
    return Framework.objects.get(is_default=True)


def _factor(framework, name):
    return Factor.objects.get(framework=framework, name=name)


def _indicator(code: str) -> Indicator:
    """The indicator (the test database may hold the catalogue), without factor links."""
    indicator, _ = Indicator.objects.get_or_create(code=code, defaults={"name": code})
    indicator.factors.clear()
    return indicator


def test_every_linked_factor_is_a_shipped_default(framework):
    names = set(Factor.objects.filter(framework=framework).values_list("name", flat=True))
    assert set(YOUTH_CARE_FACTOR_LINKS) <= names
    codes = factor_indicator_codes()
    assert "AandeelVerwezenDoorHuisarts" in codes["Psychosociale problemen"]
    # The factor table's own codes stay first.
    assert codes["Criminaliteit"][:2] == [
        "DenktDatErVeelCriminaliteitInBuurt",
        "JongerenMetJeugdreclassering",
    ]


def test_migration_links_indicators_that_exist_and_is_idempotent(framework):
    """A database that imported youth care before the migration gets the links."""
    huisarts = _indicator("AandeelVerwezenDoorHuisarts")
    bescherming = _indicator("JongerenMetJeugdbescherming")
    migration.add_links(apps, None)
    assert huisarts in _factor(framework, "Psychosociale problemen").indicators.all()
    assert huisarts in _factor(framework, "Psychische stoornis").indicators.all()
    for name in ("Problemen in het gezin", "Mishandeling", "Ouderlijke psychopathologie"):
        assert bescherming in _factor(framework, name).indicators.all()
    through = Factor.indicators.through
    count = through.objects.count()
    migration.add_links(apps, None)
    assert through.objects.count() == count


def test_migration_leaves_factors_a_beheerder_made(framework):
    """Only default factors get links: a municipality's own factor with the same name in
    another framework is not touched."""
    other = Framework.objects.create(name="Ander", slug="ander")
    own = Factor.objects.create(framework=other, name="Psychosociale problemen", kind="risk")
    _indicator("AandeelVerwezenDoorHuisarts")
    migration.add_links(apps, None)
    assert not own.indicators.exists()


def test_a_later_import_links_the_youth_care_figures(framework):
    jeugdarts = _indicator("AandeelVerwezenDoorJeugdarts")
    framework.default_links_applied = []
    framework.save(update_fields=["default_links_applied"])
    default_links_apply()
    assert jeugdarts in _factor(framework, "Opvoedingsvaardigheden").indicators.all()
    assert jeugdarts in _factor(framework, "Psychosociale problemen").indicators.all()
