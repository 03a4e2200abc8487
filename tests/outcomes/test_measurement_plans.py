"""Measurement plans (seed 003 step 5, planning): the standard outcome measures or a custom one,
with how, how often, from whom and attention points (the seed's table); the scales of Bijlage 9,
word for word, with afname problematiek's five steps."""

from __future__ import annotations

import pytest

from duiding.outcomes import standard
from duiding.outcomes.measurement_plans import services
from duiding.outcomes.measurement_plans.plan import scale_text
from duiding.outcomes.measures import (
    CHANGE_CATEGORIES,
    MEASURE_SCALES,
    MEASUREMENT_COLUMNS,
    Measure,
)
from duiding.outcomes.models import MeasurementPlan
from tests.activities.plan_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db


def _save(activity, user, **kw):
    kw.setdefault("measure", "tevredenheid")
    kw.setdefault("how", "Korte vragenlijst na het laatste gesprek")
    kw.setdefault("how_often", "Een maand van het meten per jaar")
    return services.measurement_save(activity=activity, user=user, **kw)


def test_standard_measure_with_the_seed_columns(partner, plan_activities):
    plan = _save(
        plan_activities["home_start"],
        partner,
        from_whom="steekproef",
        attention_points="Kijk ook naar de hoogste en laagste score",
    )
    plan.refresh_from_db()
    assert (plan.measure, plan.from_whom, plan.custom_name, plan.years) == (
        "tevredenheid",
        "steekproef",
        "",
        None,
    )
    assert services.measure_label(plan) == "Tevredenheid (rapportcijfer 1–10)"
    assert [str(c) for c in MEASUREMENT_COLUMNS] == [
        "Welke outcome meten?",
        "Hoe meten?",
        "Hoe vaak?",
        "Bij wie meten?",
        "Aandachtspunten",
    ]


def test_every_standard_measure_has_its_scale_from_appendix_9():
    standard = [m for m in Measure.values if m != Measure.CUSTOM]
    assert sorted(MEASURE_SCALES) == sorted(standard)
    assert [v for v, _m in MEASURE_SCALES["uitval"].points] == ["1", "2", "3", "4", "5"]
    assert [v for v, _m in MEASURE_SCALES["doelrealisatie"].points] == ["-1", "0", "1", "2"]
    assert [v for v, _m in MEASURE_SCALES["verder_zonder_hulp"].points] == ["1", "2", "3", "4"]
    assert [v for v, _m in MEASURE_SCALES["tevredenheid"].points] == ["1", "10"]
    assert [v for v, _m in MEASURE_SCALES["afname_problematiek"].points] == [
        "sterke_verbetering",
        "matige_verbetering",
        "stabilisatie",
        "matige_verslechtering",
        "sterke_verslechtering",
    ]


def test_afname_problematiek_is_a_standard_measure_with_the_seeds_five_steps():
    assert str(Measure("afname_problematiek").label) == "Afname problematiek (vijf stappen)"
    scale = MEASURE_SCALES["afname_problematiek"]
    assert [str(meaning) for _v, meaning in scale.points] == [
        "Een sterke verbetering",
        "Een matige verbetering",
        "Stabilisatie",
        "Een matige verslechtering",
        "Een sterke verslechtering",
    ]
    assert str(scale.question) == (
        "U bepaalt door herhaalde instrumentafname (bij begin en einde) of er sprake was van:"
    )
    # The questionnaire item offers the same five steps under the same keys.
    assert standard.CHANGE_CATEGORIES is CHANGE_CATEGORIES
    question = standard.problem_change()
    assert [c["value"] for c in question["choices"]] == [v for v, _m in scale.points]
    assert scale_text("afname_problematiek").endswith(
        "of er sprake was van: Een sterke verbetering; Een matige verbetering; Stabilisatie; "
        "Een matige verslechtering; Een sterke verslechtering"
    )
    assert "(3) Voortijdig: eenzijdig door de cliënt" in scale_text("uitval")


def test_afname_problematiek_can_be_planned(partner, plan_activities):
    plan = _save(plan_activities["home_start"], partner, measure="afname_problematiek")
    assert services.measure_label(plan) == "Afname problematiek (vijf stappen)"
    assert plan.scale is MEASURE_SCALES["afname_problematiek"]


def test_no_new_start_needs_years_and_shows_them(adviseur, plan_activities):
    with pytest.raises(services.PlanError) as refused:
        _save(plan_activities["sport"], adviseur, measure="geen_nieuwe_start")
    assert refused.value.field == "years"
    assert MeasurementPlan.objects.count() == 0
    plan = _save(plan_activities["sport"], adviseur, measure="geen_nieuwe_start", years=2)
    assert services.measure_label(plan) == "Geen nieuwe start hulp binnen 2 jaar"


def test_years_are_dropped_for_other_measures(adviseur, plan_activities):
    plan = _save(plan_activities["sport"], adviseur, measure="bereik", years=3)
    assert plan.years is None


def test_custom_measure_needs_a_name(partner, plan_activities):
    with pytest.raises(services.PlanError) as refused:
        _save(plan_activities["home_start"], partner, measure="eigen")
    assert refused.value.field == "custom_name"
    plan = _save(
        plan_activities["home_start"], partner, measure="eigen", custom_name="Opkomst per week"
    )
    assert services.measure_label(plan) == "Opkomst per week"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"measure": "geluk"}, "measure"),
        ({"how": ""}, "how"),
        ({"how_often": " "}, "how_often"),
        ({"from_whom": "iedereen"}, "from_whom"),
    ],
)
def test_refusals_change_nothing(partner, plan_activities, fields, field):
    with pytest.raises(services.PlanError) as refused:
        _save(plan_activities["home_start"], partner, **fields)
    assert refused.value.field == field
    assert MeasurementPlan.objects.count() == 0


def test_the_same_measure_twice_is_refused_but_editing_it_is_fine(partner, plan_activities):
    home_start = plan_activities["home_start"]
    plan = _save(home_start, partner)
    with pytest.raises(services.PlanError, match="staat al in het meetplan"):
        _save(home_start, partner)
    _save(home_start, partner, plan=plan, how_often="Na elk traject", expected_version=1)
    plan.refresh_from_db()
    assert plan.how_often == "Na elk traject"
    assert MeasurementPlan.objects.count() == 1
