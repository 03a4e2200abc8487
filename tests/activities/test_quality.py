"""Quality agreements (seed 003 step 4): the next step per partner and activity, its timeline and
status, and the seed's quality questions as a checklist. A refused write changes nothing."""

from __future__ import annotations

import pytest

from duiding.activities.models import QualityAgreement
from duiding.activities.plan import services
from duiding.activities.plan.reference import QUALITY_QUESTIONS
from duiding.activities.plan.selectors import checklist_rows
from tests.activities.plan_fixtures import *  # noqa: F403
from tests.activities.plan_fixtures import FUTURE, PAST, TODAY

pytestmark = pytest.mark.django_db

SEED = "/work/shared/seeds/003_f80b0fac993bb6f4.txt"


def _save(activity, user, **kw):
    kw.setdefault("next_step", "Beschrijf de interventie met het werkblad van het NJi")
    kw.setdefault("due_date", FUTURE)
    return services.quality_save(activity=activity, user=user, on=TODAY, **kw)


def test_describe_the_intervention_moves_from_trede_0_to_1(partner, plan_activities):
    home_start = plan_activities["home_start"]
    agreement = _save(
        home_start,
        partner,
        target_level=1,
        checklist={
            "scholing": {"answer": True, "note": "Twee trainingen per jaar"},
            "beroepsregistratie": {"answer": False, "note": ""},
        },
    )
    agreement.refresh_from_db()
    assert agreement.organisation == home_start.organisation
    assert (agreement.target_level, agreement.status, agreement.due_date) == (1, "open", FUTURE)
    assert agreement.checklist == {
        "scholing": {"answer": True, "note": "Twee trainingen per jaar"},
        "beroepsregistratie": {"answer": False, "note": ""},
    }
    rows = checklist_rows(agreement)
    assert [r.key for r in rows] == [k for k, _q in QUALITY_QUESTIONS]
    assert [r.answer for r in rows] == [None, True, None, None, False, None]


def test_quality_questions_are_copied_from_the_seed_word_for_word():
    seed = " ".join(open(SEED, encoding="utf-8").read().split())
    for _key, question in QUALITY_QUESTIONS:
        assert " ".join(str(question).split()) in seed, question
    assert len(QUALITY_QUESTIONS) == 6


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"next_step": " "}, "next_step", "eerstvolgende stap"),
        ({"due_date": PAST}, "due_date", "De datum ligt in het verleden"),
        ({"target_level": 7}, "target_level", "trede van 0 tot en met 4"),
        ({"status": "later"}, "status", "Kies een status"),
        (
            {"checklist": {"scholing": {"answer": "misschien"}}},
            "q_scholing",
            "besproken of nog niet",
        ),
        ({"checklist": {"onbekend": {"answer": True}}}, None, "Onbekende kwaliteitsvraag"),
    ],
)
def test_refusals_change_nothing(partner, plan_activities, fields, field, message):
    with pytest.raises(services.PlanError) as refused:
        _save(plan_activities["home_start"], partner, **fields)
    assert message in str(refused.value) and refused.value.field == field
    assert QualityAgreement.objects.count() == 0


def test_target_below_the_current_trede_is_refused(adviseur, plan_activities):
    sport = plan_activities["sport"]  # trede 2
    with pytest.raises(services.PlanError, match="al op trede 2"):
        _save(sport, adviseur, target_level=1)
    assert _save(sport, adviseur, target_level=2).target_level == 2  # keep the quality


def test_update_keeps_a_past_date_and_changes_status(partner, plan_activities):
    agreement = _save(plan_activities["home_start"], partner, due_date=TODAY)
    later = TODAY.replace(month=TODAY.month + 2)
    services.quality_save(
        activity=agreement.activity,
        user=partner,
        agreement=agreement,
        expected_version=agreement.version,
        next_step=agreement.next_step,
        due_date=TODAY,
        status="klaar",
        on=later,
    )
    agreement.refresh_from_db()
    assert agreement.status == "klaar" and agreement.updated_by == partner
    assert QualityAgreement.objects.count() == 1
