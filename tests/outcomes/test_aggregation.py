"""The outcome figures (outcomes/aggregation.py) with hand-computed numbers."""

from __future__ import annotations

import pytest

from duiding.outcomes.aggregation import (
    AnswerRow,
    ReachPeriod,
    classify,
    dropout,
    group_change,
    pair_changes,
    reach,
    strong_change,
    sufficient_from,
    summarise,
)
from duiding.outcomes.standard import goal_realisation, usefulness, without_help
from tests.outcomes.page_fixtures import POST_COUNTS, PRE_COUNTS, expand

pytestmark = pytest.mark.django_db(False)


def marks(counts, texts=None):
    return [
        AnswerRow(response=i, number=float(m)) for i, m in enumerate(expand(counts))
    ], texts or {}


def test_school_mark_distribution_and_figures():
    """Voormeting: counts 0, 1, 2, 3, 5, 8, 9, 6, 4, 2 of the marks 1..10.
    Sum 2 + 6 + 12 + 25 + 48 + 63 + 48 + 36 + 20 = 260, n 40, mean 6,5; the 20th and 21st mark
    are both 7, median 7; voldoende (6 and up) 8 + 9 + 6 + 4 + 2 = 29 of 40 = 72,5 %."""
    answers, _ = marks(PRE_COUNTS)
    s = summarise(usefulness(), answers)
    assert [r.value for r in s.rows] == [str(v) for v in range(1, 11)]
    assert [r.count for r in s.rows] == PRE_COUNTS  # every value, also the zero
    assert s.n == 40 and s.mean == pytest.approx(6.5) and s.median == 7
    assert s.sufficient == 29 and s.sufficient_share == pytest.approx(72.5)
    assert s.lowest.value == 2 and s.lowest.count == 1
    assert s.highest.value == 10 and s.highest.count == 2


def test_eindmeting_figures():
    """3 + 8 + 15 + 36 + 70 + 72 + 54 + 30 = 288 / 40 = 7,2; voldoende 34 of 40 = 85 %."""
    s = summarise(usefulness(), marks(POST_COUNTS)[0])
    assert s.mean == pytest.approx(7.2) and s.median == 7
    assert s.sufficient == 34 and s.sufficient_share == pytest.approx(85.0)


def test_extremes_carry_the_open_answers_of_those_respondents():
    answers = [AnswerRow(1, 2.0), AnswerRow(2, 9.0), AnswerRow(3, 2.0), AnswerRow(4, 5.0)]
    texts = {1: ["Niks aan"], 2: ["Top"], 4: ["Gewoon"]}
    s = summarise(usefulness(), answers, texts=texts)
    assert s.lowest.value == 2 and s.lowest.count == 2 and s.lowest.texts == ["Niks aan"]
    assert s.highest.value == 9 and s.highest.texts == ["Top"]


def test_entered_counts_add_to_the_distribution_labelled_as_entered():
    answers = [AnswerRow(1, 7.0), AnswerRow(2, 8.0)]
    s = summarise(usefulness(), answers, entered={"7": 3, "10": 1})
    seven = s.rows[6]
    assert (seven.answered, seven.entered, seven.count) == (1, 3, 4)
    assert s.n == 6 and s.answered == 2 and s.entered == 4
    assert s.mean == pytest.approx((7 * 4 + 8 + 10) / 6)
    assert s.lowest.value == 7  # extremes come from answers (entered counts have no respondents)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        (usefulness(), 6),
        (goal_realisation()[0], 1),
        (without_help(), 3),
        ({"kind": "scale", "min": 1, "max": 5, "measure": ""}, 4),
        ({"kind": "scale", "min": 0, "max": 10, "measure": ""}, 6),
        ({"kind": "single", "measure": ""}, None),
    ],
)
def test_what_counts_as_voldoende(question, first):
    assert sufficient_from(question) == first


def test_goal_realisation_share():
    """−1, 0, 1, 2, 2: deels of geheel behaald (1 and 2) 3 of 5 = 60 %."""
    answers = [AnswerRow(i, float(v)) for i, v in enumerate([-1, 0, 1, 2, 2])]
    s = summarise(goal_realisation()[0], answers)
    assert [r.count for r in s.rows] == [1, 1, 1, 2]
    assert s.sufficient_share == pytest.approx(60.0)


def test_multiple_choice_counts_per_option():
    q = {
        "key": "wat",
        "kind": "multiple",
        "label": {"nl": "Wat?"},
        "choices": [{"value": "a", "label": {"nl": "A"}}, {"value": "b", "label": {"nl": "B"}}],
    }
    answers = [AnswerRow(1, choice="a"), AnswerRow(1, choice="b"), AnswerRow(2, choice="a")]
    s = summarise(q, answers)
    assert [(r.label, r.count) for r in s.rows] == [("A", 2), ("B", 1)]
    assert s.n == 2 and not s.additive and s.mean is None


def test_open_answers_listed():
    q = {"key": "w", "kind": "text", "label": {"nl": "Wat?"}}
    s = summarise(q, [AnswerRow(1, text="Fijn"), AnswerRow(2, text="  ")])
    assert s.texts == ["Fijn"] and s.n == 1


def test_strong_change_threshold():
    assert strong_change(usefulness()) == 2  # 1–10: 20 % of 9 is 1,8 -> 2
    assert strong_change(without_help()) == 2
    assert strong_change({"min": 0, "max": 20}) == 4


@pytest.mark.parametrize(
    ("change", "category"),
    [
        (3, "sterke_verbetering"),
        (2, "sterke_verbetering"),
        (1, "matige_verbetering"),
        (0, "stabilisatie"),
        (-1, "matige_verslechtering"),
        (-2, "sterke_verslechtering"),
    ],
)
def test_classify(change, category):
    assert classify(change, 2) == category


def test_pair_changes_in_five_categories():
    """(5→8) +3 sterk, (5→6) +1 matig, (6→6) 0, (7→6) −1, (8→5) −3: one each; mean 0."""
    change = pair_changes(usefulness(), [(5, 8), (5, 6), (6, 6), (7, 6), (8, 5)])
    assert [c for _k, _l, c in change.counts] == [1, 1, 1, 1, 1]
    assert change.counts[0][1] == "Een sterke verbetering"
    assert change.n == 5 and change.mean_change == 0


def test_group_change_when_no_pairs():
    pre = summarise(usefulness(), marks(PRE_COUNTS)[0])
    post = summarise(usefulness(), marks(POST_COUNTS)[0])
    g = group_change(pre, post)
    assert g.difference == pytest.approx(0.7)


def test_dropout_per_reason_code():
    """Answers 1: 2, 3: 1; entered 1: 20, 2: 6, 3: 2, 5: 1 -> 22, 6, 3, 0, 1 = 32; code 3
    (eenzijdig door de cliënt) 3 of 32 = 9,4 %."""
    d = dropout({"1": 2, "3": 1}, {"1": 20, "2": 6, "3": 2, "5": 1}, {"3": "cliënt"})
    assert [r.count for r in d.rows] == [22, 6, 3, 0, 1]
    assert d.total == 32 and d.client_share == pytest.approx(9.375)


def test_reach_against_plan():
    periods = [ReachPeriod(None, None, 20, None, None), ReachPeriod(None, None, 28, 40, 3)]
    r = reach(30, 120, periods)
    assert r.planned == 40 and r.reached == 28 and r.share == pytest.approx(70.0)
    assert reach(30, 120, []).planned == 30
    assert reach(None, 120, []).planned == 120
    assert reach(None, None, []).planned is None
