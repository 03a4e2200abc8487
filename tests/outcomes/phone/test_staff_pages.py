"""The staff pages of sharing a questionnaire (link, QR, poster) and of paired cards, with their
permissions: the activity's partner and the programme's gebiedsadviseur; not another partner,
another municipality, or anonymous."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from duiding.outcomes.cards import cards_create
from duiding.outcomes.models import PairCard
from duiding.outcomes.printing import qr

pytestmark = pytest.mark.django_db


def share_urls(q) -> list[str]:
    base = f"/outcome/vragenlijst/{q.pk}"
    return [
        f"{base}/delen/",
        f"{base}/qr.svg",
        f"{base}/qr.png",
        f"{base}/poster-a4.pdf",
        f"{base}/poster-a5.pdf",
    ]


def test_the_share_page_shows_the_link_and_the_qr_code(client_as, partner, questionnaire):
    response = client_as(partner).get(f"/outcome/vragenlijst/{questionnaire.pk}/delen/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f"http://testserver/v/{questionnaire.code}/" in content
    assert "<svg" in content and 'class="qr"' in content
    for label in ("Poster A4 (PDF)", "Poster A5 (PDF)", "QR-code als SVG", "QR-code als PNG"):
        assert label in content
    assert f"/outcome/activiteit/{questionnaire.activity_id}/kaarten/" in content


def test_the_downloads_are_a_qr_code_and_a_pdf_poster(client_as, adviseur, questionnaire):
    client = client_as(adviseur)
    svg = client.get(f"/outcome/vragenlijst/{questionnaire.pk}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<?xml") and b"<svg" in svg.content
    assert "attachment" in svg["Content-Disposition"]
    png = client.get(f"/outcome/vragenlijst/{questionnaire.pk}/qr.png")
    assert png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    for size in ("a4", "a5"):
        pdf = client.get(f"/outcome/vragenlijst/{questionnaire.pk}/poster-{size}.pdf")
        assert pdf.status_code == 200
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(f"/outcome/vragenlijst/{questionnaire.pk}/poster-a3.pdf").status_code == 404
    assert client.get(f"/outcome/vragenlijst/{questionnaire.pk}/qr.gif").status_code == 404


def test_the_qr_code_holds_the_public_link(client_as, partner, questionnaire):
    code = qr(f"http://testserver/v/{questionnaire.code}/")
    svg = client_as(partner).get(f"/outcome/vragenlijst/{questionnaire.pk}/qr.svg").content
    assert code.svg_inline(scale=6, border=4).split('d="')[1][:200] in svg.decode()


def test_the_poster_names_the_activity_and_the_questionnaire(questionnaire):
    html = render_to_string(
        "outcomes/print/poster.html",
        {
            "size": "a5",
            "questionnaire": questionnaire,
            "activity": questionnaire.activity,
            "qr": "data:,",
            "short_link": "duiding.nl/v/ABC/",
        },
    )
    assert "Home-Start" in html and "Tevredenheid Home-Start" in html
    assert "Duurt minder dan een minuut" in html and "duiding.nl/v/ABC/" in html
    assert "size: A5" in html


@pytest.mark.parametrize("who", ["anonymous", "outsider", "other_partner"])
def test_who_cannot_see_the_questionnaire_cannot_share_it(
    client, client_as, who, questionnaire, outsider, other_programme
):
    if who == "outsider":
        client = client_as(outsider)
    elif who == "other_partner":
        client = client_as(other_programme.partner_user)
    for url in share_urls(questionnaire):
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302 and "/account/inloggen/" in response["Location"]
        else:
            assert response.status_code == 404, url


def test_the_partner_makes_a_set_of_cards_and_downloads_it(client_as, partner, questionnaire):
    client = client_as(partner)
    activity = questionnaire.activity
    page = client.get(f"/outcome/activiteit/{activity.pk}/kaarten/")
    assert page.status_code == 200 and "Nog geen kaarten gemaakt." in page.content.decode()
    response = client.post(f"/outcome/activiteit/{activity.pk}/kaarten/", {"count": "10"})
    assert response.status_code == 302
    assert PairCard.objects.filter(activity=activity, batch=1).count() == 10
    page = client.get(f"/outcome/activiteit/{activity.pk}/kaarten/").content.decode()
    assert "Set 1 met 10 kaarten is gemaakt." in page
    assert f"/outcome/activiteit/{activity.pk}/kaarten/1.pdf" in page
    pdf = client.get(f"/outcome/activiteit/{activity.pk}/kaarten/1.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(f"/outcome/activiteit/{activity.pk}/kaarten/2.pdf").status_code == 404


@pytest.mark.parametrize("count", ["0", "201", "veel", ""])
def test_a_wrong_number_of_cards_is_refused_naming_the_field(
    client_as, partner, questionnaire, count
):
    activity = questionnaire.activity
    response = client_as(partner).post(
        f"/outcome/activiteit/{activity.pk}/kaarten/", {"count": count}
    )
    assert response.status_code == 400
    assert "Aantal kaarten" in response.content.decode()
    assert PairCard.objects.count() == 0


def test_the_card_template_carries_the_explanation_and_large_code(questionnaire):
    html = render_to_string(
        "outcomes/print/cards.html",
        {
            "activity": questionnaire.activity,
            "pages": [[{"code": "K7PX 3M2A", "qr": "data:,", "link": "x/v/kaart/K7PX3M2A/"}]],
        },
    )
    assert "Gebruik deze kaart bij de eerste én de laatste keer invullen" in html
    assert "K7PX 3M2A" in html


@pytest.mark.parametrize("who", ["anonymous", "outsider", "other_partner", "youth_worker"])
def test_only_who_manages_the_outcome_makes_cards(
    client, client_as, who, questionnaire, outsider, other_programme, youth_worker
):
    activity = questionnaire.activity
    cards_create(activity=activity, count=2)
    if who == "outsider":
        client = client_as(outsider)
    elif who == "other_partner":
        client = client_as(other_programme.partner_user)
    elif who == "youth_worker":  # a partner of the same programme, not of this activity
        client = client_as(youth_worker)
    base = f"/outcome/activiteit/{activity.pk}/kaarten/"
    responses = [client.get(base), client.post(base, {"count": "5"}), client.get(base + "1.pdf")]
    for response in responses:
        if who == "anonymous":
            assert response.status_code == 302 and "/account/inloggen/" in response["Location"]
        elif who == "youth_worker":
            assert response.status_code == 403
        else:
            assert response.status_code == 404
    assert PairCard.objects.count() == 2


def test_the_gebiedsadviseur_may_make_cards(client_as, adviseur, questionnaire):
    activity = questionnaire.activity
    response = client_as(adviseur).post(
        f"/outcome/activiteit/{activity.pk}/kaarten/", {"count": "3"}
    )
    assert response.status_code == 302
    assert PairCard.objects.filter(activity=activity).count() == 3
