"""Demo step "activities": the demo programme gets five activities of two partners across the
three prevention levels, linked to the demo results, with plan steps, quality agreements and
measurement plans; a second run changes nothing; without results the step waits."""

from __future__ import annotations

import pytest

from duiding.accounts.models import User
from duiding.activities.models import (
    Activity,
    PlanStep,
    PurchaseAgreement,
    QualityAgreement,
)
from duiding.activities.plan.selectors import overdue_steps, partner_overview
from duiding.demo.plan import demo_plan_ensure
from duiding.demo.services import demo_load, demo_logins
from duiding.demo.steps import DEFAULT_PASSWORD, PASSWORD_ENV, DemoContext
from duiding.outcomes.models import MeasurementPlan
from duiding.programmes.models import Programme

pytestmark = pytest.mark.django_db

MODELS = [Activity, PlanStep, PurchaseAgreement, QualityAgreement, MeasurementPlan]


def _counts():
    return {m.__name__: m.objects.count() for m in MODELS}


def test_demo_plan_of_two_partners_across_the_prevention_levels_once(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    report = demo_load(log=lambda line: None)
    assert report.changes["activities"] > 0, report.errors
    programme = Programme.objects.get(name="Wijkprogramma Feijenoord 2025–2026")
    activities = list(programme.activities.all())
    assert len(activities) >= 5
    assert {a.organisation.name for a in activities} == {
        "Welzijn Rotterdam Zuid",
        "Wijkteam Feijenoord",
    }
    assert {a.prevention_level for a in activities} == {"universeel", "selectief", "geindiceerd"}
    results = set(programme.results.all())
    assert all(set(a.results.all()) & results for a in activities)
    assert all(a.factor_links.exists() for a in activities)
    assert all(a.quality_agreements.exists() for a in activities)
    assert all(a.measurement_plans.exists() for a in activities)
    steps = PlanStep.objects.filter(programme=programme)
    assert {s.owner_organisation.name for s in steps} == {
        "Gemeente Rotterdam",
        "Welzijn Rotterdam Zuid",
        "Wijkteam Feijenoord",
    }
    assert PurchaseAgreement.objects.filter(programme=programme).count() == 1

    partner = User.objects.get(username="partner")
    groups = partner_overview(partner)
    assert [g.programme for g in groups] == [programme]
    assert {i.activity.organisation.name for i in groups[0].activities} == {
        "Welzijn Rotterdam Zuid"
    }
    # The second partner logs in too and sees its own organisation's activities only.
    wijkteam = User.objects.get(username="wijkteam")
    assert wijkteam.check_password(DEFAULT_PASSWORD)
    groups = partner_overview(wijkteam)
    assert [g.programme for g in groups] == [programme]
    assert {i.activity.organisation.name for i in groups[0].activities} == {"Wijkteam Feijenoord"}
    assert "wijkteam" in [username for username, _pw, _label in demo_logins()]
    assert len(overdue_steps(User.objects.get(username="adviseur"))) >= 2

    before = _counts()
    again = demo_load(log=lambda line: None)
    assert again.changes["activities"] == 0
    assert _counts() == before


def test_without_the_programme_or_its_results_the_step_waits():
    demo_load(only=["organisations", "users"], log=lambda line: None)
    ctx = DemoContext(log=lambda line: None)
    assert demo_plan_ensure(ctx) == 0
    assert "ontbreken" in ctx.errors[0]

    from duiding.accounts.models import Organisation
    from duiding.areas.models import Area, Level
    from duiding.frameworks.models import Framework
    from duiding.programmes.services import programme_create

    adviseur = User.objects.get(username="adviseur")
    programme_create(
        user=adviseur,
        name="Wijkprogramma Feijenoord 2025–2026",
        area=Area.objects.create(code="WK059910", name="Feijenoord", level=Level.DISTRICT),
        framework=Framework.objects.get(is_default=True),
        organisation=Organisation.objects.get(slug="gemeente-rotterdam"),
        owner=adviseur,
        start_year=2025,
        end_year=2026,
    )
    ctx = DemoContext(log=lambda line: None)
    assert demo_plan_ensure(ctx) == 0
    assert "nog geen maatschappelijke resultaten" in ctx.errors[0]
    assert Activity.objects.count() == 0
