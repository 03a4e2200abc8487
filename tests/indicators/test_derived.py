"""Derived indicators: numerator / denominator x multiplier, for every area, period, category."""

import pytest

from duiding.areas.models import Area, Level
from duiding.indicators.derived import derived_compute, derived_value
from duiding.indicators.importing.store import observations_store
from duiding.indicators.importing.types import ParsedValue, ParseResult
from duiding.indicators.models import Indicator, Observation
from duiding.jobs.models import ImportRun


def test_derived_value_rules():
    assert derived_value(25.0, "ok", 200.0, "ok", 100) == (12.5, "ok")
    assert derived_value(3.0, "ok", 2000.0, "ok", 1000) == (1.5, "ok")
    assert derived_value(0.0, "ok", 200.0, "ok", 100) == (0.0, "ok")
    assert derived_value(None, "suppressed", 200.0, "ok", 100) == (None, "suppressed")
    assert derived_value(5.0, "ok", None, "not_available", 100) == (None, "not_available")
    assert derived_value(5.0, "ok", 0.0, "ok", 100) == (None, "not_available")


def _store(values, sha):
    run = ImportRun.objects.create(kind=ImportRun.Kind.CBS, file_name="t.csv", file_sha256=sha)
    result = ParseResult(values=values, dataset_code="T", periods={"2023": "2023"})
    observations_store(run=run, result=result, source_file="t.csv")
    return run


def _v(code, area, value, category="", status="ok"):
    return ParsedValue(code, area, "2023", value, status, category, source_row=2)


@pytest.fixture
def parts(rotterdam):
    Area.objects.create(code="WK059901", name="Stadsdriehoek", level=Level.DISTRICT)
    return _store(
        [
            _v("BeeindigdVolgensPlan", "GM0599", 650.0),
            _v("TotaalBeeindigdeTrajecten", "GM0599", 1000.0),
            _v("BeeindigdVolgensPlan", "GM0599", 30.0, "Huisarts"),
            _v("TotaalBeeindigdeTrajecten", "GM0599", 40.0, "Huisarts"),
            _v("BeeindigdVolgensPlan", "WK059901", None, status="suppressed"),
            _v("TotaalBeeindigdeTrajecten", "WK059901", 20.0),
            _v("TotaalBeeindigdeTrajecten", "NL01", 139005.0),  # numerator missing: no share
        ],
        sha="parts",
    )


def _share(area, category=""):
    return Observation.objects.get(
        indicator__code="PercentageBeeindigdVolgensPlan",
        area__code=area,
        category=category,
        is_current=True,
    )


@pytest.mark.django_db
def test_derived_compute_for_every_area_and_category(parts):
    indicator = Indicator.objects.get(code="PercentageBeeindigdVolgensPlan")
    assert indicator.is_derived and indicator.multiplier == 100
    stored = derived_compute(indicator=indicator)
    assert stored == 3
    total = _share("GM0599")
    assert (total.value, total.numerator, total.denominator) == (65.0, 650.0, 1000.0)
    assert total.source_column == "BeeindigdVolgensPlan / TotaalBeeindigdeTrajecten × 100"
    assert _share("GM0599", "Huisarts").value == 75.0
    assert (_share("WK059901").value, _share("WK059901").status) == (None, "suppressed")
    assert not Observation.objects.filter(indicator=indicator, area__code="NL01").exists()


@pytest.mark.django_db
def test_derived_compute_twice_changes_nothing(parts):
    derived_compute()
    count = Observation.objects.count()
    assert derived_compute() == 0
    assert Observation.objects.count() == count


@pytest.mark.django_db
def test_derived_compute_follows_a_revised_part(parts):
    derived_compute()
    run = _store([_v("BeeindigdVolgensPlan", "GM0599", 700.0)], sha="revision")
    assert derived_compute(run=run) == 1
    assert _share("GM0599").value == 70.0
    history = Observation.objects.filter(
        indicator__code="PercentageBeeindigdVolgensPlan", area__code="GM0599", category=""
    )
    assert sorted(o.value for o in history) == [65.0, 70.0]


@pytest.mark.django_db
def test_derived_compute_for_a_run_skips_unrelated_indicators(parts):
    run = _store([_v("AantalInwoners", "GM0599", 664000.0)], sha="other")
    assert derived_compute(run=run) == 0
    assert not Observation.objects.filter(indicator__code="PercentageBeeindigdVolgensPlan").exists()


@pytest.mark.django_db
def test_defined_derived_indicators_have_dutch_names_units_and_rhythm():
    expected = {
        "AandeelVerwezenDoorGemeentelijkeToegang": "GemeentelijkeToegang",
        "AandeelVerwezenDoorHuisarts": "Huisarts",
        "AandeelVerwezenDoorJeugdarts": "Jeugdarts",
        "AandeelVerwezenDoorGecertificeerdeInstelling": "GecertificeerdeInstelling",
        "PercentageBeeindigdVolgensPlan": "BeeindigdVolgensPlan",
        "PercentageVoortijdigAfgesloten": "TotaalVoortijdigAfgesloten",
    }
    for code, numerator in expected.items():
        indicator = Indicator.objects.get(code=code)
        assert indicator.numerator.code == numerator
        assert indicator.unit_kind == "percentage" and indicator.multiplier == 100
        assert indicator.name.startswith("%") and indicator.rhythm == "half_yearly"
    assert Indicator.objects.get(code="PercentageBeeindigdVolgensPlan").direction == (
        "higher_is_better"
    )
    assert Indicator.objects.get(code="PercentageVoortijdigAfgesloten").direction == (
        "lower_is_better"
    )


@pytest.mark.django_db
def test_compute_derived_command_prints_a_dutch_summary(parts):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("compute-derived", stdout=out)
    assert "afgeleide indicator" in out.getvalue() and "3 waarden" in out.getvalue()
