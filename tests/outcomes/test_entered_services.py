"""Entered figures services: every rule refused with a Dutch message naming the field and nothing
stored, the target defaulting to the planned reach, a stale edit refused, and the history with
restore after a delete."""

from __future__ import annotations

import datetime

import pytest

from duiding.core.history import RestoreError
from duiding.core.versioning import StaleEdit
from duiding.outcomes import entered_services as services
from duiding.outcomes.models import EnteredCount, EnteredFigures, EnteredFiguresChange
from tests.outcomes.entered_fixtures import APR, JAN, JUN, MAR, quarter

pytestmark = pytest.mark.django_db


def _stored() -> tuple[int, int, int]:
    return (
        EnteredFigures.objects.count(),
        EnteredCount.objects.count(),
        EnteredFiguresChange.objects.count(),
    )


def _refused(home_start, data, *, exclude=None) -> list[tuple]:
    before = _stored()
    with pytest.raises(services.EnteredError) as caught:
        services.entered_figures_create(activity=home_start, user=None, data=data)
    assert _stored() == before
    return caught.value.errors


def test_create_stores_the_period_its_counts_and_a_history_row(home_start, partner):
    made = services.entered_figures_create(activity=home_start, user=partner, data=quarter())
    assert (made.reached, made.no_shows, made.target) == (24, 3, 30)  # target: planned reach
    counts = {(c.measure, c.value): c.count for c in made.counts.all()}
    assert counts == {
        ("uitval", "1"): 15,
        ("uitval", "2"): 2,
        ("uitval", "3"): 4,
        ("uitval", "4"): 0,
        ("uitval", "5"): 1,
    }
    change = EnteredFiguresChange.objects.get()
    assert change.action == "aangemaakt" and change.user == partner
    assert change.snapshot["reached"] == 24
    assert ["uitval", "3", 4] in change.snapshot["counts"]


def test_target_defaults_to_the_target_group_without_a_planned_reach(home_start):
    home_start.reach = None
    home_start.save()
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    assert made.target == 120


def test_a_typed_target_is_kept(home_start):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter(target=40))
    assert made.target == 40


def test_reached_above_target_is_stored_with_a_warning(home_start):
    data = quarter(reached=50, target=30)
    made = services.entered_figures_create(activity=home_start, user=None, data=data)
    assert made.reached == 50
    [warning] = services.warnings(data)
    assert "Bereikt (50)" in warning and "(30)" in warning


def test_dropout_above_reached_is_refused_naming_both(home_start):
    errors = _refused(home_start, quarter(reached=20))  # dropout total 22
    [(field, message)] = errors
    assert field is None
    assert "Uitval" in message and "22" in message and "Bereikt (20)" in message


def test_dropout_equal_to_reached_is_fine(home_start):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter(reached=22))
    assert made.reached == 22


def test_end_before_start_is_refused(home_start):
    errors = _refused(home_start, quarter(period_start=MAR, period_end=JAN))
    assert errors[0][0] == "period_end"
    assert "31 maart 2026" in errors[0][1] and "1 januari 2026" in errors[0][1]


def test_a_one_day_period_is_fine(home_start):
    made = services.entered_figures_create(
        activity=home_start, user=None, data=quarter(period_end=JAN)
    )
    assert made.period_start == made.period_end


def test_overlapping_period_is_refused_naming_the_other(home_start):
    services.entered_figures_create(activity=home_start, user=None, data=quarter())
    errors = _refused(home_start, quarter(period_start=datetime.date(2026, 3, 31), period_end=JUN))
    [(field, message)] = errors
    assert field == "period_start"
    assert "1 januari 2026 – 31 maart 2026" in message


def test_the_next_period_does_not_overlap(home_start):
    services.entered_figures_create(activity=home_start, user=None, data=quarter())
    services.entered_figures_create(
        activity=home_start, user=None, data=quarter(period_start=APR, period_end=JUN)
    )
    assert EnteredFigures.objects.count() == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reached": -1}, "reached"),
        ({"no_shows": -2}, "no_shows"),
        ({"target": 2.5}, "target"),
        ({"counts": {"uitval": {"3": -4}}}, "uitval:3"),
        ({"counts": {"tevredenheid": {"7": "veel"}}}, "tevredenheid:7"),
    ],
)
def test_counts_must_be_whole_numbers_of_zero_or_more(home_start, changes, field):
    errors = _refused(home_start, quarter(**changes))
    assert errors[0][0] == field
    assert "heel getal van 0 of meer" in errors[0][1]


def test_unknown_measure_or_value_is_refused(home_start):
    errors = _refused(home_start, quarter(counts={"tevredenheid": {"11": 2}}))
    assert "‘11’" in errors[0][1]
    errors = _refused(home_start, quarter(counts={"geluk": {"1": 2}}))
    assert "geluk" in errors[0][1]


def test_every_standard_measure_as_counts(home_start):
    counts = {
        "tevredenheid": {"1": 1, "6": 4, "7": 9, "8": 6, "10": 1},
        "doelrealisatie": {"-1": 1, "0": 2, "1": 5, "2": 9},
        "verder_zonder_hulp": {"1": 1, "4": 7},
        "afname_problematiek": {"sterke_verbetering": 3, "stabilisatie": 5},
    }
    made = services.entered_figures_create(
        activity=home_start, user=None, data=quarter(counts=counts)
    )
    assert services.Figures.of(made).counts == counts


def test_missing_dates_are_refused(home_start):
    errors = _refused(home_start, quarter(period_start=None, period_end=None))
    assert {f for f, _m in errors} == {"period_start", "period_end"}


def test_update_replaces_counts_and_records_the_change(home_start, adviseur):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    services.entered_figures_update(
        figures=made,
        user=adviseur,
        data=quarter(reached=25, counts={"uitval": {"1": 20}}),
        expected_version=1,
    )
    made.refresh_from_db()
    assert made.reached == 25 and made.version == 2
    assert list(made.counts.values_list("value", "count")) == [("1", 20)]
    assert EnteredFiguresChange.objects.filter(action="gewijzigd", user=adviseur).count() == 1


def test_update_may_keep_its_own_period(home_start):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    services.entered_figures_update(
        figures=made, user=None, data=quarter(reached=30), expected_version=1
    )
    made.refresh_from_db()
    assert made.reached == 30


def test_stale_update_is_refused_and_changes_nothing(home_start):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    services.entered_figures_update(
        figures=made, user=None, data=quarter(reached=23), expected_version=1
    )
    stale_copy = EnteredFigures.objects.get(pk=made.pk)
    before = _stored()
    with pytest.raises(StaleEdit) as caught:
        services.entered_figures_update(
            figures=stale_copy, user=None, data=quarter(reached=99), expected_version=1
        )
    assert _stored() == before
    assert EnteredFigures.objects.get(pk=made.pk).reached == 23
    assert any(c.label == "Bereikt" for c in caught.value.changes)


def test_update_that_breaks_a_rule_changes_nothing(home_start):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    with pytest.raises(services.EnteredError):
        services.entered_figures_update(
            figures=made, user=None, data=quarter(reached=5), expected_version=1
        )
    made.refresh_from_db()
    assert (made.reached, made.version, made.counts.count()) == (24, 1, 5)


def test_delete_then_restore_brings_the_period_and_counts_back(home_start, partner):
    made = services.entered_figures_create(activity=home_start, user=partner, data=quarter())
    pk = made.pk
    change = services.entered_figures_delete(figures=made, user=partner)
    assert not EnteredFigures.objects.exists() and not EnteredCount.objects.exists()
    assert list(EnteredFiguresChange.deletions()) == [change]
    restored = services.entered_figures_restore(change=change, user=partner)
    assert restored.pk == pk
    assert services.Figures.of(restored) == quarter(target=30)
    assert not EnteredFiguresChange.deletions().exists()
    assert EnteredFiguresChange.objects.filter(action="hersteld").count() == 1
    with pytest.raises(RestoreError):
        services.entered_figures_restore(change=change, user=partner)


def test_restore_into_a_taken_period_is_refused(home_start):
    made = services.entered_figures_create(activity=home_start, user=None, data=quarter())
    change = services.entered_figures_delete(figures=made, user=None)
    services.entered_figures_create(
        activity=home_start, user=None, data=quarter(period_start=MAR, period_end=JUN)
    )
    with pytest.raises(RestoreError) as caught:
        services.entered_figures_restore(change=change, user=None)
    assert "31 maart 2026 – 30 juni 2026" in str(caught.value)
    assert EnteredFigures.objects.count() == 1
    assert EnteredFiguresChange.deletions().count() == 1


def test_totals_over_the_periods(home_start):
    services.entered_figures_create(activity=home_start, user=None, data=quarter())
    services.entered_figures_create(
        activity=home_start,
        user=None,
        data=quarter(period_start=APR, period_end=JUN, reached=10, no_shows=None, counts={}),
    )
    totals = services.totals(home_start)
    assert totals == {"periods": 2, "reached": 34, "target": 60, "no_shows": 3, "dropout": 22}


def test_count_labels_name_value_and_meaning():
    measures = {m.key: m for m in services.counted_measures()}
    dropout = measures["uitval"]
    assert services.count_label(dropout, "3", dict(dropout.values)["3"]) == (
        "Uitval: 3 Voortijdig: eenzijdig door de cliënt"
    )
    assert [v for v, _m in measures["doelrealisatie"].values] == ["-1", "0", "1", "2"]
    assert len(measures["tevredenheid"].values) == 10
    assert len(measures["afname_problematiek"].values) == 5
