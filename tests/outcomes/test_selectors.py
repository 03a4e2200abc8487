"""The reads of the outcome page (outcomes/selectors.py) on the fixture's Home-Start outcome."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from duiding.outcomes.selectors import activity_outcome
from tests.outcomes.page_fixtures import *  # noqa: E402, F403
from tests.outcomes.page_fixtures import POST_COUNTS, add_responses, expand

pytestmark = pytest.mark.django_db


def block(outcome, key):
    return next(b for b in outcome.blocks if b.key == key)


def test_partner_sees_raw_figures_per_moment(outcome, partner):
    result = activity_outcome(outcome["activity"], partner)
    assert result.raw and result.responses == 80
    nut = block(result, "nut")
    assert [c.moment for c in nut.columns] == ["Voormeting", "Eindmeting"]
    pre = nut.columns[0].shown
    assert [r.count.value for r in pre.rows] == [0, 1, 2, 3, 5, 8, 9, 6, 4, 2]
    assert pre.mean == "6,5" and pre.median == "7,0" and pre.sufficient_share == "73%"
    assert pre.lowest.value == 2
    assert pre.lowest.texts == ["Ik had er niets aan <script>alert(1)</script>"]
    assert pre.highest.value == 10 and pre.highest.texts == ["Heel fijn!"]


def test_pairs_by_card_and_dropout_and_reach(outcome, partner):
    result = activity_outcome(outcome["activity"], partner)
    assert len(result.pairs) == 1
    pairs = result.pairs[0]
    pre, post = outcome["pre_marks"][:30], outcome["post_marks"][:30]
    assert pairs.n.value == 30
    expected = {"sterke_verbetering": 0, "matige_verbetering": 0, "stabilisatie": 0}
    for a, b in zip(pre, post, strict=True):
        d = b - a
        key = "sterke_verbetering" if d >= 2 else "matige_verbetering" if d > 0 else "stabilisatie"
        expected[key] += d >= 0
    got = {k: c.value for k, _l, c in pairs.counts}
    for key, count in expected.items():
        assert got[key] == count
    assert [r.count.value for r in result.dropout.rows] == [20, 6, 3, 0, 1]
    assert result.dropout.client_share == "10%"
    assert result.reach.reached.value == 28 and result.reach.share == "93%"


def test_adviser_sees_suppressed_aggregates_only(outcome, adviseur):
    result = activity_outcome(outcome["activity"], adviseur)
    assert not result.raw
    pre = block(result, "nut").columns[0].shown
    texts = [r.count.text for r in pre.rows]
    assert texts[3] == "minder dan 5"  # the mark 4: three answers
    assert 3 not in [r.count.value for r in pre.rows]
    assert pre.lowest is None and pre.highest is None
    assert block(result, "waarom").columns[0].shown.texts == []
    assert result.dropout.rows[2].count.text == "minder dan 5"
    assert result.dropout.client_share is None
    assert result.reach.periods[0].no_shows.text == "minder dan 5"


def test_measurement_plan_beside_it(outcome, partner):
    result = activity_outcome(outcome["activity"], partner)
    plans = {row.plan.measure: row for row in result.plans}
    satisfaction = plans["tevredenheid"]
    assert [i["questionnaire"].title for i in satisfaction.questionnaires] == [
        "Voormeting Home-Start",
        "Eindmeting Home-Start",
    ]
    # the eindmeting closed with 40 of the 50 wished answers
    assert satisfaction.overdue and "40 van de 50" in satisfaction.reason
    # doelrealisatie: "1x per jaar", planned in 2024, never measured
    assert plans["doelrealisatie"].overdue
    assert len(result.overdue) == 2


def test_few_queries_whatever_the_number_of_answers(outcome, partner):
    activity_outcome(outcome["activity"], partner)  # warm caches
    with CaptureQueriesContext(connection) as queries:
        activity_outcome(outcome["activity"], partner)
    assert len(queries) <= 15
    add_responses(
        outcome["post"], outcome["post"].versions.get(), expand(POST_COUNTS) * 3
    )  # 120 more answers
    with CaptureQueriesContext(connection) as more:
        result = activity_outcome(outcome["activity"], partner)
    assert len(more) == len(queries)
    assert next(b for b in result.blocks if b.key == "nut").columns[1].shown.n.value == 160
