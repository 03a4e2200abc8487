"""The agenda builder as a pure function: each kind of fact that should produce an item does, and
the ones that should not produce none (no database)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from duiding.reflections import agenda as a

DAY = datetime.date(2026, 11, 12)


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def figure(**kw) -> a.FigureFact:
    values = dict(
        indicator_id=1,
        code="jeugd_sport",
        name="Jongeren die sporten",
        unit_kind="percentage",
        unit_label="",
        decimals=1,
        period_label="2024",
        value=42.5,
        comparison_area="Rotterdam",
        comparison_value=55.25,
        flag_result="worse",
        flag_label="slechter",
        flag_reason="23 % lager, buiten de drempel van 10 %",
        source="CBS",
    )
    values.update(kw)
    return a.FigureFact(**values)


def result(**kw) -> a.ResultFact:
    values = dict(
        result_id=7,
        text="Meer jongeren met een startkwalificatie",
        verdict="not_on_track",
        verdict_label="Niet op koers",
    )
    values.update(kw)
    return a.ResultFact(**values)


def outcome(**kw) -> a.OutcomeFact:
    values = dict(activity_id=3, activity_name="Home-Start")
    values.update(kw)
    return a.OutcomeFact(**values)


def action(**kw) -> a.ActionFact:
    values = dict(
        action_id=9,
        description="Huisbezoeken uitbreiden naar de Afrikaanderwijk",
        owner="Welzijn Feijenoord",
        due_date=DAY - datetime.timedelta(days=10),
        status="bezig",
        status_label="Bezig",
        finished=False,
        from_reflection="Duidingssessie voorjaar",
        from_date=DAY - datetime.timedelta(days=180),
        since=("Jongeren die sporten is nu 44,0 % (2025)",),
    )
    values.update(kw)
    return a.ActionFact(**values)


def build(**kw) -> list[a.ProposedItem]:
    return a.build_agenda(a.AgendaFacts(reflection_date=DAY, **kw))


def test_flagged_figure_gives_an_item_with_dutch_numbers():
    [item] = build(figures=(figure(),))
    assert item.kind == "indicator"
    assert item.source_key == "indicator:1"
    assert item.indicator_id == 1
    assert item.title == "Jongeren die sporten"
    assert "42,5%" in item.reason and "55,3%" in item.reason  # Dutch decimal comma, rounded
    assert "Rotterdam" in item.reason and "2024" in item.reason
    assert item.snapshot["value"] == 42.5 and item.snapshot["source"] == "CBS"


def test_a_clearly_different_figure_without_direction_gives_an_item():
    [item] = build(figures=(figure(flag_result="different"),))
    assert item.kind == "indicator"
    assert item.reason.startswith("Wijkt af van Rotterdam: 42,5%")


@pytest.mark.parametrize("flag", ["better", "similar", "none"])
def test_unflagged_figure_gives_nothing(flag):
    assert build(figures=(figure(flag_result=flag),)) == []


def test_flagged_figure_without_value_gives_nothing():
    assert build(figures=(figure(value=None),)) == []


@pytest.mark.parametrize("verdict", ["not_on_track", "not_reached"])
def test_result_off_course_gives_an_item(verdict):
    [item] = build(results=(result(verdict=verdict, verdict_label="X"),))
    assert item.kind == "result" and item.result_id == 7 and item.source_key == "result:7"
    assert "Niet op koers" in item.reason


@pytest.mark.parametrize("verdict", ["on_track", "reached", "no_data"])
def test_result_on_course_gives_nothing(verdict):
    assert build(results=(result(verdict=verdict, verdict_label="Op koers"),)) == []


def test_result_on_course_with_new_figures_since_the_last_reflection_gives_an_item():
    [item] = build(
        results=(result(verdict="on_track", verdict_label="Op koers", new_figures_since=True),)
    )
    assert "Nieuwe cijfers sinds de vorige duidingssessie" in item.reason


def test_low_satisfaction_gives_an_item():
    low = outcome(sufficient=(("tevredenheid", "Tevredenheid", 45.0, 20),))
    [item] = build(outcomes=(low,))
    assert item.kind == "outcome" and item.activity_id == 3
    assert item.source_key == "outcome:3:tevredenheid"
    assert "45,0 %" in item.reason and "60,0 %" in item.reason and "20" in item.reason


def test_good_satisfaction_gives_nothing():
    good = outcome(sufficient=(("tevredenheid", "Tevredenheid", a.SUFFICIENT_MIN_PCT, 20),))
    assert build(outcomes=(good,)) == []
    assert build(outcomes=(outcome(sufficient=(("t", "T", 85.0, 30),)),)) == []


def test_dropout_above_and_reach_below_the_threshold_give_items():
    items = build(
        outcomes=(
            outcome(dropout_share=25.0, dropout_total=20, reached=12, planned=30, reach_share=40.0),
        )
    )
    assert [i.source_key for i in items] == ["outcome:3:uitval", "outcome:3:bereik"]
    assert "25,0 %" in items[0].reason
    assert "12" in items[1].reason and "30" in items[1].reason and "40,0 %" in items[1].reason


def test_dropout_and_reach_within_the_thresholds_give_nothing():
    ok = outcome(dropout_share=20.0, dropout_total=20, reached=29, planned=30, reach_share=96.7)
    assert build(outcomes=(ok,)) == []


def test_overdue_plan_gives_an_item():
    plan = a.PlanFact(5, 3, "Home-Start", "Uitval", "nog niet gemeten")
    [item] = build(plans=(plan,))
    assert item.kind == "meetplan" and item.measurement_plan_id == 5 and item.activity_id == 3
    assert item.reason == "nog niet gemeten"


def test_due_action_gives_an_item_zien_we_al_effect():
    [item] = build(actions=(action(),))
    assert item.kind == "action" and item.action_id == 9 and item.source_key == "action:9"
    assert item.title.startswith("Zien we al effect?")
    assert "had klaar moeten zijn op 2 november 2026" in item.reason
    assert "Sindsdien: Jongeren die sporten is nu 44,0 % (2025)" in item.reason


def test_action_due_within_the_window_after_the_reflection_gives_an_item():
    due = DAY + datetime.timedelta(days=a.ACTION_DUE_WINDOW_DAYS)
    [item] = build(actions=(action(due_date=due),))
    assert "klaar uiterlijk 12 december 2026" in item.reason


def test_finished_or_far_future_action_gives_nothing():
    far = DAY + datetime.timedelta(days=a.ACTION_DUE_WINDOW_DAYS + 1)
    assert build(actions=(action(finished=True, status="klaar"),)) == []
    assert build(actions=(action(due_date=far),)) == []


def test_nothing_else_produces_an_item_and_the_order_is_actions_first():
    items = build(
        figures=(figure(), figure(indicator_id=2, flag_result="better")),
        results=(result(), result(result_id=8, verdict="on_track")),
        outcomes=(outcome(sufficient=(("t", "T", 50.0, 10), ("u", "U", 90.0, 10))),),
        actions=(action(), action(action_id=10, finished=True)),
    )
    assert [i.source_key for i in items] == [
        "action:9",
        "result:7",
        "indicator:1",
        "outcome:3:t",
    ]
    assert a.story_items(a.AgendaFacts(reflection_date=DAY)) == []


# --- against a real database: agenda_facts + fill_agenda ---------------------------------------

from duiding.outcomes.entered_services import Figures  # noqa: E402
from duiding.reflections import selectors, services  # noqa: E402
from duiding.reflections.models import (  # noqa: E402
    AgendaItem,
    ImprovementAction,
    Reflection,
    ReflectionChange,
)
from tests.outcomes import entered_fixtures  # noqa: E402

# Fixtures of the outcomes tests: the Feijenoord programme with Home-Start of the partner.
feijenoord = entered_fixtures.feijenoord
figures = entered_fixtures.figures
framework = entered_fixtures.framework
home_start = entered_fixtures.home_start
programme = entered_fixtures.programme
results = entered_fixtures.results


def _figures(activity, user, **kw):
    from duiding.outcomes.entered_services import entered_figures_create

    values = dict(
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        reached=12,
        no_shows=0,
        counts={"uitval": {"1": 5, "2": 0, "3": 5, "4": 0, "5": 0}},
    )
    values.update(kw)
    return entered_figures_create(activity=activity, user=user, data=Figures(**values))


def _indicators():
    """One figure of Feijenoord worse than Rotterdam, one better, one similar."""
    from tests.programmes.conftest import add_indicator

    worse = add_indicator(
        "OnveiligBuurt",
        "Voelt zich vaak onveilig in de buurt",
        "Veilige wijk en schoolomgeving",
        {"WK059910": 31.0, "GM0599": 19.0, "NL01": 14.0},
    )
    better = add_indicator(
        "SportLid",
        "Jongeren lid van een sportvereniging",
        "Meedoen aan sport, cultuur en vrijwilligerswerk",
        {"WK059910": 48.0, "GM0599": 41.0, "NL01": 55.0},
        direction="higher_is_better",
    )
    similar = add_indicator(
        "Verhuisd",
        "Verhuisd in het afgelopen jaar",
        "Veilige wijk en schoolomgeving",
        {"WK059910": 10.5, "GM0599": 10.0, "NL01": 9.0},
    )
    return worse, better, similar


def _reflection(programme, adviseur, date=DAY, title="Duidingssessie najaar"):
    return services.create_reflection(
        adviseur, programme, {"title": title, "date": date, "facilitator": adviseur}
    )


@pytest.mark.django_db
def test_agenda_facts_and_fill_against_the_database(programme, home_start, adviseur, partner_org):
    worse, better, similar = _indicators()
    earlier = _reflection(programme, adviseur, DAY - datetime.timedelta(days=120), "Voorjaar")
    due = ImprovementAction.objects.create(
        reflection=earlier,
        programme=programme,
        description="Huisbezoeken uitbreiden",
        owner_organisation=partner_org,
        due_date=DAY - datetime.timedelta(days=5),
        activity=home_start,
    )
    ImprovementAction.objects.create(
        reflection=earlier,
        programme=programme,
        description="Al klaar",
        owner_organisation=partner_org,
        due_date=DAY - datetime.timedelta(days=5),
        status=ImprovementAction.Status.DONE,
    )
    ImprovementAction.objects.create(
        reflection=earlier,
        programme=programme,
        description="Ver weg",
        owner_organisation=partner_org,
        due_date=DAY + datetime.timedelta(days=200),
    )
    reflection = _reflection(programme, adviseur)
    assert reflection.previous == earlier
    assert reflection.organisation == programme.organisation
    assert len(reflection.join_code) == 6
    assert set(reflection.join_code) <= set(services.JOIN_ALPHABET)

    facts = selectors.agenda_facts(reflection)
    assert facts.previous_date == earlier.date
    assert {f.action_id for f in facts.actions} >= {due.pk}
    # flagged figures of the area are what the benchmark flags worse
    assert any(f.flag_result == "worse" for f in facts.figures)
    by_id = {f.indicator_id: f for f in facts.figures}
    assert by_id[worse.pk].flag_result == "worse"
    assert by_id[better.pk].flag_result == "better"
    assert by_id[similar.pk].flag_result == "similar"

    added = services.fill_agenda(adviseur, reflection)
    keys = [i.source_key for i in added]
    assert f"action:{due.pk}" in keys
    assert len([k for k in keys if k.startswith("action:")]) == 1  # not the done or far one
    assert any(k.startswith("indicator:") for k in keys)
    flagged = {
        f"indicator:{f.indicator_id}"
        for f in facts.figures
        if f.flag_result in ("worse", "different")
    }
    assert {k for k in keys if k.startswith("indicator:")} == flagged
    assert f"indicator:{better.pk}" not in keys and f"indicator:{similar.pk}" not in keys
    onveilig = AgendaItem.objects.get(reflection=reflection, indicator=worse)
    assert "31,0%" in onveilig.reason and "19,0%" in onveilig.reason
    action_item = AgendaItem.objects.get(reflection=reflection, source_key=f"action:{due.pk}")
    assert action_item.action == due and action_item.kind == AgendaItem.Kind.ACTION
    assert ReflectionChange.objects.filter(reflection=reflection).count() == 2

    # the facilitator edits one item and sets another aside; a rebuild adds nothing twice
    first, second = added[0], added[1]
    services.update_item(adviseur, first, {"title": "Eigen titel", "judge": "Zorgelijk"}, 1)
    services.update_item(adviseur, second, {"included": False}, 1)
    count = reflection.items.count()
    assert services.fill_agenda(adviseur, reflection) == []
    assert reflection.items.count() == count
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.title == "Eigen titel" and first.judge == "Zorgelijk"
    assert second.included is False


@pytest.mark.django_db
def test_low_reach_and_high_dropout_of_an_activity_reach_the_agenda(
    programme, home_start, adviseur
):
    _figures(home_start, adviseur)
    reflection = _reflection(programme, adviseur)
    keys = [i.source_key for i in services.fill_agenda(adviseur, reflection)]
    assert f"outcome:{home_start.pk}:bereik" in keys  # 12 of 30 planned
    assert f"outcome:{home_start.pk}:uitval" in keys  # 5 of 10 ended by the client


@pytest.mark.django_db
def test_update_with_a_stale_version_is_refused(programme, adviseur):
    from duiding.core.versioning import StaleEdit

    reflection = _reflection(programme, adviseur)
    data = {"title": "Nieuw", "date": DAY, "facilitator": adviseur}
    services.update_reflection(adviseur, reflection, data, reflection.version)
    stale = Reflection.objects.get(pk=reflection.pk)
    with pytest.raises(StaleEdit):
        services.update_reflection(adviseur, reflection, {**data, "title": "Later"}, 1)
    stale.refresh_from_db()
    assert stale.title == "Nieuw"


@pytest.mark.django_db
def test_move_item_and_add_item(programme, adviseur):
    reflection = _reflection(programme, adviseur)
    one = services.add_item(adviseur, reflection, {"title": "Een"})
    two = services.add_item(adviseur, reflection, {"title": "Twee"})
    assert one.kind == AgendaItem.Kind.OTHER
    services.move_item(adviseur, two, "up")
    assert list(reflection.items.order_by("order").values_list("title", flat=True)) == [
        "Twee",
        "Een",
    ]
    services.move_item(adviseur, two, "up")  # at the top: nothing changes
    assert reflection.items.order_by("order").first().title == "Twee"


@pytest.mark.django_db
def test_result_with_new_figures_since_the_previous_reflection(programme, results, adviseur):
    from django.utils import timezone

    from duiding.results.models import ProgressEvaluation

    result = results["safe"]  # no indicators: "no new figures yet", on its own no item
    old = ProgressEvaluation.objects.create(
        result=result, verdict="no_data", details={"periods": ["2019"]}
    )
    new = ProgressEvaluation.objects.create(
        result=result, verdict="no_data", details={"periods": ["2019", "2023"]}
    )
    previous_day = DAY - datetime.timedelta(days=90)
    ProgressEvaluation.objects.filter(pk=old.pk).update(
        computed_at=timezone.make_aware(datetime.datetime(2026, 7, 1))
    )
    ProgressEvaluation.objects.filter(pk=new.pk).update(
        computed_at=timezone.make_aware(datetime.datetime(2026, 10, 1))
    )
    _reflection(programme, adviseur, previous_day, "Zomer")
    reflection = _reflection(programme, adviseur)
    facts = {r.result_id: r for r in selectors.agenda_facts(reflection).results}
    assert facts[result.pk].new_figures_since is True
    assert facts[results["start"].pk].new_figures_since is False
    keys = [i.source_key for i in services.fill_agenda(adviseur, reflection)]
    assert f"result:{result.pk}" in keys and f"result:{results['start'].pk}" not in keys

    # without a previous reflection nothing counts as new
    alone = _reflection(programme, adviseur, previous_day - datetime.timedelta(days=1), "Eerste")
    assert not any(r.new_figures_since for r in selectors.agenda_facts(alone).results)
