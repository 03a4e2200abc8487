"""Fixtures of the decisions, actions and reminders tests: the Feijenoord programme with the
speeltuin of seed 003 step 6 (an activity of the partner for a result on healthy weight), a
held reflection facilitated by the adviser, and agenda items about the activity and the result."""

from __future__ import annotations

import datetime
import secrets
from decimal import Decimal

import pytest

from duiding.activities.services import activity_create
from duiding.reflections.models import AgendaItem, Reflection
from duiding.results.models import ResultIndicator
from tests.activities import conftest as activities_base
from tests.outcomes import entered_fixtures as base

feijenoord = base.feijenoord
figures = base.figures
framework = base.framework
other_partner = base.other_partner
programme = base.programme
results = base.results

TODAY = datetime.date(2026, 12, 4)


@pytest.fixture
def speeltuin(programme, results, adviseur, partner_org):
    return activity_create(
        programme=programme,
        user=adviseur,
        organisation=partner_org,
        name="Speeltuin uitgebreid voor jonge kinderen",
        target_group="Kinderen van 4 tot 8 jaar met overgewicht",
        target_group_size=80,
        reach=40,
        prevention_level="selectief",
        form="groep",
        offer_kind="gewenst_nieuw",
        results=[results["start"]],
        factors=[(activities_base.factor("Opvoedingsvaardigheden"), "versterkt")],
    )


@pytest.fixture
def weight_result(results):
    result = results["start"]
    ResultIndicator.objects.create(
        result=result,
        name="Kinderen met een gezond gewicht",
        baseline_period="2023",
        baseline_value=Decimal("72.0"),
        baseline_source="GGD Gezondheidsmonitor",
        target_kind="pp",
        target_value=Decimal("5"),
        direction="higher_is_better",
    )
    return result


@pytest.fixture
def reflection(programme, municipality_org, adviseur):
    return Reflection.objects.create(
        programme=programme,
        organisation=municipality_org,
        title="Duidingssessie Feijenoord voorjaar",
        date=TODAY,
        facilitator=adviseur,
        join_code=secrets.token_hex(3).upper(),
        status="afgerond",
    )


@pytest.fixture
def activity_item(reflection, speeltuin):
    return AgendaItem.objects.create(
        reflection=reflection, kind="activity", title=speeltuin.name, activity=speeltuin
    )


@pytest.fixture
def result_item(reflection, weight_result):
    return AgendaItem.objects.create(
        reflection=reflection, kind="result", title=weight_result.text, result=weight_result
    )
