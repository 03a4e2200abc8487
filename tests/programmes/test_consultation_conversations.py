# ruff: noqa: F811 -- the shared fixtures are imported by name (tests/programmes/consultation_fixtures.py)
"""Qualitative analysis pages: partner conversations and their findings, with the owner, a
reviewer, a partner member (read only), another organisation (404) and anonymous visitors."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from duiding.programmes.consultation import services
from duiding.programmes.models import (
    ConversationVersion,
    Finding,
    MissingFigure,
    PartnerConversation,
    SectionStatus,
)
from tests.markup import assert_accessible
from tests.programmes.consultation_fixtures import (  # noqa: F401
    asked,
    colleague,
    conversation,
    section,
)


def _url(name, *args):
    return reverse(f"programmes:{name}", args=args)


@pytest.fixture
def finding(conversation, adviseur, programme):
    return services.finding_create(
        conversation=conversation,
        user=adviseur,
        section=section(programme, name="Schoolprestaties"),
        statement="Veel jeugdigen halen geen startkwalificatie",
        recognition="deels",
        explanation="Vooral jongens",
        practice_signals="Thuiszitters tellen niet mee",
    )


def test_list_shows_questions_counts_and_signals(client_as, adviseur, programme, finding):
    response = client_as(adviseur).get(_url("conversations", programme.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Herkennen de partners het geschetste beeld van de wijk?" in html
    assert "Hoe komt het?" in html and "Wat vinden ze ervan?" in html
    assert "14 maart 2025" in html and "Welzijn Feijenoord, Basisschool De Brug" in html
    assert "Deels herkend" in html and "Thuiszitters tellen niet mee" in html
    assert _url("finding_missing_figure", programme.pk, finding.pk) in html
    assert _url("conversation_create", programme.pk) in html
    assert "Gesprek vastgelegd" in html  # history
    assert_accessible(response)


def test_empty_list_has_a_clear_empty_state(client_as, adviseur, programme):
    response = client_as(adviseur).get(_url("conversations", programme.pk))
    assert "Er zijn nog geen gesprekken met partners vastgelegd." in response.content.decode()
    assert_accessible(response)


def test_owner_records_a_conversation(client_as, adviseur, programme, partner_org):
    client = client_as(adviseur)
    form = client.get(_url("conversation_create", programme.pk))
    assert form.status_code == 200 and "Welzijn Feijenoord" in form.content.decode()
    assert_accessible(form)
    response = client.post(
        _url("conversation_create", programme.pk),
        {
            "date": "2025-03-14",
            "participants": "jongerenwerker",
            "organisations": [partner_org.pk],
            "other_organisations": "Sportclub",
            "notes": "Goed gesprek",
        },
    )
    assert response.status_code == 302
    conversation = PartnerConversation.objects.get()
    assert response.url == _url("conversation", programme.pk, conversation.pk) + "#nieuwe-bevinding"
    assert conversation.date == datetime.date(2025, 3, 14)
    assert list(conversation.organisations.all()) == [partner_org]
    assert conversation.created_by == adviseur


def test_dutch_date_is_accepted(client_as, adviseur, programme):
    response = client_as(adviseur).post(
        _url("conversation_create", programme.pk), {"date": "14-03-2025"}
    )
    assert response.status_code == 302
    assert PartnerConversation.objects.get().date == datetime.date(2025, 3, 14)


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("future", "De datum ligt in de toekomst"),
        ("", "Vul de datum van het gesprek in."),
        ("31-02-2025", "Vul de datum in als dag-maand-jaar"),
    ],
)
def test_bad_conversation_dates_are_refused(client_as, adviseur, programme, date, message):
    if date == "future":
        date = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client_as(adviseur).post(_url("conversation_create", programme.pk), {"date": date})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PartnerConversation.objects.exists()
    assert_accessible(response)


def test_owner_adds_edits_and_deletes_a_finding(client_as, adviseur, programme, conversation):
    school = section(programme, name="Schoolprestaties")
    client = client_as(adviseur)
    detail = client.get(_url("conversation", programme.pk, conversation.pk))
    assert detail.status_code == 200 and 'name="statement"' in detail.content.decode()
    assert_accessible(detail)
    response = client.post(
        _url("finding_create", programme.pk, conversation.pk),
        {
            "section": school.pk,
            "statement": "Veel spijbelen",
            "recognition": "ja",
            "explanation": "Bekend bij de leerplicht",
            "practice_signals": "",
            "mark_discussed": "on",
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert finding.section == school and finding.created_by == adviseur
    school.refresh_from_db()
    assert school.status == SectionStatus.DISCUSSED_WITH_PARTNERS

    edit_url = _url("finding_edit", programme.pk, finding.pk)
    page = client.get(edit_url)
    assert page.status_code == 200 and "Veel spijbelen" in page.content.decode()
    assert_accessible(page)
    response = client.post(
        edit_url, {"statement": "Veel verzuim", "recognition": "nee", "version": finding.version}
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.statement == "Veel verzuim" and finding.section is None

    delete_url = _url("finding_delete", programme.pk, finding.pk)
    confirm = client.get(delete_url)
    assert confirm.status_code == 200 and "Weet u zeker" in confirm.content.decode()
    assert Finding.objects.exists()
    assert client.post(delete_url).status_code == 302
    assert not Finding.objects.exists()
    summaries = list(conversation.versions.order_by("pk").values_list("summary", flat=True))
    assert summaries[0] == "Gesprek vastgelegd"
    assert [s.split(":")[0] for s in summaries[1:]] == [
        "Bevinding toegevoegd",
        "Bevinding gewijzigd",
        "Bevinding verwijderd",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"statement": "  ", "recognition": "ja"}, "Vul de bevinding uit de analyse in."),
        ({"statement": "Iets"}, "Kies of de partners de bevinding herkennen"),
    ],
)
def test_bad_findings_are_refused(client_as, adviseur, programme, conversation, data, message):
    response = client_as(adviseur).post(_url("finding_create", programme.pk, conversation.pk), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Finding.objects.exists()
    assert_accessible(response)


def test_edit_and_delete_a_conversation_with_confirmation(
    client_as, adviseur, programme, conversation
):
    client = client_as(adviseur)
    edit_url = _url("conversation_edit", programme.pk, conversation.pk)
    page = client.get(edit_url)
    assert page.status_code == 200 and "14-03-2025" in page.content.decode()
    assert_accessible(page)
    response = client.post(
        edit_url, {"date": "2025-03-10", "notes": "Bijgewerkt", "version": conversation.version}
    )
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.notes == "Bijgewerkt" and conversation.updated_by == adviseur

    delete_url = _url("conversation_delete", programme.pk, conversation.pk)
    confirm = client.get(delete_url)
    assert confirm.status_code == 200
    assert "Weet u zeker dat u het gesprek van 10 maart 2025" in confirm.content.decode()
    assert_accessible(confirm)
    assert PartnerConversation.objects.exists()
    response = client.post(delete_url)
    assert response.status_code == 302 and not PartnerConversation.objects.exists()
    assert ConversationVersion.objects.filter(programme=programme).count() == 3
    listing = client.get(_url("conversations", programme.pk)).content.decode()
    assert "gesprek verwijderd" in listing


def test_signals_button_puts_them_on_the_missing_figures_list(
    client_as, adviseur, programme, finding
):
    client = client_as(adviseur)
    url = _url("finding_missing_figure", programme.pk, finding.pk)
    response = client.post(url, {"from": "list"})
    assert response.status_code == 302 and response.url.endswith("#signalen")
    figure = MissingFigure.objects.get()
    assert figure.section == finding.section
    html = client.get(_url("conversations", programme.pk)).content.decode()
    assert "Op de lijst met ontbrekende cijfers" in html and url not in html
    response = client.post(url)
    assert response.status_code == 302 and MissingFigure.objects.count() == 1


def test_partner_member_reads_but_cannot_write(
    client_as, partner, programme, conversation, finding
):
    client = client_as(partner)
    listing = client.get(_url("conversations", programme.pk))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Thuiszitters tellen niet mee" in html
    assert _url("conversation_create", programme.pk) not in html
    assert _url("finding_missing_figure", programme.pk, finding.pk) not in html
    detail = client.get(_url("conversation", programme.pk, conversation.pk))
    assert detail.status_code == 200 and 'name="statement"' not in detail.content.decode()
    assert_accessible(detail)
    writes = [
        ("get", _url("conversation_create", programme.pk)),
        ("post", _url("conversation_create", programme.pk)),
        ("get", _url("conversation_edit", programme.pk, conversation.pk)),
        ("post", _url("conversation_delete", programme.pk, conversation.pk)),
        ("post", _url("finding_create", programme.pk, conversation.pk)),
        ("post", _url("finding_edit", programme.pk, finding.pk)),
        ("post", _url("finding_delete", programme.pk, finding.pk)),
        ("post", _url("finding_missing_figure", programme.pk, finding.pk)),
    ]
    for method, url in writes:
        assert getattr(client, method)(url, {"date": "2025-01-01"}).status_code == 403, url
    assert PartnerConversation.objects.count() == 1 and Finding.objects.count() == 1
    assert not MissingFigure.objects.exists()


def test_reviewer_reads_conversations_but_cannot_write(
    client_as, programme, colleague, asked, conversation
):
    client = client_as(colleague)
    assert client.get(_url("conversations", programme.pk)).status_code == 200
    assert client.get(_url("conversation", programme.pk, conversation.pk)).status_code == 200
    response = client.post(_url("conversation_create", programme.pk), {"date": "2025-01-01"})
    assert response.status_code == 403


def test_other_organisation_gets_404_everywhere(
    client_as, outsider, programme, conversation, finding
):
    client = client_as(outsider)
    urls = [
        _url("conversations", programme.pk),
        _url("conversation_create", programme.pk),
        _url("conversation", programme.pk, conversation.pk),
        _url("conversation_edit", programme.pk, conversation.pk),
        _url("conversation_delete", programme.pk, conversation.pk),
        _url("finding_create", programme.pk, conversation.pk),
        _url("finding_edit", programme.pk, finding.pk),
        _url("finding_delete", programme.pk, finding.pk),
        _url("finding_missing_figure", programme.pk, finding.pk),
    ]
    for url in urls:
        assert client.post(url, {"date": "2025-01-01"}).status_code == 404, url
    for url in urls[:-1]:
        assert client.get(url).status_code == 404, url
    assert PartnerConversation.objects.get().notes == "Partners herkennen het spijbelen."


def test_anonymous_is_sent_to_the_login(client, programme, conversation, finding):
    for url in (
        _url("conversations", programme.pk),
        _url("conversation", programme.pk, conversation.pk),
        _url("conversation_create", programme.pk),
        _url("finding_edit", programme.pk, finding.pk),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/inloggen/" in response.url, url


def test_conversation_of_another_programme_is_404(
    client_as, adviseur, programme, conversation, feijenoord, framework, municipality_org
):
    from duiding.programmes.services import programme_create

    other = programme_create(
        user=adviseur,
        name="Ander programma",
        area=feijenoord,
        framework=framework,
        organisation=municipality_org,
        owner=adviseur,
        start_year=2027,
        end_year=2028,
    )
    client = client_as(adviseur)
    assert client.get(_url("conversation", other.pk, conversation.pk)).status_code == 404
    assert client.get(_url("conversation_edit", other.pk, conversation.pk)).status_code == 404
