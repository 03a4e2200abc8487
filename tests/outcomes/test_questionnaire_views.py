"""The questionnaire pages: create through the form as the partner and as the gebiedsadviseur,
the detail preview, edit with a stale version, the question editor (add, edit, move, remove, with
the new-version notice), delete; and who may do what (another partner 404, a reader 403,
anonymous to the login page), each asserting that nothing changed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from duiding.outcomes import services
from duiding.outcomes.models import Questionnaire, Response
from tests.outcomes import questionnaire_fixtures as fx
from tests.outcomes.questionnaire_fixtures import answer

feijenoord = fx.feijenoord
figures = fx.figures
framework = fx.framework
programme = fx.programme
results = fx.results
seed_activities = fx.seed_activities
youth_org = fx.youth_org
home_start = fx.home_start
satisfaction_plan = fx.satisfaction_plan
questionnaire = fx.questionnaire
reader = fx.reader
other_programme = fx.other_programme

pytestmark = pytest.mark.django_db


def _create_data(plan=None, **extra) -> dict:
    data = {
        "title": "Eindmeting Home-Start",
        "moment": "eindmeting",
        "opens_on": "01-03-2026",
        "closes_on": "31-03-2026",
        "target_responses": "25",
        "intro": "Drie korte vragen. Het kost u een minuut.",
        "measures": ["tevredenheid", "doelrealisatie"],
        "goal_1": "Meer rust thuis",
        "goal_2": "Vaker samen eten",
    }
    if plan is not None:
        data["measurement_plans"] = [str(plan.pk)]
    return {**data, **extra}


@pytest.mark.parametrize("who", ["partner", "adviseur"])
def test_create_through_the_form(request, client_as, home_start, satisfaction_plan, who):
    user = request.getfixturevalue(who)
    client = client_as(user)
    url = reverse("outcomes:questionnaire_create", args=[home_start.pk])
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert 'value="01-' in body  # the maand van het meten is filled in
    assert 'value="tevredenheid" checked' in body.replace(' id="id_measures_0"', "")
    response = client.post(url, _create_data(satisfaction_plan))
    q = Questionnaire.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("outcomes:questionnaire_detail", args=[q.pk])
    assert q.created_by == user and q.target_responses == 25
    assert list(q.measurement_plans.all()) == [satisfaction_plan]
    assert [x["key"] for x in q.current.questions] == ["nut", "doel_1", "doel_2"]
    detail = client.get(response["Location"]).content.decode()
    assert "Geef met een schoolcijfer van 1 tot 10 aan hoe nuttig deze hulp voor u / jou was" in (
        detail
    )
    assert "volkomen nutteloos, ik had er niets aan" in detail
    assert "Doel 2: Vaker samen eten" in detail
    assert "doel deels behaald" in detail
    assert "Gegevens bewerken" in detail


def test_create_refuses_a_window_and_keeps_the_input(client_as, partner, home_start):
    client = client_as(partner)
    response = client.post(
        reverse("outcomes:questionnaire_create", args=[home_start.pk]),
        _create_data(closes_on="01-02-2026"),
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "‘Open tot en met’ ligt vóór ‘open vanaf’" in body
    assert 'value="Eindmeting Home-Start"' in body
    assert not Questionnaire.objects.exists()


def test_create_without_a_standard_question_is_refused(client_as, partner, home_start):
    response = client_as(partner).post(
        reverse("outcomes:questionnaire_create", args=[home_start.pk]), _create_data(measures=[])
    )
    assert response.status_code == 400
    assert "Kies minstens één standaardvraag" in response.content.decode()
    assert not Questionnaire.objects.exists()


def test_another_partner_gets_404_and_nothing_changes(client_as, other_programme, questionnaire):
    client = client_as(other_programme.partner_user)
    activity = questionnaire.activity
    for url in (
        reverse("outcomes:questionnaire_list", args=[activity.pk]),
        reverse("outcomes:questionnaire_create", args=[activity.pk]),
        reverse("outcomes:questionnaire_detail", args=[questionnaire.pk]),
        reverse("outcomes:questionnaire_edit", args=[questionnaire.pk]),
        reverse("outcomes:question_editor", args=[questionnaire.pk]),
        reverse("outcomes:question_edit", args=[questionnaire.pk, "nut"]),
        reverse("outcomes:questionnaire_delete", args=[questionnaire.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            reverse("outcomes:questionnaire_create", args=[activity.pk]), _create_data()
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("outcomes:question_remove", args=[questionnaire.pk, "nut"]), {"version": "1"}
        ).status_code
        == 404
    )
    assert (
        client.post(reverse("outcomes:questionnaire_delete", args=[questionnaire.pk])).status_code
        == 404
    )
    assert Questionnaire.objects.count() == 1
    questionnaire.refresh_from_db()
    assert questionnaire.version == 1 and len(questionnaire.current.questions) == 1


def test_a_reader_sees_but_may_not_edit(client_as, reader, questionnaire):
    client = client_as(reader)
    activity = questionnaire.activity
    detail = client.get(reverse("outcomes:questionnaire_detail", args=[questionnaire.pk]))
    assert detail.status_code == 200
    assert "Gegevens bewerken" not in detail.content.decode()
    listing = client.get(reverse("outcomes:questionnaire_list", args=[activity.pk]))
    assert listing.status_code == 200 and "Vragenlijst maken" not in listing.content.decode()
    for url in (
        reverse("outcomes:questionnaire_create", args=[activity.pk]),
        reverse("outcomes:questionnaire_edit", args=[questionnaire.pk]),
        reverse("outcomes:question_editor", args=[questionnaire.pk]),
        reverse("outcomes:question_add", args=[questionnaire.pk]) + "?soort=text",
        reverse("outcomes:questionnaire_delete", args=[questionnaire.pk]),
    ):
        assert client.get(url).status_code == 403, url
    posts = [
        (reverse("outcomes:questionnaire_create", args=[activity.pk]), _create_data()),
        (
            reverse("outcomes:questionnaire_edit", args=[questionnaire.pk]),
            {**_create_data(), "version": "1"},
        ),
        (
            reverse("outcomes:question_move", args=[questionnaire.pk, "nut"]),
            {"version": "1", "richting": "omlaag"},
        ),
        (reverse("outcomes:question_remove", args=[questionnaire.pk, "nut"]), {"version": "1"}),
        (reverse("outcomes:questionnaire_delete", args=[questionnaire.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert Questionnaire.objects.count() == 1
    questionnaire.refresh_from_db()
    assert questionnaire.title == "Hoe nuttig was Home-Start?" and questionnaire.version == 1


def test_anonymous_goes_to_the_login_page(client, questionnaire):
    for url in (
        reverse("outcomes:questionnaire_list", args=[questionnaire.activity_id]),
        reverse("outcomes:questionnaire_create", args=[questionnaire.activity_id]),
        reverse("outcomes:questionnaire_detail", args=[questionnaire.pk]),
        reverse("outcomes:question_editor", args=[questionnaire.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"]
    response = client.post(reverse("outcomes:questionnaire_delete", args=[questionnaire.pk]))
    assert response.status_code == 302
    assert Questionnaire.objects.count() == 1


def test_list_and_activity_section_show_window_answers_and_version(
    client_as, partner, questionnaire
):
    answer(questionnaire)
    client = client_as(partner)
    listing = client.get(
        reverse("outcomes:questionnaire_list", args=[questionnaire.activity_id])
    ).content.decode()
    assert "1 maart 2026 – 31 maart 2026" in listing
    assert "gesloten" in listing or "open" in listing
    assert "1 van 30" in listing
    page = client.get(
        reverse("activities:activity_detail", args=[questionnaire.activity_id])
    ).content.decode()
    assert 'id="vragenlijsten"' in page and "Hoe nuttig was Home-Start?" in page
    assert "Vragenlijst maken" in page


def test_activity_section_empty_state(client_as, partner, home_start):
    page = client_as(partner).get(reverse("activities:activity_detail", args=[home_start.pk]))
    assert "Nog geen vragenlijst. Maak er een met de standaardvragen uit de handreiking." in (
        page.content.decode()
    )


def test_edit_details_and_a_stale_save_shows_the_notice(
    client_as, partner, adviseur, questionnaire
):
    url = reverse("outcomes:questionnaire_edit", args=[questionnaire.pk])
    data = {**_create_data(), "version": "1", "title": "Door de adviseur"}
    assert client_as(adviseur).post(url, data).status_code == 302
    stale = client_as(partner).post(url, {**data, "title": "Door de partner"})
    assert stale.status_code == 409
    body = stale.content.decode()
    assert "Iemand anders heeft dit intussen opgeslagen" in body
    assert 'value="Door de partner"' in body and 'name="version" value="2"' in body
    questionnaire.refresh_from_db()
    assert questionnaire.title == "Door de adviseur"


def test_question_editor_add_edit_move_remove(client_as, partner, questionnaire):
    client = client_as(partner)
    editor = reverse("outcomes:question_editor", args=[questionnaire.pk])
    assert "Eigen vraag toevoegen" in client.get(editor).content.decode()
    add = reverse("outcomes:question_add", args=[questionnaire.pk])
    form = client.get(add + "?soort=single").content.decode()
    assert 'name="choices_nl"' in form and 'name="low"' not in form
    response = client.post(
        add,
        {
            "kind": "single",
            "version": "1",
            "label_nl": "Hoe kwam u bij ons?",
            "choices_nl": "via = Via school\nHuisarts\nAnders",
            "choices_en": "Through school\nGP\nOther",
            "required": "on",
        },
    )
    assert response.status_code == 302
    question = questionnaire.current.question("hoe_kwam_u_bij_ons")
    assert [c["value"] for c in question["choices"]] == ["via", "2", "3"]
    assert question["choices"][1]["label"] == {"nl": "Huisarts", "en": "GP"}
    scale = client.post(
        add,
        {
            "kind": "scale",
            "version": "2",
            "label_nl": "Hoe tevreden bent u?",
            "low": "1",
            "high": "5",
            "anchor_min_nl": "Heel ontevreden",
            "anchor_max_nl": "Heel tevreden",
            "key": "tevreden",
        },
    )
    assert scale.status_code == 302
    assert [q["key"] for q in questionnaire.current.questions] == [
        "nut",
        "hoe_kwam_u_bij_ons",
        "tevreden",
    ]
    edit = reverse("outcomes:question_edit", args=[questionnaire.pk, "tevreden"])
    assert 'value="Heel tevreden"' in client.get(edit).content.decode()
    client.post(
        edit,
        {
            "kind": "scale",
            "version": "3",
            "label_nl": "Hoe tevreden bent u over de groep?",
            "low": "1",
            "high": "4",
        },
    )
    assert questionnaire.current.question("tevreden")["max"] == 4
    move = reverse("outcomes:question_move", args=[questionnaire.pk, "tevreden"])
    assert client.get(move).status_code == 405
    client.post(move, {"version": "4", "richting": "omhoog"})
    assert [q["key"] for q in questionnaire.current.questions][1] == "tevreden"
    remove = reverse("outcomes:question_remove", args=[questionnaire.pk, "hoe_kwam_u_bij_ons"])
    assert "Weet u zeker" in client.get(remove).content.decode()
    assert client.post(remove, {"version": "5"}).status_code == 302
    assert [q["key"] for q in questionnaire.current.questions] == ["nut", "tevreden"]
    assert questionnaire.versions.count() == 1


def test_question_form_errors_in_dutch_and_nothing_stored(client_as, partner, questionnaire):
    response = client_as(partner).post(
        reverse("outcomes:question_add", args=[questionnaire.pk]),
        {"kind": "scale", "version": "1", "label_nl": "Hoe?", "low": "5", "high": "1"},
    )
    assert response.status_code == 400
    assert "een schaal heeft 2 tot 11 punten" in response.content.decode()
    assert len(questionnaire.current.questions) == 1


def test_with_answers_the_editor_warns_and_a_change_makes_a_new_version(
    client_as, partner, questionnaire
):
    given = answer(questionnaire)
    client = client_as(partner)
    notice = "Deze vragenlijst heeft al antwoorden: uw wijziging maakt versie 2"
    assert (
        notice
        in client.get(reverse("outcomes:question_editor", args=[questionnaire.pk])).content.decode()
    )
    edit = reverse("outcomes:question_edit", args=[questionnaire.pk, "nut"])
    assert notice in client.get(edit).content.decode()
    response = client.post(
        edit,
        {
            "kind": "scale",
            "version": "1",
            "label_nl": "Welk rapportcijfer geeft u?",
            "low": "1",
            "high": "10",
            "required": "on",
        },
        follow=True,
    )
    assert "opgeslagen in versie 2" in response.content.decode()
    assert list(questionnaire.versions.values_list("number", flat=True)) == [1, 2]
    given.refresh_from_db()
    assert given.questionnaire_version.number == 1
    assert given.questionnaire_version.questions[0]["label"]["nl"].startswith("Geef met")
    assert questionnaire.current.question("nut")["measure"] == "tevredenheid"  # kept


def test_question_edit_refuses_a_missing_or_old_version(client_as, partner, questionnaire):
    client = client_as(partner)
    url = reverse("outcomes:question_edit", args=[questionnaire.pk, "nut"])
    data = {"kind": "scale", "label_nl": "Anders gevraagd", "low": "1", "high": "10"}
    client.post(
        reverse("outcomes:question_add", args=[questionnaire.pk]),
        {"kind": "text", "version": "1", "label_nl": "Wat kan beter?"},
    )
    for refused in (data, {**data, "version": "1"}):
        response = client.post(url, refused)
        assert response.status_code == 409
        body = response.content.decode()
        assert "intussen" in body and "Anders gevraagd</textarea>" in body
    assert questionnaire.current.question("nut")["label"]["nl"].startswith("Geef met")
    questionnaire.refresh_from_db()
    assert questionnaire.version == 2
    assert client.post(url, {**data, "version": "2"}).status_code == 302
    assert questionnaire.current.question("nut")["label"]["nl"] == "Anders gevraagd"


def test_stale_move_shows_the_notice_and_changes_nothing(client_as, partner, questionnaire):
    client = client_as(partner)
    client.post(
        reverse("outcomes:question_add", args=[questionnaire.pk]),
        {"kind": "text", "version": "1", "label_nl": "Wat kan beter?", "max_length": "300"},
    )
    response = client.post(
        reverse("outcomes:question_move", args=[questionnaire.pk, "nut"]),
        {"version": "1", "richting": "omlaag"},
    )
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen opgeslagen" in response.content.decode()
    assert [q["key"] for q in questionnaire.current.questions] == ["nut", "wat_kan_beter"]


def test_delete_confirm_and_refused_with_answers(client_as, partner, questionnaire):
    client = client_as(partner)
    url = reverse("outcomes:questionnaire_delete", args=[questionnaire.pk])
    answer(questionnaire)
    page = client.get(url).content.decode()
    assert "kunt u niet verwijderen" in page
    assert client.post(url).status_code == 400
    assert Questionnaire.objects.count() == 1
    questionnaire.responses.all().delete()
    assert "Weet u zeker" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not Questionnaire.objects.exists()


def test_detail_in_english_shows_the_english_texts(client_as, partner, questionnaire):
    client = client_as(partner)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("outcomes:questionnaire_detail", args=[questionnaire.pk]))
    body = page.content.decode()
    assert "This is how the participant sees the questionnaire" in body
    assert "Give a school mark from 1 to 10" in body
    assert "Edit details" in body and "Gegevens bewerken" not in body


def test_answer_counts_under_5_are_suppressed_outside_the_organisation(
    client_as, partner, adviseur, questionnaire
):
    answer(questionnaire)
    services.question_add(
        questionnaire,
        {"key": "beter", "kind": "text", "label": {"nl": "Wat kan beter?"}},
        user=partner,
        expected_version=1,
    )  # version 2
    for _n in range(6):
        answer(questionnaire)
    detail = reverse("outcomes:questionnaire_detail", args=[questionnaire.pk])
    listing = reverse("outcomes:questionnaire_list", args=[questionnaire.activity_id])
    own = client_as(partner).get(detail).content.decode()
    assert "niet getoond" not in own and '<td class="num answers">1</td>' in own
    outside = client_as(adviseur).get(detail).content.decode()
    assert "7 van de gewenste 30" in outside  # the total is 5 or more
    assert '<td class="num answers">1</td>' not in outside
    assert '<td class="num answers">6</td>' not in outside
    assert "niet getoond" in outside
    Response.objects.filter(questionnaire_version__number=2).delete()
    assert "minder dan 5 van 30" in client_as(adviseur).get(listing).content.decode()
    assert "1 van 30" in client_as(partner).get(listing).content.decode()
