"""The public answer pages /v/<code>/ (no account): answering, errors, thanks, the device cookie,
closed and unknown questionnaires, the rate limit, languages and paired cards."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client

from duiding.outcomes import answer_services
from duiding.outcomes.cards import cards_create
from duiding.outcomes.models import Answer, PairCard, Response
from tests.outcomes.phone.conftest import make_questionnaire

pytestmark = pytest.mark.django_db


def url(questionnaire, suffix: str = "") -> str:
    return f"/v/{questionnaire.code}/{suffix}"


def form_token(response) -> str:
    found = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert found, "the form carries no submission token"
    return html.unescape(found.group(1))


def answer(client, questionnaire, data: dict, *, query: str = ""):
    page = client.get(url(questionnaire) + query)
    assert page.status_code == 200
    return client.post(url(questionnaire), {"token": form_token(page), **data})


def test_the_page_needs_no_account_and_shows_no_staff_menu(client, questionnaire, partner):
    response = client.get(url(questionnaire))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Tevredenheid Home-Start" in content
    assert "Welk rapportcijfer geeft u voor het nut van deze activiteit?" in content
    assert "we vragen niet om uw naam en bewaren geen IP-adres" in content
    assert 'lang="nl"' in content
    client.force_login(partner)  # even a logged-in member sees the public page only
    content = client.get(url(questionnaire)).content.decode()
    assert "Hoofdmenu" not in content and "Uitloggen" not in content
    assert "Programma's" not in content


def test_a_stored_answer_goes_to_thanks_and_sets_the_device_cookie(client, questionnaire):
    response = answer(client, questionnaire, {"nut": "8", "doel": "2", "tip": "Fijn"})
    assert response.status_code == 302
    assert response["Location"] == url(questionnaire, "bedankt/")
    stored = Response.objects.get()
    assert stored.source == "telefoon" and stored.language == "nl" and stored.card is None
    assert sorted(stored.answers.values_list("question", flat=True)) == ["doel", "nut", "tip"]
    thanks = client.get(response["Location"])
    assert "Dank u wel!" in thanks.content.decode()
    again = client.get(url(questionnaire))
    assert "U heeft deze vragenlijst al ingevuld, dank u wel." in again.content.decode()
    assert 'name="token"' not in again.content.decode()
    # A second post from the same device is refused too.
    client.post(url(questionnaire), {"token": "x", "nut": "1"})
    assert Response.objects.count() == 1


def test_errors_are_shown_per_question_and_the_answers_are_kept(client, questionnaire):
    script = "<script>alert(1)</script>"
    response = answer(client, questionnaire, {"nut": "11", "waar": ["school"], "tip": script})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nog niet verstuurd" in content
    assert "Kies een getal van 1 tot en met 10." in content
    assert "Deze vraag is verplicht: kies of vul een antwoord in." in content  # doel
    assert 'href="#v-nut"' in content and 'href="#v-doel"' in content
    assert re.search(r'name="waar" value="school" checked', content)
    assert script not in content
    assert html.escape(script) in content
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_english_uses_the_partners_english_texts_and_dutch_where_none(client, questionnaire):
    content = client.get(url(questionnaire) + "?lang=en").content.decode()
    assert 'lang="en"' in content
    assert "Satisfaction Home-Start" in content
    assert "What mark do you give for the usefulness of this activity?" in content
    assert "Kunt u nu zonder hulp verder?" in content  # no English text entered
    assert "Send" in content and "Versturen" not in content
    page = client.get(url(questionnaire) + "?lang=en")
    response = client.post(
        url(questionnaire), {"token": form_token(page), "lang": "en", "nut": "0", "doel": "1"}
    )
    assert "Choose a number from 1 to 10." in response.content.decode()
    response = client.post(
        url(questionnaire), {"token": form_token(page), "lang": "en", "nut": "6", "doel": "1"}
    )
    assert response["Location"] == url(questionnaire, "bedankt/") + "?lang=en"
    assert Response.objects.get().language == "en"


def test_a_replayed_form_is_stored_once(questionnaire):
    first = Client()
    page = first.get(url(questionnaire))
    data = {"token": form_token(page), "nut": "7", "doel": "1"}
    assert first.post(url(questionnaire), data).status_code == 302
    other = Client()  # no device cookie: the same form sent again from elsewhere
    assert other.post(url(questionnaire), data).status_code == 302
    assert Response.objects.count() == 1


def test_a_token_not_issued_by_the_form_is_refused(client, questionnaire):
    response = client.post(url(questionnaire), {"token": "z" * 30, "nut": "7", "doel": "1"})
    assert "Het formulier is niet compleet; laad de pagina opnieuw." in response.content.decode()
    assert Response.objects.count() == 0


def test_csrf_protected_form_works_without_javascript(questionnaire):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(url(questionnaire))
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    data = {"token": form_token(page), "nut": "7", "doel": "1"}
    assert browser.post(url(questionnaire), data).status_code == 403  # no CSRF token
    data["csrfmiddlewaretoken"] = csrf.group(1)
    assert browser.post(url(questionnaire), data).status_code == 302
    assert Response.objects.count() == 1


@pytest.mark.parametrize(
    ("opens", "closes", "status", "text"),
    [
        (2, 10, 403, "Deze vragenlijst is nog niet open. U kunt hem invullen vanaf"),
        (-10, -1, 410, "Deze vragenlijst is gesloten: hij kon worden ingevuld tot en met"),
    ],
)
def test_a_closed_window_says_so_politely(client, seed_activities, opens, closes, status, text):
    questionnaire = make_questionnaire(seed_activities["home_start"], opens=opens, closes=closes)
    for response in (
        client.get(url(questionnaire)),
        client.post(url(questionnaire), {"token": "x", "nut": "5", "doel": "1"}),
    ):
        assert response.status_code == status
        assert text in response.content.decode()
    assert Response.objects.count() == 0


def test_an_unknown_code_is_a_friendly_404(client, db):
    response = client.get("/v/ONBEKEND/")
    assert response.status_code == 404
    assert "Deze vragenlijst bestaat niet" in response.content.decode()
    assert client.get("/v/ONBEKEND/bedankt/").status_code == 404


def test_the_rate_limit_counts_per_questionnaire_per_minute(
    client, questionnaire, seed_activities, settings, monkeypatch
):
    settings.OUTCOME_RATE_LIMIT_PER_MINUTE = 2
    monkeypatch.setattr(answer_services, "_now", lambda: 600_000.0)
    for _ in range(2):
        assert answer(Client(), questionnaire, {"nut": "7", "doel": "1"}).status_code == 302
    refused = answer(Client(), questionnaire, {"nut": "7", "doel": "1"})
    assert refused.status_code == 429
    assert "Even geduld" in refused.content.decode()
    assert refused["Retry-After"] == "60"
    other = make_questionnaire(seed_activities["social"], title="Training")
    assert answer(Client(), other, {"nut": "7", "doel": "1"}).status_code == 302
    monkeypatch.setattr(answer_services, "_now", lambda: 600_060.0)  # the next minute
    assert answer(Client(), questionnaire, {"nut": "7", "doel": "1"}).status_code == 302
    assert Response.objects.filter(questionnaire=questionnaire).count() == 3


# --- paired cards ----------------------------------------------------------------------------


@pytest.fixture
def card(questionnaire) -> PairCard:
    cards_create(activity=questionnaire.activity, count=3)
    return PairCard.objects.order_by("pk").first()


def test_a_cards_qr_leads_to_the_open_questionnaire_carrying_the_card(client, questionnaire, card):
    response = client.get(f"/v/kaart/{card.code}/")
    assert response.status_code == 302
    assert response["Location"] == f"{url(questionnaire)}?kaart={card.code}"
    page = client.get(response["Location"])
    content = page.content.decode()
    assert f'name="card" value="{card.code}"' in content
    assert f"U vult in met kaart <strong>{card.code}</strong>" in content
    posted = client.post(
        url(questionnaire), {"token": form_token(page), "card": card.code, "nut": "5", "doel": "1"}
    )
    assert posted.status_code == 302
    assert Response.objects.get().card == card


def test_a_card_typed_on_the_page_is_stored_and_a_wrong_one_refused(client, questionnaire, card):
    page = client.get(url(questionnaire))
    assert "Code van uw kaart" in page.content.decode()
    wrong = client.post(
        url(questionnaire), {"token": form_token(page), "card": "ZZZZ", "nut": "5", "doel": "1"}
    )
    assert "Deze kaartcode kennen we niet bij deze activiteit" in wrong.content.decode()
    assert Response.objects.count() == 0
    typed = f"{card.code[:4].lower()} {card.code[4:]}"
    client.post(
        url(questionnaire), {"token": form_token(page), "card": typed, "nut": "5", "doel": "1"}
    )
    assert Response.objects.get().card == card


def test_a_card_used_twice_is_refused_politely(questionnaire, card):
    assert answer(Client(), questionnaire, {"card": card.code, "nut": "5", "doel": "1"})
    second = Client()
    page = second.get(f"{url(questionnaire)}?kaart={card.code}")
    assert "Met kaart" in page.content.decode() and "al ingevuld" in page.content.decode()
    other_page = second.get(url(questionnaire))
    refused = second.post(
        url(questionnaire),
        {"token": form_token(other_page), "card": card.code, "nut": "2", "doel": "0"},
    )
    assert "is deze vragenlijst al ingevuld" in refused.content.decode()
    assert Response.objects.count() == 1


def test_a_card_with_several_or_no_open_questionnaires(client, questionnaire, card):
    second = make_questionnaire(questionnaire.activity, title="Tussenmeting")
    content = client.get(f"/v/kaart/{card.code}/").content.decode()
    assert "Kies de vragenlijst" in content
    assert f"{url(second)}?kaart={card.code}" in content.replace("&amp;", "&")
    questionnaire.activity.questionnaires.update(opens_on="2020-01-01", closes_on="2020-02-01")
    content = client.get(f"/v/kaart/{card.code}/").content.decode()
    assert "Er is nu geen vragenlijst open" in content
    assert client.get("/v/kaart/ONBEKEND/").status_code == 404


def test_the_card_field_is_shown_only_for_activities_with_cards(client, questionnaire):
    assert "Code van uw kaart" not in client.get(url(questionnaire)).content.decode()
