"""The live pages: who may steer (outsider 404, seeing-not-steering 403, nothing changed), the
console and projector, and the phone pages with their bad input (Dutch, nothing stored)."""

# ruff: noqa: F811 (fixtures imported from live_fixtures)

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from duiding.core.middleware import PublicAnonymityMiddleware, is_public_answer_path
from duiding.reflections.live import services
from duiding.reflections.live.public import cookie_name
from duiding.reflections.models import LiveAnswer, LiveQuestion, Participant, Reflection, Status
from tests.reflections.live_fixtures import (  # noqa: F401 (fixtures)
    item,
    make_question,
    open_question,
    reader,
    reflection,
    running,
)

pytestmark = pytest.mark.django_db


def _state(reflection):
    reflection.refresh_from_db()
    return (
        reflection.status,
        reflection.current_question_id,
        list(reflection.questions.values_list("state", "revealed", "text")),
        list(LiveAnswer.objects.values_list("hidden", "group", "promoted")),
    )


def _steer_posts(reflection, item, question, answer):
    pk = reflection.pk
    return [
        (reverse("reflections:live_start", args=[pk]), {}),
        (reverse("reflections:live_end", args=[pk]), {}),
        (
            reverse("reflections:live_question_add", args=[pk, item.pk]),
            {"live-kind": "open", "live-text": "Stiekem"},
        ),
        (reverse("reflections:live_question_state", args=[pk, question.pk]), {"action": "close"}),
        (reverse("reflections:live_question_state", args=[pk, question.pk]), {"action": "reveal"}),
        (reverse("reflections:live_answer_moderate", args=[pk, answer.pk]), {"hidden": "1"}),
    ]


def _pages(reflection):
    pk = reflection.pk
    return [
        reverse("reflections:live_control", args=[pk]),
        reverse("reflections:projector", args=[pk]),
        reverse("reflections:projector_fragment", args=[pk]),
    ]


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("reader", 403), ("partner", 404)])
def test_who_does_not_steer_gets_nothing_and_changes_nothing(
    request, client_as, open_question, item, who, status
):
    reflection = open_question.reflection
    answer = services.submit_answer(services.join(reflection), open_question.pk, {"choice": "ja"})
    before = _state(reflection)
    client = client_as(request.getfixturevalue(who))
    for url in _pages(reflection):
        assert client.get(url).status_code == status, url
    for url, data in _steer_posts(reflection, item, open_question, answer):
        assert client.post(url, data).status_code == status, url
    assert _state(reflection) == before
    assert LiveQuestion.objects.count() == 1


def test_anonymous_is_sent_to_the_login(client, reflection):
    response = client.get(reverse("reflections:live_control", args=[reflection.pk]))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_the_facilitator_runs_the_session_from_the_console(client_as, reflection, item, adviseur):
    client = client_as(adviseur)
    pk = reflection.pk
    page = client.get(reverse("reflections:live_control", args=[pk]))
    assert page.status_code == 200 and "TEST42" in page.content.decode()
    client.post(reverse("reflections:live_start", args=[pk]))
    response = client.post(
        reverse("reflections:live_question_add", args=[pk, item.pk]),
        {
            "live-kind": "schaal",
            "live-text": "Hoe zorgelijk?",
            "live-scale_min": "1",
            "live-scale_max": "5",
            "live-scale_low_label": "niet",
            "live-scale_high_label": "heel",
        },
    )
    assert response.status_code == 302
    question = LiveQuestion.objects.get()
    assert (question.scale_low_label, question.item) == ("niet", item)
    client.post(
        reverse("reflections:live_question_state", args=[pk, question.pk]), {"action": "open"}
    )
    reflection.refresh_from_db()
    assert reflection.status == Status.RUNNING and reflection.current_question == question
    page = client.get(reverse("reflections:live_control", args=[pk])).content.decode()
    assert "Hoe zorgelijk?" in page
    projector = client.get(reverse("reflections:projector", args=[pk])).content.decode()
    assert "<svg" in projector and "TEST42" in projector and "/d/TEST42/" in projector
    client.post(reverse("reflections:live_end", args=[pk]))
    reflection.refresh_from_db()
    assert reflection.status == Status.DONE


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "keuze", "text": "Wat eerst?", "choices": "Alleen één"}, "geef 2 tot 10"),
        ({"kind": "schaal", "text": "Zorg?", "scale_min": "5", "scale_max": "3"}, "moet hoger"),
        ({"kind": "schaal", "text": "Zorg?", "scale_min": "0", "scale_max": "11"}, "Niet hoger"),
        ({"kind": "open", "text": ""}, "Typ de vraag"),
        ({"kind": "raar", "text": "X"}, "Kies de soort vraag"),
    ],
)
def test_a_bad_question_is_refused_in_dutch(client_as, reflection, item, adviseur, data, message):
    response = client_as(adviseur).post(
        reverse("reflections:live_question_add", args=[reflection.pk, item.pk]),
        {f"live-{key}": value for key, value in data.items()},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert LiveQuestion.objects.count() == 0


def test_the_projector_fragment_answers_204_until_something_changes(
    client_as, open_question, adviseur
):
    client = client_as(adviseur)
    url = reverse("reflections:projector_fragment", args=[open_question.reflection.pk])
    first = client.get(url, HTTP_HX_REQUEST="true")
    assert first.status_code == 200
    version = first.content.decode().split('data-version="')[1].split('"')[0]
    assert client.get(url, {"v": version}).status_code == 204
    services.submit_answer(
        services.join(open_question.reflection), open_question.pk, {"choice": "ja"}
    )
    changed = client.get(url, {"v": version})
    assert changed.status_code == 200
    assert "1 antwoord ontvangen" in changed.content.decode()
    assert "De uitslag is nog verborgen" in changed.content.decode()
    services.set_revealed(open_question, True, adviseur)
    shown = client.get(url, {"v": version}).content.decode()
    assert "Ja" in shown and "100%" in shown


def test_open_answers_on_the_projector_are_escaped_and_named_only_when_given(
    client_as, running, item, adviseur
):
    question = services.open_question(make_question(running, item, adviseur, "open"), adviseur)
    services.submit_answer(
        services.join(running), question.pk, {"text": "<script>alert(1)</script>"}
    )
    services.submit_answer(services.join(running, "Fatima"), question.pk, {"text": "Bus weg"})
    services.set_revealed(question, True, adviseur)
    page = (
        client_as(adviseur)
        .get(reverse("reflections:projector", args=[running.pk]))
        .content.decode()
    )
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'Bus weg <span class="live-open__name">— Fatima</span>' in page


# The phone ------------------------------------------------------------------------------------


def _phone() -> Client:
    return Client(enforce_csrf_checks=False)


def test_a_wrong_code_gets_a_dutch_message(reflection):
    response = _phone().get(reverse("reflections_public:join"), {"code": "XXXXXX"})
    assert response.status_code == 404
    assert "Deze code kennen we niet" in response.content.decode()
    assert _phone().get("/d/NOPE12/").status_code == 404
    ok = _phone().get(reverse("reflections_public:join"), {"code": "test 42"})
    assert ok.status_code == 302 and ok["Location"] == "/d/TEST42/"


def test_a_phone_joins_anonymously_answers_once_and_resumes(open_question):
    phone = _phone()
    url = reverse("reflections_public:session", args=["TEST42"])
    assert "Meedoen" in phone.get(url).content.decode()
    response = phone.post(url, {"step": "join", "name": ""})
    assert response.status_code == 302
    cookie = response.cookies[cookie_name(open_question.reflection)]
    assert cookie["httponly"] and len(cookie.value) >= 40
    participant = Participant.objects.get()
    assert participant.name == "" and participant.token == cookie.value
    page = phone.get(url).content.decode()
    assert "Herkennen we dit?" in page and 'name="choice"' in page
    response = phone.post(url, {"question": open_question.pk, "choice": "deels"})
    assert response.status_code == 302
    assert "Je antwoord is ontvangen" in phone.get(response["Location"]).content.decode()
    again = phone.post(url, {"question": open_question.pk, "choice": "nee"})
    assert again.status_code == 409
    assert "al beantwoord" in again.content.decode()
    assert list(LiveAnswer.objects.values_list("choice", flat=True)) == ["deels"]
    # A reconnect (same cookie, new connection) resumes: no second participant.
    resumed = Client()
    resumed.cookies[cookie_name(open_question.reflection)] = cookie.value
    assert "Je antwoord is ontvangen" in resumed.get(url).content.decode()
    assert Participant.objects.count() == 1


def test_the_phone_waits_sees_only_the_open_question_and_revealed_counts(running, item, adviseur):
    phone = _phone()
    url = reverse("reflections_public:session", args=["TEST42"])
    phone.post(url, {"step": "join", "name": "Fatima"})
    assert "Wacht op de volgende vraag" in phone.get(url).content.decode()
    other = make_question(running, item, adviseur, "keuze", choices=["Geheim A", "Geheim B"])
    question = services.open_question(make_question(running, item, adviseur, "open"), adviseur)
    page = phone.get(url).content.decode()
    assert "Hoe verklaren we het?" in page and "Geheim A" not in page and other.text not in page
    phone.post(url, {"question": question.pk, "text": "Bus weg"})
    services.submit_answer(services.join(running, "Piet"), question.pk, {"text": "Geen geld"})
    services.set_revealed(question, True, adviseur)
    page = phone.get(url).content.decode()
    assert "2 open antwoorden" in page
    assert "Piet" not in page and "Geen geld" not in page  # no names, no texts of others


def test_the_phone_state_poll_answers_204_until_the_question_moves(open_question, item, adviseur):
    phone = _phone()
    url = reverse("reflections_public:session", args=["TEST42"])
    phone.post(url, {"step": "join"})
    page = phone.get(url).content.decode()
    state = page.split("stand/?s=")[1].split('"')[0]
    poll = reverse("reflections_public:session_state", args=["TEST42"])
    assert phone.get(poll, {"s": state}).status_code == 204
    next_question = make_question(open_question.reflection, item, adviseur, "open")
    services.open_question(next_question, adviseur)
    moved = phone.get(poll, {"s": state})
    assert moved.status_code == 200 and moved["HX-Refresh"] == "true"


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"choice": "misschien"}, 400, "kies een van de mogelijkheden"),
        ({"choice": ""}, 400, "kies een van de mogelijkheden"),
        ({"question": "abc", "choice": "ja"}, 409, "staat niet (meer) open"),
    ],
)
def test_bad_phone_answers_store_nothing(open_question, data, status, message):
    phone = _phone()
    url = reverse("reflections_public:session", args=["TEST42"])
    phone.post(url, {"step": "join"})
    response = phone.post(url, {"question": open_question.pk, **data})
    assert response.status_code == status
    assert message in response.content.decode()
    assert LiveAnswer.objects.count() == 0


def test_answers_after_the_end_and_without_joining_are_refused(open_question, adviseur):
    phone = _phone()
    url = reverse("reflections_public:session", args=["TEST42"])
    stranger = _phone().post(url, {"question": open_question.pk, "choice": "ja"})
    assert stranger.status_code == 403 and "Meld je eerst aan" in stranger.content.decode()
    phone.post(url, {"step": "join"})
    services.end_session(open_question.reflection, adviseur)
    response = phone.post(url, {"question": open_question.pk, "choice": "ja"})
    assert response.status_code == 410
    assert "Deze sessie is afgelopen" in response.content.decode()
    assert LiveAnswer.objects.count() == 0


def test_an_open_answer_with_a_script_is_shown_escaped_on_the_phone(running, item, adviseur):
    question = services.open_question(make_question(running, item, adviseur, "open"), adviseur)
    phone = _phone()
    url = reverse("reflections_public:session", args=["TEST42"])
    phone.post(url, {"step": "join"})
    phone.post(url, {"question": question.pk, "text": "<script>alert(1)</script>"})
    page = phone.get(url).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    too_long = phone.post(url, {"question": question.pk, "text": "x" * 501})
    assert too_long.status_code in (400, 409)


def test_a_too_long_open_answer_is_refused(running, item, adviseur):
    question = services.open_question(make_question(running, item, adviseur, "open"), adviseur)
    phone = _phone()
    url = reverse("reflections_public:session", args=["TEST42"])
    phone.post(url, {"step": "join"})
    response = phone.post(url, {"question": question.pk, "text": "x" * 501})
    assert response.status_code == 400 and "hoogstens 500 tekens" in response.content.decode()
    assert LiveAnswer.objects.count() == 0


def test_no_client_address_on_the_phone_and_participant_routes():
    for path in ("/d/", "/d/TEST42/", "/d/TEST42/stand/", "/api/v1/live/TEST42/answers"):
        assert is_public_answer_path(path), path
    assert not is_public_answer_path("/duidingssessies/1/scherm/")
    seen = {}

    def view(request):
        seen.update(request.META)

    PublicAnonymityMiddleware(view)(
        RequestFactory().post("/d/TEST42/", REMOTE_ADDR="127.0.0.5", HTTP_USER_AGENT="Probe/3")
    )
    assert seen["REMOTE_ADDR"] == "" and seen["HTTP_USER_AGENT"] == ""


def test_nothing_of_the_client_is_stored(open_question):
    phone = Client(REMOTE_ADDR="127.0.0.9", HTTP_USER_AGENT="LiveProbe/1")
    url = reverse("reflections_public:session", args=["TEST42"])
    phone.post(url, {"step": "join", "name": ""})
    phone.post(url, {"question": open_question.pk, "choice": "ja"})
    stored = [
        *Participant.objects.values_list("token", "name"),
        *LiveAnswer.objects.values_list("choice", "text", "group"),
    ]
    assert stored and not any("LiveProbe" in str(v) or "127.0.0.9" in str(v) for v in stored)
    assert Reflection.objects.get().status == Status.RUNNING


def test_the_partials_on_the_detail_and_item_pages(rf, running, item, adviseur, reader):
    from django.template.loader import render_to_string

    question = services.open_question(make_question(running, item, adviseur, "open"), adviseur)
    services.submit_answer(services.join(running), question.pk, {"text": "<b>vet</b>"})
    request = rf.get(f"/duidingssessies/{running.pk}/")
    for user, steer in ((adviseur, True), (reader, False)):
        request.user = user
        context = {"reflection": running, "item": item, "can_steer": steer, "request": request}
        detail = render_to_string("reflections/_reflection_live.html", context, request=request)
        item_page = render_to_string("reflections/_item_live.html", context, request=request)
        assert "TEST42" in detail and "1 deelnemer" in detail
        assert "Hoe verklaren we het?" in item_page and "&lt;b&gt;vet&lt;/b&gt;" in item_page
        assert ("Sessie beëindigen" in detail) is steer
        assert (f"/duidingssessies/{running.pk}/scherm/" in detail) is steer
        assert ("Live vraag toevoegen" in item_page) is steer
        assert ('name="action" value="close"' in item_page) is steer


def test_the_console_shows_what_the_room_sees_and_polls_it(client_as, open_question, adviseur):
    page = client_as(adviseur).get(
        reverse("reflections:live_control", args=[open_question.reflection.pk])
    )
    html = page.content.decode()
    assert "Zo ziet de zaal het scherm" in html
    assert 'hx-trigger="every 1s"' in html and "0 antwoorden ontvangen" in html


def test_the_live_routes_of_all_pages_are_what_they_say(
    monkeypatch, client_as, open_question, adviseur
):
    """`live_routes` (tests/e2e/pages_reflections.py) on these fixtures: every live route is
    listed, pages answer 200 pages, the NOT_PAGES entries are the kind they say."""
    from django.urls import get_resolver

    from tests.e2e import all_pages, pages_reflections

    reflection = open_question.reflection
    services.submit_answer(services.join(reflection), open_question.pk, {"choice": "ja"})
    monkeypatch.setattr(pages_reflections, "held_reflection", lambda: reflection)
    monkeypatch.setattr(pages_reflections, "next_reflection", lambda: reflection)
    roles = {"adviser": "adviseur", "anonymous": None}
    table = pages_reflections.live_routes(None, roles)
    names = {
        f"{ns}:{name}"
        for ns in ("reflections", "reflections_public")
        for name in get_resolver().namespace_dict[ns][1].reverse_dict
        if isinstance(name, str)
    }
    live_names = {
        n
        for n in names
        if n.startswith("reflections_public:") or n.split(":")[1].startswith(("live_", "projector"))
    }
    assert live_names == set(table)
    clients = {"adviseur": client_as(adviseur), None: Client()}
    for key, (role, kwargs) in table.items():
        response = clients[role].get(all_pages.url_of(key, kwargs))
        expected = pages_reflections.REFLECTION_NOT_PAGES.get(key, ("page",))[0]
        kind = all_pages._kind(response)
        assert kind == expected, (key, kind, response.status_code)
        if kind == "page":
            assert response.status_code == 200, key


def test_the_next_question_button_moves_the_room_on(client_as, open_question, item, adviseur):
    reflection = open_question.reflection
    second = make_question(reflection, item, adviseur, "open")
    client = client_as(adviseur)
    page = client.get(reverse("reflections:live_control", args=[reflection.pk])).content.decode()
    assert "Volgende vraag op de telefoons: Hoe verklaren we het?" in page
    client.post(
        reverse("reflections:live_question_state", args=[reflection.pk, second.pk]),
        {"action": "open"},
    )
    reflection.refresh_from_db()
    open_question.refresh_from_db()
    assert reflection.current_question == second
    assert open_question.state == LiveQuestion.State.CLOSED
    page = client.get(reverse("reflections:live_control", args=[reflection.pk])).content.decode()
    assert "Volgende vraag op de telefoons" not in page
