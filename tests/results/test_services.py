# ruff: noqa: F811  (pytest fixtures imported from results_fixtures)
"""Services of societal results: create with baselines from real CBS figures, validations that
leave the database unchanged, history rows, optimistic locking, status and delete."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from duiding.indicators.models import Indicator
from duiding.results.calculation import Target
from duiding.results.models import ResultChange, ResultIndicator, SocietalResult
from duiding.results.services import (
    COMBINATION_CHOOSE,
    ResultConflict,
    result_delete,
    result_status_set,
    result_update,
)
from tests.results.results_fixtures import (  # noqa: F401
    feijenoord,
    figures,
    framework,
    make_result,
    own_row,
    programme,
    result,
    share_row,
)

pytestmark = pytest.mark.django_db

# Feijenoord 2021: 290 of 1820 youth-care trajectories via the gemeentelijke toegang (CBS).
SHARE_2021 = 290 * 100 / 1820


def counts() -> tuple[int, int, int]:
    return (
        SocietalResult.objects.count(),
        ResultIndicator.objects.count(),
        ResultChange.objects.count(),
    )


def test_create_result_takes_baseline_from_observations(programme, adviseur, figures):
    result = make_result(programme, adviseur, figures)
    row = result.result_indicators.get()
    assert float(row.baseline_value) == pytest.approx(SHARE_2021, abs=1e-4)
    assert row.baseline_source == ""
    assert row.direction == "higher_is_better"  # from the indicator
    assert result.status == "concept" and result.version == 1
    change = result.changes.get()
    assert change.user == adviseur and change.status_to == "concept"
    assert change.content["indicators"][0]["baseline_period"] == "2021"
    assert change.content["indicators"][0]["baseline_value"] == pytest.approx(SHARE_2021, abs=1e-4)


def test_create_result_with_two_indicators_and_rule_mean(programme, adviseur, figures):
    result = make_result(
        programme,
        adviseur,
        figures,
        rule="mean",
        combined_target=Target("pp", 5),
        indicators=[
            share_row(figures, target_value=None),
            own_row(target_value=None, baseline_period="2021"),
        ],
    )
    rows = list(result.result_indicators.order_by("order"))
    assert [r.order for r in rows] == [0, 1]
    assert rows[1].name == "Jongeren die lid zijn van een sportvereniging"
    assert rows[1].baseline_source == "Jeugdmonitor Rotterdam 2021"
    # Rows without their own target follow the common one.
    assert [(r.target_kind, float(r.target_value)) for r in rows] == [("pp", 5.0), ("pp", 5.0)]
    assert result.combined_target_kind == "pp" and float(result.combined_target_value) == 5


def test_create_result_count_indicator_with_relative_target(programme, adviseur, figures):
    row = share_row(figures, indicator=figures.youth, target_kind="relative", target_value=-10)
    result = make_result(programme, adviseur, figures, indicators=[row])
    stored = result.result_indicators.get()
    assert float(stored.baseline_value) == 1160  # jongeren met jeugdzorg, Feijenoord 2021
    assert stored.direction == "lower_is_better"


def test_create_result_combined_with_combination_indicator(programme, adviseur, figures):
    result = make_result(
        programme,
        adviseur,
        figures,
        rule="combined",
        combination_indicator=figures.share,
        combined_target=Target("pp", 5),
    )
    assert result.combination_indicator == figures.share
    snapshot = result.changes.get().content
    assert snapshot["combination_indicator"] == [figures.share.pk, figures.share.name]
    assert snapshot["combined_target"] == {"kind": "pp", "value": 5.0}


def _neutral(figures):
    return Indicator.objects.create(code="NEUTRAAL", name="Neutraal cijfer", unit_kind="percentage")


BAD_INPUT = [
    (
        "wrong direction",
        lambda f: {"indicators": [share_row(f, target_value=-5)]},
        "indicators.0.target_value",
        "Indicator 1, doel: Het doel -5 gaat de verkeerde kant op",
    ),
    (
        "period without figures",
        lambda f: {"indicators": [share_row(f, baseline_period="2018")]},
        "indicators.0.baseline_period",
        "Indicator 1, basisperiode: geen cijfer voor Feijenoord in 2018",
    ),
    (
        "combined without combination indicator",
        lambda f: {"rule": "combined", "combined_target": Target("pp", 5)},
        "combination_indicator",
        COMBINATION_CHOOSE,
    ),
    (
        "percentage over 100",
        lambda f: {"indicators": [share_row(f), own_row(baseline_value=120)]},
        "indicators.1.baseline_value",
        "Indicator 2, basiswaarde: een percentage ligt tussen 0 en 100",
    ),
    (
        "absolute target over 100",
        lambda f: {"indicators": [share_row(f, target_kind="absolute", target_value=101)]},
        "indicators.0.target_value",
        "Indicator 1, doel: Met dit doel moet het percentage 101 worden",
    ),
    (
        "target date before baseline",
        lambda f: {"target_date": datetime.date(2021, 6, 30)},
        "target_date",
        "Streefdatum: ligt niet na de basisperiode 2021 van indicator 1.",
    ),
    (
        "no indicators",
        lambda f: {"indicators": []},
        "indicators",
        "Indicatoren: een resultaat heeft minstens één indicator.",
    ),
    (
        "each with a count among several indicators",
        lambda f: {
            "indicators": [
                share_row(f),
                share_row(f, indicator=f.youth, target_kind="relative", target_value=-10),
            ]
        },
        "indicators.1.indicator",
        "Indicator 2, indicator: de regel 'ieder afzonderlijk' met meer indicatoren vraagt",
    ),
    (
        "value by hand without source",
        lambda f: {"indicators": [own_row(baseline_source="")]},
        "indicators.0.baseline_source",
        "Indicator 1, bron: noem de bron",
    ),
    (
        "neutral indicator without direction",
        lambda f: {"indicators": [own_row(indicator=_neutral(f), name="", direction=None)]},
        "indicators.0.direction",
        "Indicator 1, richting: Voor deze indicator is niet vastgelegd of hoger beter is",
    ),
    (
        "mean without common target",
        lambda f: {"rule": "mean", "indicators": [share_row(f), own_row()]},
        "combined_target_value",
        "Doel (gecombineerd): vul het doel in",
    ),
    (
        "unknown period",
        lambda f: {"indicators": [share_row(f, baseline_period="vorig jaar")]},
        "indicators.0.baseline_period",
        "Indicator 1, basisperiode: 'vorig jaar' is geen periode",
    ),
]


@pytest.mark.parametrize(
    "build,key,message", [case[1:] for case in BAD_INPUT], ids=[c[0] for c in BAD_INPUT]
)
def test_create_result_bad_input_changes_nothing(programme, adviseur, figures, build, key, message):
    before = counts()
    with pytest.raises(ValidationError) as raised:
        make_result(programme, adviseur, figures, **build(figures))
    errors = raised.value.message_dict
    assert key in errors, errors
    assert any(m.startswith(message) for m in errors[key]), errors[key]
    assert counts() == before


def test_update_result_records_change_and_bumps_version(result, adviseur, figures):
    result_update(
        result,
        user=adviseur,
        expected_version=1,
        text="In 2026 gaat 22% van de jeugdzorgtrajecten via het wijkteam.",
        target_date=result.target_date,
        indicators=[share_row(figures, target_value=6)],
    )
    result.refresh_from_db()
    assert result.version == 2
    assert float(result.result_indicators.get().target_value) == 6
    latest = result.changes.first()
    assert latest.summary == "Gewijzigd: tekst, indicatoren"
    assert latest.content["text"].startswith("In 2026 gaat 22%")
    assert result.changes.count() == 2


def test_update_result_conflict_overwrites_nothing(result, adviseur, beheerder, figures):
    fields = {
        "target_date": result.target_date,
        "indicators": [share_row(figures)],
    }
    result_update(result, user=beheerder, expected_version=1, text="Eerste versie 2026.", **fields)
    stale = SocietalResult.objects.get(pk=result.pk)
    with pytest.raises(ResultConflict) as raised:
        result_update(stale, user=adviseur, expected_version=1, text="Tweede 2026.", **fields)
    assert raised.value.current.updated_by == beheerder
    result.refresh_from_db()
    assert result.text == "Eerste versie 2026." and result.version == 2
    assert result.changes.count() == 2


def test_update_result_bad_input_changes_nothing(result, adviseur, figures):
    before = counts()
    with pytest.raises(ValidationError):
        result_update(
            result,
            user=adviseur,
            expected_version=1,
            text="Iets anders in 2026.",
            target_date=result.target_date,
            indicators=[share_row(figures, target_value=-5)],
        )
    result.refresh_from_db()
    assert counts() == before and result.version == 1 and result.text.startswith("In 2026 gaat 21%")


def test_set_status_records_from_and_to(result, adviseur):
    result_status_set(result, adviseur, "partners")
    change = result.changes.first()
    assert (change.status_from, change.status_to) == ("concept", "partners")
    assert change.summary == "Status: Concept → Besproken met partners"
    assert result.status == "partners" and result.version == 2


def test_set_status_unknown_is_refused(result, adviseur):
    with pytest.raises(ValidationError):
        result_status_set(result, adviseur, "klaar")
    assert result.changes.count() == 1


def test_set_status_with_stale_version_conflicts(result, adviseur):
    result_status_set(result, adviseur, "collega")
    with pytest.raises(ResultConflict):
        result_status_set(result, adviseur, "vastgesteld", expected_version=1)
    result.refresh_from_db()
    assert result.status == "collega"


def test_delete_result_removes_indicators_but_keeps_history(result, adviseur):
    result_delete(result, adviseur)
    # "Aangemaakt" and "Verwijderd" stay, without a result, with the programme.
    assert counts() == (0, 0, 2)
    assert set(ResultChange.objects.values_list("kind", flat=True)) == {"", "deleted"}
