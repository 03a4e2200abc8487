"""activity_create / activity_update: the checks with Dutch messages, and nothing changes when
they refuse."""

import pytest
from django.core.exceptions import ValidationError

from duiding.activities.models import Activity, ActivityFactor, Intervention
from duiding.activities.services import activity_create, activity_update, intervention_save
from duiding.core.versioning import StaleEdit
from duiding.frameworks.models import Factor, Framework
from tests.activities.conftest import factor

pytestmark = pytest.mark.django_db


def _data(_results, **overrides):
    data = {
        "name": "Home-Start",
        "target_group": "Ouders",
        "results": [_results["start"]],
        "factors": [(factor("Opvoedingsvaardigheden"), "versterkt")],
        "prevention_level": "selectief",
    }
    data.update(overrides)
    return data


def _refused(**kwargs) -> dict:
    before = (Activity.objects.count(), ActivityFactor.objects.count())
    with pytest.raises(ValidationError) as caught:
        activity_create(**kwargs)
    assert (Activity.objects.count(), ActivityFactor.objects.count()) == before
    return caught.value.message_dict


def test_create_saves_links_and_audit(programme, results, adviseur, partner_org):
    activity = activity_create(
        programme=programme, user=adviseur, organisation=partner_org, **_data(results)
    )
    assert list(activity.results.all()) == [results["start"]]
    assert [(link.factor.name, link.effect) for link in activity.factor_links.all()] == [
        ("Opvoedingsvaardigheden", "versterkt")
    ]
    assert activity.created_by == adviseur and activity.updated_by == adviseur
    assert activity.version == 1


def test_no_result_and_no_factor_are_refused(programme, results, adviseur, partner_org):
    errors = _refused(
        programme=programme,
        user=adviseur,
        organisation=partner_org,
        **_data(results, results=[], factors=[]),
    )
    assert "Kies minstens één maatschappelijk resultaat" in errors["results"][0]
    assert "Kies minstens één factor" in errors["factors"][0]


def test_reach_larger_than_target_group_is_refused(programme, results, adviseur, partner_org):
    errors = _refused(
        programme=programme,
        user=adviseur,
        organisation=partner_org,
        **_data(results, reach=200, target_group_size=120),
    )
    assert errors["reach"] == [
        "Het bereik (200) is groter dan de doelgroep (120): een activiteit bereikt niet meer "
        "mensen dan er in de doelgroep zitten."
    ]


def test_unknown_intervention_is_refused(programme, results, adviseur, partner_org):
    errors = _refused(
        programme=programme,
        user=adviseur,
        organisation=partner_org,
        **_data(results, intervention=987654),
    )
    assert errors["intervention"] == [
        "Onbekende interventie (987654): kies een interventie uit de lijst."
    ]


def test_result_of_another_programme_is_refused(
    programme, other_programme, results, adviseur, partner_org
):
    import datetime

    from duiding.results.models import SocietalResult

    foreign = SocietalResult.objects.create(
        programme=other_programme, text="Elders beter", target_date=datetime.date(2027, 1, 1)
    )
    errors = _refused(
        programme=programme,
        user=adviseur,
        organisation=partner_org,
        **_data(results, results=[foreign]),
    )
    assert errors["results"] == ["Het resultaat „Elders beter” hoort bij een ander programma."]


def test_factor_of_another_framework_is_refused(programme, results, adviseur, partner_org):
    other = Framework.objects.create(name="Ander raamwerk", slug="ander")
    foreign = Factor.objects.create(framework=other, name="Vreemde factor", kind="risk")
    errors = _refused(
        programme=programme,
        user=adviseur,
        organisation=partner_org,
        **_data(results, factors=[(foreign, "vermindert")]),
    )
    assert errors["factors"] == [
        "De factor „Vreemde factor” hoort niet bij het raamwerk van dit programma."
    ]


def test_partner_cannot_create_for_another_organisation(programme, results, partner, youth_org):
    errors = _refused(programme=programme, user=partner, organisation=youth_org, **_data(results))
    assert "Kies de partner die de activiteit uitvoert" in errors["organisation"][0]


def test_update_refuses_and_keeps_the_old_values(seed_activities, adviseur, results, partner_org):
    activity = seed_activities["home_start"]
    with pytest.raises(ValidationError):
        activity_update(
            activity=activity,
            user=adviseur,
            organisation=partner_org,
            expected_version=1,
            **_data(results, name="Nieuw", results=[]),
        )
    activity.refresh_from_db()
    assert activity.name == "Home-Start" and activity.version == 1
    assert activity.results.count() == 1


def test_update_bumps_version_and_refuses_a_stale_version(
    seed_activities, adviseur, partner, results, partner_org
):
    activity = seed_activities["home_start"]
    updated = activity_update(
        activity=activity,
        user=partner,
        organisation=partner_org,
        expected_version=1,
        **_data(results, reach=40, target_group_size=120),
    )
    assert updated.version == 2 and updated.reach == 40 and updated.updated_by == partner
    with pytest.raises(StaleEdit, match="intussen gewijzigd"):
        activity_update(
            activity=activity,
            user=adviseur,
            organisation=partner_org,
            expected_version=1,
            **_data(results),
        )


def test_intervention_names_are_unique(beheerder):
    intervention_save(user=beheerder, name="Voorbeeldinterventie", recognition_level="")
    with pytest.raises(ValidationError) as caught:
        intervention_save(user=beheerder, name="voorbeeldinterventie")
    assert caught.value.message_dict["name"] == [
        "Er is al een interventie met de naam „voorbeeldinterventie”."
    ]
    assert Intervention.objects.count() == 1


def test_no_interventions_are_shipped_but_the_seed_databanks_are(db):
    from duiding.activities.models import Databank

    assert Intervention.objects.count() == 0
    assert Databank.objects.count() == 7
    assert Databank.objects.filter(
        name="Databank Effectieve Jeugdinterventies", institute="Nederlands Jeugdinstituut"
    ).exists()
