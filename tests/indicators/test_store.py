"""The versioned, all-or-nothing store shared by every importer."""

import pytest

from duiding.areas.models import Area
from duiding.indicators.importing.store import ImportRefused, observations_store
from duiding.indicators.importing.types import AreaSpec, IndicatorSpec, ParsedValue, ParseResult
from duiding.indicators.models import Dataset, Indicator, Observation, Period
from duiding.jobs.models import ImportRun


def _result(values, **kw) -> ParseResult:
    result = ParseResult(
        values=values,
        dataset_code=kw.get("dataset", "TEST01"),
        dataset_title="Testtabel",
        periods={"2023": "2023"},
        indicators={"Inwoners": IndicatorSpec(code="Inwoners", name="Inwoners")},
        areas=kw.get("areas", {}),
    )
    return result


def _run(sha: str = "abc", options=None) -> ImportRun:
    return ImportRun.objects.create(
        kind=ImportRun.Kind.CBS, file_name="t.csv", file_sha256=sha, options=options or {}
    )


def _v(area="GM0599", value=10.0, row=2, status="ok", category="", indicator="Inwoners"):
    return ParsedValue(
        indicator_code=indicator,
        area_code=area,
        period_code="2023",
        value=value,
        status=status,
        category=category,
        source_row=row,
        source_column="Inwoners_1",
        published_area_code=area,
    )


def _store(values, sha="abc", **kw) -> ImportRun:
    run = _run(sha)
    observations_store(run=run, result=_result(values, **kw), source_file="t.csv")
    return run


@pytest.mark.django_db
def test_store_new_values_are_stored_with_provenance(rotterdam):
    run = _store([_v(value=0.0), _v(indicator="Other", value=None, status="suppressed", row=3)])
    assert run.values_stored == 2
    obs = Observation.objects.get(indicator__code="Inwoners")
    assert obs.value == 0.0 and obs.status == "ok"
    assert (obs.source_file, obs.source_row, obs.source_column) == ("t.csv", 2, "Inwoners_1")
    assert obs.dataset.code == "TEST01" and obs.import_run_id == run.pk
    assert obs.published_area_code == "GM0599"
    suppressed = Observation.objects.get(indicator__code="Other")
    assert suppressed.value is None and suppressed.status == "suppressed"
    assert Period.objects.get(code="2023").kind == "year"
    assert Dataset.objects.get(code="TEST01").title == "Testtabel"


@pytest.mark.django_db
def test_store_same_values_twice_changes_nothing(rotterdam):
    _store([_v()], sha="one")
    second = _store([_v()], sha="two")
    assert (second.values_stored, second.values_unchanged, second.values_revised) == (0, 1, 0)
    assert Observation.objects.count() == 1


@pytest.mark.django_db
def test_store_revision_keeps_history(rotterdam):
    first = _store([_v(value=10.0)], sha="one")
    second = _store([_v(value=12.0)], sha="two")
    assert second.values_revised == 1 and second.values_stored == 0
    current = Observation.objects.get(is_current=True)
    old = Observation.objects.get(is_current=False)
    assert (current.value, current.import_run_id) == (12.0, second.pk)
    assert (old.value, old.import_run_id) == (10.0, first.pk)


@pytest.mark.django_db
def test_store_status_change_is_a_revision(rotterdam):
    _store([_v(value=10.0)], sha="one")
    second = _store([_v(value=None, status="suppressed")], sha="two")
    assert second.values_revised == 1


@pytest.mark.django_db
def test_store_identical_file_is_short_circuited(rotterdam):
    first = _store([_v()], sha="same")
    first.status = ImportRun.Status.DONE
    first.save()
    again = _store([_v(value=99.0)], sha="same")
    assert again.status == ImportRun.Status.UNCHANGED
    assert Observation.objects.get().value == 10.0


@pytest.mark.django_db
def test_store_duplicate_key_refuses_everything_naming_both_rows(rotterdam):
    with pytest.raises(ImportRefused) as refused:
        _store([_v(row=2), _v(area="NL01", row=3), _v(row=7, value=11.0)])
    text = refused.value.messages[0].message
    assert "Rij 7" in text and "rij 2" in text
    assert refused.value.messages[0].row == 7
    assert Observation.objects.count() == 0
    assert not Dataset.objects.filter(code="TEST01").exists()


@pytest.mark.django_db
def test_store_unknown_area_without_spec_is_refused(rotterdam):
    with pytest.raises(ImportRefused) as refused:
        _store([_v(area="GM9999")])
    assert "GM9999" in refused.value.messages[0].message
    assert Observation.objects.count() == 0


@pytest.mark.django_db
def test_store_creates_areas_with_parents_and_flags(rotterdam):
    areas = {
        "WK059901": AreaSpec(code="WK059901", name="Stadsdriehoek", level="wijk"),
        "BU05990110": AreaSpec(
            code="BU05990110", name="Oude Westen", level="buurt", indelingswijziging="3"
        ),
    }
    run = _store([_v(area="BU05990110"), _v(area="WK059901")], areas=areas)
    assert run.areas_created == 2
    buurt = Area.objects.get(code="BU05990110")
    assert buurt.parent.code == "WK059901" and buurt.municipality.code == "GM0599"
    assert buurt.indelingswijziging == "3"
    assert Area.objects.get(code="WK059901").parent == rotterdam


@pytest.mark.django_db
def test_store_never_overwrites_indicator_metadata(rotterdam):
    Indicator.objects.create(code="Inwoners", name="Mijn eigen naam", unit_kind="count")
    _store([_v()])
    assert Indicator.objects.get(code="Inwoners").name == "Mijn eigen naam"
