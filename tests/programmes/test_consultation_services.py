# ruff: noqa: F811 -- the shared fixtures are imported by name (tests/programmes/consultation_fixtures.py)
"""Consultation and qualitative-analysis services: feedback requests, comments, partner
conversations and findings, with their history and refusals."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from duiding.programmes.consultation import selectors, services
from duiding.programmes.models import (
    ConversationVersion,
    Finding,
    MissingFigure,
    PartnerConversation,
    SectionStatus,
)
from duiding.programmes.permissions import can_comment_programme, visible_programmes
from tests.programmes.consultation_fixtures import (  # noqa: F401
    asked,
    colleague,
    conversation,
    section,
)

# --- Feedback requests ---------------------------------------------------------------------------


def test_request_gives_access_marks_sections_and_sends_mail(
    programme, adviseur, colleague, mailoutbox, django_capture_on_commit_callbacks
):
    school = section(programme, name="Schoolprestaties")
    assert programme not in visible_programmes(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        request = services.feedback_request_create(
            programme=programme,
            requested_by=adviseur,
            reviewer=colleague,
            message="Is mijn keuze van factoren navolgbaar?",
            sections=[school],
            link="http://testserver/programmas/7/consultatie/",
        )
    assert programme in visible_programmes(colleague)
    assert can_comment_programme(colleague, programme)
    school.refresh_from_db()
    assert school.status == SectionStatus.SHOWN_TO_COLLEAGUE
    version = school.versions.first()
    assert version.content["status"] == SectionStatus.SHOWN_TO_COLLEAGUE
    assert "Anna Analist" in version.summary and version.edited_by == adviseur
    assert list(request.sections.all()) == [school]
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["analist@example.nl"]
    assert programme.name in mail.subject
    assert "http://testserver/programmas/7/consultatie/" in mail.body
    assert "Is mijn keuze van factoren navolgbaar?" in mail.body
    assert "Schoolprestaties" in mail.body


def test_request_refuses_yourself_strangers_duplicates_and_empty_questions(
    programme, adviseur, colleague, outsider, asked
):
    with pytest.raises(services.ConsultationError, match="uzelf"):
        services.feedback_request_create(
            programme=programme, requested_by=adviseur, reviewer=adviseur, message="?"
        )
    with pytest.raises(services.ConsultationError, match="kan niet om feedback"):
        services.feedback_request_create(
            programme=programme, requested_by=adviseur, reviewer=outsider, message="?"
        )
    with pytest.raises(services.ConsultationError, match="al een open feedbackverzoek"):
        services.feedback_request_create(
            programme=programme, requested_by=adviseur, reviewer=colleague, message="Nog een"
        )
    with pytest.raises(services.ConsultationError, match="Schrijf een vraag"):
        services.feedback_request_create(
            programme=programme, requested_by=adviseur, reviewer=colleague, message="   "
        )
    assert programme.feedback_requests.count() == 1
    assert programme not in visible_programmes(outsider)


def test_closed_request_keeps_reading_but_stops_commenting(programme, adviseur, colleague, asked):
    services.feedback_request_close(feedback_request=asked, user=adviseur)
    asked.refresh_from_db()
    assert asked.closed_at is not None and asked.closed_by == adviseur
    assert programme in visible_programmes(colleague)
    assert not can_comment_programme(colleague, programme)
    services.feedback_request_reopen(feedback_request=asked, user=adviseur)
    assert can_comment_programme(colleague, programme)


def test_reopen_refused_when_another_request_is_open(programme, adviseur, colleague, asked):
    services.feedback_request_close(feedback_request=asked, user=adviseur)
    services.feedback_request_create(
        programme=programme, requested_by=adviseur, reviewer=colleague, message="Tweede ronde"
    )
    with pytest.raises(services.ConsultationError, match="ander open"):
        services.feedback_request_reopen(feedback_request=asked, user=adviseur)


# --- Comments ------------------------------------------------------------------------------------


def test_comments_belong_to_the_open_request_and_are_counted_until_handled(
    programme, adviseur, colleague, asked
):
    overall = section(programme, "overall")
    school = section(programme, name="Schoolprestaties")
    mine = services.comment_create(section=school, author=colleague, text="Armoede ontbreekt?")
    own = services.comment_create(section=overall, author=adviseur, text="Nog aanvullen")
    assert mine.feedback_request == asked and own.feedback_request is None
    counts = {
        row.section.pk: (row.total, row.unhandled)
        for row in selectors.sections_with_comment_counts(programme)
    }
    assert counts[school.pk] == (1, 1) and counts[overall.pk] == (1, 1)
    services.comment_mark_handled(comment=mine, user=adviseur, note="Armoede toegevoegd")
    mine.refresh_from_db()
    assert mine.handled_by == adviseur and mine.handled_note == "Armoede toegevoegd"
    counts = {
        row.section.pk: (row.total, row.unhandled)
        for row in selectors.sections_with_comment_counts(programme)
    }
    assert counts[school.pk] == (1, 0)
    request = selectors.programme_feedback_requests(programme, adviseur)[0]
    assert (request.n_comments, request.n_unhandled) == (1, 0)


def test_comment_refusals(programme, adviseur, colleague, asked):
    school = section(programme, name="Schoolprestaties")
    with pytest.raises(services.ConsultationError, match="Schrijf een opmerking"):
        services.comment_create(section=school, author=colleague, text="  ")
    comment = services.comment_create(section=school, author=colleague, text="Punt")
    with pytest.raises(services.ConsultationError, match="Alleen de schrijver"):
        services.comment_delete(comment=comment, user=adviseur)
    services.comment_mark_handled(comment=comment, user=adviseur)
    with pytest.raises(services.ConsultationError, match="verwerkte opmerking"):
        services.comment_delete(comment=comment, user=colleague)
    services.comment_mark_unhandled(comment=comment, user=adviseur)
    services.comment_delete(comment=comment, user=colleague)
    assert not school.comments.exists()


def test_inbox_lists_received_and_sent_requests(programme, adviseur, colleague, asked):
    assert selectors.open_feedback_count(colleague) == 1
    inbox = selectors.feedback_inbox(colleague)
    assert inbox.received_open == [asked] and not inbox.received_closed and not inbox.sent
    assert selectors.feedback_inbox(adviseur).sent == [asked]
    services.feedback_request_close(feedback_request=asked, user=adviseur)
    assert selectors.open_feedback_count(colleague) == 0
    assert selectors.feedback_inbox(colleague).received_closed == [asked]


# --- Conversations and findings --------------------------------------------------------------------


def test_conversation_in_the_future_or_with_a_stranger_organisation_is_refused(
    programme, adviseur, other_org
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(services.ConsultationError, match="toekomst"):
        services.conversation_create(programme=programme, user=adviseur, date=tomorrow)
    with pytest.raises(services.ConsultationError, match="partnerorganisaties"):
        services.conversation_create(
            programme=programme,
            user=adviseur,
            date=timezone.localdate(),
            organisations=[other_org],
        )
    assert not PartnerConversation.objects.exists()
    assert not ConversationVersion.objects.exists()


def test_conversation_edits_and_deletion_keep_history(programme, adviseur, beheerder, conversation):
    assert conversation.created_by == adviseur and conversation.updated_by == adviseur
    services.conversation_update(
        conversation=conversation,
        user=beheerder,
        based_on_version=conversation.version,
        date=datetime.date(2025, 3, 15),
        participants="jongerenwerker",
        notes="Aangevuld",
    )
    conversation.refresh_from_db()
    assert conversation.updated_by == beheerder
    assert list(conversation.organisations.all()) == []
    services.conversation_delete(conversation=conversation, user=beheerder)
    versions = list(programme.conversation_versions.order_by("pk"))
    assert [v.edited_by for v in versions] == [adviseur, beheerder, beheerder]
    assert versions[0].content["organisations"] == ["Welzijn Feijenoord"]
    assert versions[1].content["date"] == "2025-03-15"
    assert all(v.conversation_id is None for v in versions)
    assert "verwijderd" in versions[2].summary


def test_finding_needs_a_statement_and_marks_its_section_discussed(
    programme, adviseur, conversation
):
    school = section(programme, name="Schoolprestaties")
    with pytest.raises(services.ConsultationError, match="Vul de bevinding"):
        services.finding_create(
            conversation=conversation, user=adviseur, statement=" ", recognition="ja"
        )
    finding = services.finding_create(
        conversation=conversation,
        user=adviseur,
        section=school,
        statement="Veel jeugdigen halen geen startkwalificatie",
        recognition=Finding.Recognition.PARTLY,
        explanation="Vooral jongens in de bovenbouw",
        practice_signals="Jongeren haken af na de zomervakantie",
        mark_discussed=True,
    )
    school.refresh_from_db()
    assert school.status == SectionStatus.DISCUSSED_WITH_PARTNERS
    assert school.versions.first().summary == "Besproken met partners"
    assert finding.created_by == adviseur and finding.updated_at is not None
    snapshot = conversation.versions.order_by("-pk").first().content
    assert snapshot["findings"][0]["recognition"] == "deels"

    school.status = SectionStatus.ADOPTED
    school.save()
    services.finding_update(
        finding=finding,
        user=adviseur,
        based_on_version=finding.version,
        section=school,
        statement=finding.statement,
        recognition="ja",
        mark_discussed=True,
    )
    school.refresh_from_db()
    assert school.status == SectionStatus.ADOPTED  # a later status is kept


def test_finding_of_another_programme_section_is_refused(
    programme, adviseur, conversation, feijenoord, framework, municipality_org
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
    with pytest.raises(services.ConsultationError, match="analysedeel van dit programma"):
        services.finding_create(
            conversation=conversation,
            user=adviseur,
            section=section(other, "overall"),
            statement="Iets",
            recognition="ja",
        )


def test_signals_go_to_the_missing_figures_list_once_with_section_history(
    programme, adviseur, conversation
):
    school = section(programme, name="Schoolprestaties")
    version_before = school.version
    finding = services.finding_create(
        conversation=conversation,
        user=adviseur,
        section=school,
        statement="Veel spijbelen",
        recognition="nee",
        practice_signals="Thuiszitters zonder inschrijving tellen niet mee",
    )
    figure = services.finding_missing_figure_create(finding=finding, user=adviseur)
    assert isinstance(figure, MissingFigure)
    assert figure.section == school and figure.created_by == adviseur
    assert figure.description == "Thuiszitters zonder inschrijving tellen niet mee"
    assert "14 maart 2025" in figure.reason
    school.refresh_from_db()
    assert school.version == version_before + 1
    assert school.versions.first().content["missing"][0][0] == figure.description
    with pytest.raises(services.ConsultationError, match="al op de lijst"):
        services.finding_missing_figure_create(finding=finding, user=adviseur)

    loose = services.finding_create(
        conversation=conversation,
        user=adviseur,
        statement="Buurt voelt onveilig",
        recognition="ja",
        practice_signals="Overlast bij het winkelcentrum",
    )
    with pytest.raises(services.ConsultationError, match="Koppel de bevinding"):
        services.finding_missing_figure_create(finding=loose, user=adviseur)
    assert MissingFigure.objects.count() == 1


def test_overview_counts_findings_by_recognition_and_lists_signals(
    programme, adviseur, conversation
):
    for statement, recognition, signals in (
        ("A", "ja", ""),
        ("B", "ja", "Signaal B"),
        ("C", "deels", ""),
        ("D", "nee", "Signaal D"),
    ):
        services.finding_create(
            conversation=conversation,
            user=adviseur,
            statement=statement,
            recognition=recognition,
            practice_signals=signals,
        )
    overview = selectors.conversations_overview(programme)
    assert [(r.value, r.count) for r in overview.recognition] == [
        ("ja", 2),
        ("deels", 1),
        ("nee", 1),
    ]
    assert overview.findings_total == 4
    assert [f.statement for f in overview.signals] == ["B", "D"]
