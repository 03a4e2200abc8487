"""`duiding demo`: figures lead to factors in Feijenoord, and the demo programme holds one
conversation with partners (two findings) and one open feedback request to a colleague."""

import pytest
from django.urls import reverse

from duiding.accounts.models import User
from duiding.accounts.services import token_create
from duiding.demo.services import demo_load
from duiding.demo.steps import PASSWORD_ENV
from duiding.programmes.models import FeedbackRequest, Finding, PartnerConversation, Programme

pytestmark = pytest.mark.django_db

STEPS = ["aliases", "cbs", "derived", "links", "level_names", "organisations", "users"]


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    return demo_load(only=[*STEPS, "programme", "consultation"], log=lambda line: None)


def test_demo_consultation_once(demo):
    assert not demo.errors
    assert demo.changes["consultation"] == 4  # conversation, two findings, one request
    programme = Programme.objects.get(name="Wijkprogramma Feijenoord 2025–2026")
    conversation = PartnerConversation.objects.get(programme=programme)
    findings = list(conversation.findings.order_by("pk"))
    assert len(findings) == 2
    assert {f.section.domain.name for f in findings} == {
        "Sociaal-emotionele gezondheid",
        "Veilig thuis",
    }
    assert all(f.section.status == "concept" for f in findings)
    request = FeedbackRequest.objects.get(programme=programme)
    assert request.reviewer.username == "accounthouder" and request.closed_at is None
    assert request.sections.get().kind == "pillar"

    again = demo_load(only=["consultation"], log=lambda line: None)
    assert again.changes["consultation"] == 0
    assert Finding.objects.filter(conversation__programme=programme).count() == 2
    assert FeedbackRequest.objects.filter(programme=programme).count() == 1


def test_demo_figures_point_to_factors_in_feijenoord(demo, client):
    adviseur = User.objects.get(username="adviseur")
    _token, raw = token_create(user=adviseur)
    response = client.get(
        "/api/v1/areas/WK059910/factors", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 200
    names = {f["name"] for f in response.json()}
    assert "Psychosociale problemen" in names
    flagged = {c for f in response.json() for c in f["flagged_indicators"]}
    assert flagged & {"AandeelVerwezenDoorHuisarts", "AandeelVerwezenDoorJeugdarts"}

    # "Wijst op" on the domain page of the demo programme names a flagged figure.
    programme = Programme.objects.get(name="Wijkprogramma Feijenoord 2025–2026")
    section = programme.sections.get(kind="domain", domain__name="Sociaal-emotionele gezondheid")
    client.force_login(adviseur)
    html = client.get(reverse("programmes:section", args=[programme.pk, section.pk])).content
    html = html.decode()
    row = html[html.index(">Psychosociale problemen</label>") :]
    row = row[: row.index("</tr>")]
    assert "verwezen door de huisarts" in row


def test_demo_feedback_mail_carries_an_absolute_link(
    monkeypatch, mailoutbox, settings, django_capture_on_commit_callbacks
):
    """The demo asks for feedback without a request: the link comes from SITE_URL (it was empty,
    "via deze link:" followed by nothing)."""
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    settings.SITE_URL = "https://duiding.example.nl/"
    with django_capture_on_commit_callbacks(execute=True):
        demo_load(only=[*STEPS, "programme", "consultation"], log=lambda line: None)
    request = FeedbackRequest.objects.get(programme__name="Wijkprogramma Feijenoord 2025–2026")
    (message,) = [m for m in mailoutbox if request.reviewer.email in m.to]
    link = "https://duiding.example.nl" + reverse(
        "programmes:consultation", args=[request.programme_id]
    )
    after = message.body.split("via deze link:", 1)[1].strip().splitlines()[0]
    assert after == link
