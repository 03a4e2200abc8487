# ruff: noqa: F811 - pytest fixtures imported from progress_fixtures are used as arguments
"""Progress of societal results: evaluation with the figures loaded now, the history of verdicts,
recomputation after an import (real youth-care figures of Feijenoord), next expected figures."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from duiding.indicators.signals import import_finished
from duiding.results.models import ProgressEvaluation
from duiding.results.progress import (
    combine_verdicts,
    date_to_x,
    evaluate_result,
    next_expected,
    next_expected_text,
    recompute,
    results_touched_by,
)
from tests.results.progress_fixtures import (  # noqa: F401
    drop_after,
    feijenoord,
    figures,
    framework,
    import_run,
    make_result,
    programme,
    share_row,
    store_figure,
    youth_row,
)

pytestmark = pytest.mark.django_db

SHARE_2021 = 290 * 100 / 1820  # 15.934 %
SHARE_2023 = 465 * 100 / 2570  # 18.093 %


@pytest.mark.parametrize(
    ("rhythm", "latest", "expected"),
    [
        ("yearly", "2023", {"period": "2024", "year": 2025}),
        ("four_yearly", "2020", {"period": "2024", "year": 2025}),
        ("biennial", "2021", {"period": "2023", "year": 2024}),
        ("half_yearly", "2023H1", {"period": "2023H2", "year": 2024}),
        ("half_yearly", "2023H2", {"period": "2024H1", "year": 2025}),
        ("half_yearly", "2023", {"period": "2024", "year": 2025}),  # shown per year
        ("quarterly", "2023Q4", {"period": "2024Q1", "year": 2025}),
        ("irregular", "2023", None),
        ("yearly", None, None),
    ],
)
def test_next_expected_follows_the_rhythm(rhythm, latest, expected):
    assert next_expected(rhythm, latest) == expected


def test_next_expected_text_names_year_and_period():
    assert next_expected_text({"period": "2024", "year": 2025}) == (
        "verwacht: 2025 (cijfers over 2024)"
    )
    assert "onbekend" in next_expected_text(None)


@pytest.mark.parametrize(
    ("verdicts", "combined"),
    [
        (["reached", "reached"], "reached"),
        (["reached", "on_track"], "on_track"),
        (["on_track", "not_on_track"], "not_on_track"),
        (["reached", "no_data"], "no_data"),
        (["not_on_track", "no_data"], "not_on_track"),
        (["not_reached", "reached"], "not_reached"),
        ([], "no_data"),
    ],
)
def test_combine_verdicts_for_rule_each(verdicts, combined):
    assert combine_verdicts(verdicts) == combined


def test_date_to_x():
    assert date_to_x(datetime.date(2026, 1, 1)) == 2026.0
    assert date_to_x(datetime.date(2026, 7, 2)) == pytest.approx(2026 + 182 / 365)


def test_evaluation_uses_baseline_and_latest_period(programme, adviseur, figures):
    result = make_result(programme, adviseur, [share_row(figures)])
    details = evaluate_result(result)
    item = details["indicators"][0]
    assert item["baseline"] == pytest.approx(SHARE_2021, abs=1e-3)
    assert item["period"] == "2023"
    assert item["value"] == pytest.approx(SHARE_2023)
    assert item["change"] == pytest.approx(SHARE_2023 - SHARE_2021, abs=1e-3)
    assert item["required"] == pytest.approx(SHARE_2021 + 5, abs=1e-3)
    # On the straight line from 2021 (15.93) to end 2026 (20.93), at 2023 the share should be
    # 15.93 + 5 x (2 / 5.997) = 17.6; it is 18.09: on track.
    assert item["verdict"] == "on_track"
    assert details["verdict"] == "on_track"
    assert details["periods"] == ["2021", "2023"]
    assert item["next_expected"] == {"period": "2024", "year": 2025}


def test_count_indicator_going_the_wrong_way_is_not_on_track(programme, adviseur, figures):
    # Youths with youth care 1160 (2021) -> 1555 (2023) while 10 % fewer (1044) is wanted.
    result = make_result(programme, adviseur, [youth_row(figures)])
    details = evaluate_result(result)
    youth = details["indicators"][0]
    assert youth["required"] == pytest.approx(1044)
    assert youth["verdict"] == "not_on_track"
    assert details["verdict"] == "not_on_track"


def test_target_date_passed_and_missed_is_not_reached(programme, adviseur, figures):
    result = make_result(
        programme,
        adviseur,
        [youth_row(figures)],
        target_date=datetime.date(2022, 12, 31),
    )
    assert evaluate_result(result)["verdict"] == "not_reached"


def test_progress_recomputed_after_import_of_a_newer_period(programme, adviseur, figures):
    """2021 baseline only -> no new figures; the 2023 figure arrives with an import -> the
    verdict changes and the history grows (one query finds the result)."""
    drop_after(figures, 2021)
    result = make_result(programme, adviseur, [share_row(figures)])
    recompute(result)
    history = list(ProgressEvaluation.objects.filter(result=result))
    assert [e.verdict for e in history] == ["no_data"]
    assert history[0].details["periods"] == ["2021"]

    run = import_run()
    store_figure(figures.share, figures.feijenoord, "2023", SHARE_2023, run=run)
    store_figure(figures.share, figures.ijsselmonde, "2023", 17.5, run=run)
    assert list(results_touched_by(run)) == [result]
    import_finished.send(sender=type(run), run=run)

    latest = ProgressEvaluation.objects.filter(result=result).order_by("-pk")
    assert [e.verdict for e in latest] == ["on_track", "no_data"]
    assert latest[0].import_run == run
    assert latest[0].details["periods"] == ["2021", "2023"]

    # The same import again changes nothing: no new row.
    import_finished.send(sender=type(run), run=run)
    assert ProgressEvaluation.objects.filter(result=result).count() == 2


def test_import_for_another_area_leaves_results_alone(programme, adviseur, figures):
    drop_after(figures, 2021)
    result = make_result(programme, adviseur, [share_row(figures)])
    recompute(result)
    run = import_run()
    store_figure(figures.share, figures.ijsselmonde, "2023", 20.0, run=run)
    assert list(results_touched_by(run)) == []
    import_finished.send(sender=type(run), run=run)
    assert ProgressEvaluation.objects.filter(result=result).count() == 1


def test_recompute_stores_only_changes(programme, adviseur, figures):
    result = make_result(programme, adviseur, [share_row(figures)])
    ProgressEvaluation.objects.filter(result=result).delete()
    assert recompute(result) is not None
    assert recompute(result) is None
    assert result.evaluations.count() == 1


def test_rule_mean_uses_the_mean_of_the_percentages(programme, adviseur, figures):
    from duiding.indicators.models import Indicator

    gp = Indicator.objects.create(
        code="AandeelHuisarts", name="Via de huisarts", unit_kind="percentage"
    )
    store_figure(gp, figures.feijenoord, "2021", 25.0)
    store_figure(gp, figures.feijenoord, "2023", 30.0)
    result = make_result(
        programme,
        adviseur,
        [share_row(figures), share_row(figures, indicator=gp)],
        rule="mean",
        combined_target=__import__("duiding.results.calculation", fromlist=["Target"]).Target(
            "pp", 2
        ),
    )
    combined = evaluate_result(result)["combined"]
    assert combined["baseline"] == pytest.approx((SHARE_2021 + 25) / 2, abs=1e-3)
    assert combined["value"] == pytest.approx((SHARE_2023 + 30) / 2)
    assert combined["period"] == "2023"
    assert combined["verdict"] == "reached"  # +3.6 pp against +2 pp


def test_management_command_recomputes(programme, adviseur, figures, capsys):
    result = make_result(programme, adviseur, [share_row(figures)])
    ProgressEvaluation.objects.filter(result=result).delete()
    call_command("recompute-progress", "--programme", str(programme.pk))
    assert result.evaluations.count() == 1
    assert "1 met een nieuw oordeel" in capsys.readouterr().out
