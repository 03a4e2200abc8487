"""Decisions of a duidingssessie: doorgaan / bijstellen / stoppen on an activity (in the plan's
history, stop marks it stopped), keep or adjust a result's target (in the result's history)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from duiding.activities.models import Activity, PlanChange
from duiding.reflections import decisions
from duiding.reflections.models import Decision, ReflectionChange
from duiding.results.models import ResultChange
from tests.reflections.action_fixtures import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db


def _url(name, reflection, item):
    return reverse(f"reflections:{name}", args=[reflection.pk, item.pk])


def test_stop_marks_the_activity_and_appears_in_its_history(
    reflection, activity_item, speeltuin, adviseur
):
    decisions.decision_record(
        reflection=reflection,
        item=activity_item,
        user=adviseur,
        choice="stoppen",
        reason="Alleen hangjongeren gebruiken de speeltuin; jonge kinderen bereiken we niet.",
    )
    speeltuin.refresh_from_db()
    assert speeltuin.stopped_on is not None
    line = PlanChange.objects.filter(kind="activiteit", object_id=speeltuin.pk).first()
    assert "Duidingssessie Feijenoord voorjaar" in line.summary
    assert "stoppen" in line.summary and "hangjongeren" in line.summary
    assert line.snapshot["stopped_on"] == speeltuin.stopped_on.isoformat()
    assert ReflectionChange.objects.filter(reflection=reflection).count() == 1


def test_adjust_is_recorded_without_stopping(reflection, activity_item, speeltuin, adviseur):
    decisions.decision_record(
        reflection=reflection,
        item=activity_item,
        user=adviseur,
        choice="bijstellen",
        reason="Samenwerken met jongerenwerk en kinderdagverblijven.",
    )
    speeltuin.refresh_from_db()
    assert speeltuin.stopped_on is None
    assert PlanChange.objects.filter(
        kind="activiteit", object_id=speeltuin.pk, summary__contains="bijstellen"
    ).exists()


def test_adjusted_target_appears_in_the_result_history(
    reflection, result_item, weight_result, adviseur
):
    row = weight_result.result_indicators.get()
    version = weight_result.version
    decisions.decision_record(
        reflection=reflection,
        item=result_item,
        user=adviseur,
        choice="doel_bijstellen",
        reason="Het doel is te hoog voor twee jaar.",
        result_indicator=str(row.pk),
        new_target=Decimal("3"),
    )
    row.refresh_from_db()
    weight_result.refresh_from_db()
    assert row.target_value == Decimal("3")
    assert row.baseline_value == Decimal("72.0")  # the baseline is kept
    assert weight_result.version == version + 1
    change = ResultChange.objects.filter(result=weight_result).order_by("-pk").first()
    assert "doel bijstellen" in change.summary and "te hoog" in change.summary
    assert change.snapshot["indicators"][0]["target_value"] == 3.0


def test_kept_target_appears_in_the_result_history(
    reflection, result_item, weight_result, adviseur
):
    decisions.decision_record(
        reflection=reflection,
        item=result_item,
        user=adviseur,
        choice="doel_houden",
        reason="We liggen op koers.",
    )
    assert ResultChange.objects.filter(
        result=weight_result, summary__contains="doel houden"
    ).exists()
    assert weight_result.result_indicators.get().target_value == Decimal("5")


@pytest.mark.parametrize(
    ("choice", "reason", "field"),
    [("stoppen", "  ", "reason"), ("doel_houden", "Reden", "choice"), ("weg", "x", "choice")],
)
def test_bad_activity_decision_stores_nothing(
    reflection, activity_item, speeltuin, adviseur, choice, reason, field
):
    with pytest.raises(ValidationError) as error:
        decisions.decision_record(
            reflection=reflection, item=activity_item, user=adviseur, choice=choice, reason=reason
        )
    assert field in error.value.message_dict
    assert not Decision.objects.exists()
    speeltuin.refresh_from_db()
    assert speeltuin.stopped_on is None


def test_post_decision_and_refusals(
    client_as, reflection, activity_item, speeltuin, adviseur, partner, outsider
):
    url = _url("decision_add", reflection, activity_item)
    data = {"choice": "stoppen", "reason": "Bereikt de doelgroep niet."}
    assert client_as(outsider).post(url, data).status_code == 404
    assert client_as(partner).post(url, data).status_code == 403
    assert not Decision.objects.exists()
    response = client_as(adviseur).post(url, {"choice": "stoppen", "reason": ""})
    assert response.status_code == 400
    assert "Reden" in response.content.decode()
    assert not Decision.objects.exists()
    response = client_as(adviseur).post(url, data)
    assert response.status_code == 302
    assert Decision.objects.get().choice == "stoppen"
    assert Activity.objects.get(pk=speeltuin.pk).stopped_on is not None


def test_post_adjust_target_without_value_is_refused(
    client_as, reflection, result_item, weight_result, adviseur
):
    url = _url("decision_add", reflection, result_item)
    response = client_as(adviseur).post(url, {"choice": "doel_bijstellen", "reason": "Te hoog"})
    assert response.status_code == 400
    assert "Nieuw doel" in response.content.decode()
    assert not Decision.objects.exists()
    assert weight_result.result_indicators.get().target_value == Decimal("5")
