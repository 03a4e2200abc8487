"""Dutch texts of the activities pages: the quality checklist reads "Besproken" / "Nog niet
besproken" (also for answers stored by the earlier Ja/Nee checklist), and the partner page has one
name everywhere."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from duiding.activities.models import QualityAgreement
from duiding.activities.plan.forms import QualityForm
from tests.activities.plan_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db

PARTNER_PAGE = "Activiteiten van mijn organisatie"


def test_checklist_reads_besproken_also_for_old_ja_nee_answers(
    client_as, adviseur, programme, plan_activities, partner_org
):
    agreement = QualityAgreement.objects.create(
        activity=plan_activities["home_start"],
        organisation=partner_org,
        next_step="Beschrijf de interventie",
        due_date=datetime.date(2030, 1, 1),
        checklist={
            "scholing": {"answer": True, "note": "Jaarlijks"},
            "beroepsregistratie": {"answer": False, "note": "Twee coaches nog niet"},
        },
    )
    html = client_as(adviseur).get(reverse("activities:plan", args=[programme.pk])).content
    html = html.decode()
    checklist = html[html.index('id="kwaliteit-') :]
    checklist = checklist[: checklist.index("</ol>")]
    assert checklist.count("<strong>Besproken</strong>") == 2
    assert "<strong>Nog niet besproken</strong>" in checklist
    assert "<strong>Ja</strong>" not in checklist and "<strong>Nee</strong>" not in checklist
    assert "Kwaliteitsvragen: 2 van 6 besproken" in html
    initial = QualityForm.initial_for(agreement)
    assert (initial["q_scholing"], initial["q_beroepsregistratie"]) == ("besproken", "besproken")
    assert initial["n_beroepsregistratie"] == "Twee coaches nog niet"
    labels = [str(label) for _v, label in QualityForm().fields["q_scholing"].choices]
    assert labels == ["Nog niet besproken", "Besproken"]


def test_partner_page_has_one_name_everywhere(client_as, partner, programme, plan_activities):
    client = client_as(partner)
    pages = [
        client.get(reverse("activities:partner")),
        client.get(reverse("activities:plan", args=[programme.pk])),
        client.get(reverse("activities:overdue")),
        client.get("/"),
    ]
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        assert "Overzicht van mijn organisatie" not in html
    assert f'<h1 class="utrecht-heading-1">{PARTNER_PAGE}</h1>' in pages[0].content.decode()
    for response in pages[1:]:
        assert PARTNER_PAGE in response.content.decode(), response.request["PATH_INFO"]
