"""Writes of the consultation and the qualitative analysis (seed 003, Deel 2 step 1: "consulteren
collega" and "kwalitatieve analyse: in gesprek met partners in de wijk").

- Feedback requests: the adviser asks a named colleague for feedback; the colleague may read the
  programme and comment per section while the request is open; an e-mail tells them.
- Comments: written by editors and open reviewers; editors mark them handled ("hoe verwerkt");
  authors delete their own while unhandled.
- Partner conversations and their findings: every change keeps a `ConversationVersion` snapshot
  (who, when, what), also when a conversation is deleted.

Services are keyword-only and each is one transaction. Callers check the permission to act
(`programmes.permissions`); the rules that belong to the data itself (not yourself, not twice, no
date in the future, no empty statement, only the author deletes) are checked here and refused
with a `ConsultationError` carrying a Dutch message.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from duiding.core.links import absolute_url
from duiding.core.versioning import lock_and_check
from duiding.programmes.consultation.selectors import sections_in_order
from duiding.programmes.models import (
    AnalysisSection,
    Comment,
    ConversationVersion,
    FeedbackRequest,
    Finding,
    MissingFigure,
    PartnerConversation,
    Programme,
    SectionStatus,
)
from duiding.programmes.permissions import feedback_candidates
from duiding.programmes.services import section_touch


class ConsultationError(ValueError):
    """A write refused for a reason the user can fix; the message is Dutch and says why."""


def _set_status(section: AnalysisSection, status: str, user, summary: str) -> bool:
    """Give a section a new status, keeping history (a version) — unless it has it already."""
    if section.status == status:
        return False
    AnalysisSection.objects.filter(pk=section.pk).update(status=status)
    section_touch(section, user, summary)
    return True


# --- Feedback requests -------------------------------------------------------------------------


@transaction.atomic
def feedback_request_create(
    *,
    programme: Programme,
    requested_by,
    reviewer,
    message: str,
    sections=(),
    link: str = "",
) -> FeedbackRequest:
    """Ask `reviewer` for feedback. The chosen sections get the status "Voorgelegd aan collega";
    the reviewer gets an e-mail with `link` (the consultation page) after the commit. Without a
    request to build the link from (the demo, a script), it is `SITE_URL` + the page's path."""
    message = (message or "").strip()
    if not message:
        raise ConsultationError(_("Schrijf een vraag aan de collega."))
    if reviewer.pk == requested_by.pk:
        raise ConsultationError(_("U kunt uzelf niet om feedback vragen."))
    if not feedback_candidates(programme).filter(pk=reviewer.pk).exists():
        raise ConsultationError(
            _("%(name)s kan niet om feedback worden gevraagd voor dit programma.")
            % {"name": reviewer.display_name}
        )
    if programme.feedback_requests.filter(reviewer=reviewer, closed_at__isnull=True).exists():
        raise ConsultationError(
            _("%(name)s heeft al een open feedbackverzoek voor dit programma.")
            % {"name": reviewer.display_name}
        )
    sections = list(sections)
    if any(s.programme_id != programme.pk for s in sections):
        raise ConsultationError(_("Kies alleen analysedelen van dit programma."))

    request = FeedbackRequest.objects.create(
        programme=programme, reviewer=reviewer, requested_by=requested_by, message=message
    )
    request.sections.set(sections)
    summary = _("Voorgelegd aan collega %(name)s") % {"name": reviewer.display_name}
    for section in sections:
        _set_status(section, SectionStatus.SHOWN_TO_COLLEAGUE, requested_by, summary)
    if reviewer.email:
        link = link or absolute_url(reverse("programmes:consultation", args=[programme.pk]))
        transaction.on_commit(lambda: _send_request_mail(request, link))
    return request


def _send_request_mail(request: FeedbackRequest, link: str) -> None:
    context = {
        "request": request,
        "programme": request.programme,
        "requested_by": request.requested_by,
        "link": link,
        "sections": sections_in_order(request.programme, request.sections.all()),
    }
    subject = render_to_string("programmes/feedback_request_subject.txt", context)
    body = render_to_string("programmes/feedback_request_email.txt", context)
    send_mail(
        " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [request.reviewer.email],
    )


@transaction.atomic
def feedback_request_close(*, feedback_request: FeedbackRequest, user) -> FeedbackRequest:
    """Close a request: the reviewer keeps reading the programme but cannot comment any more."""
    if feedback_request.closed_at is None:
        feedback_request.closed_at = timezone.now()
        feedback_request.closed_by = user
        feedback_request.save(update_fields=["closed_at", "closed_by"])
    return feedback_request


@transaction.atomic
def feedback_request_reopen(*, feedback_request: FeedbackRequest, user) -> FeedbackRequest:
    """Open a closed request again (the reviewer may comment again)."""
    if feedback_request.closed_at is None:
        return feedback_request
    other_open = feedback_request.programme.feedback_requests.filter(
        reviewer_id=feedback_request.reviewer_id, closed_at__isnull=True
    ).exclude(pk=feedback_request.pk)
    if other_open.exists():
        raise ConsultationError(
            _("%(name)s heeft al een ander open feedbackverzoek voor dit programma.")
            % {"name": feedback_request.reviewer.display_name}
        )
    feedback_request.closed_at = None
    feedback_request.closed_by = None
    feedback_request.save(update_fields=["closed_at", "closed_by"])
    return feedback_request


# --- Comments ----------------------------------------------------------------------------------


@transaction.atomic
def comment_create(*, section: AnalysisSection, author, text: str) -> Comment:
    """A comment on a section; a reviewer's comment belongs to their open feedback request."""
    text = (text or "").strip()
    if not text:
        raise ConsultationError(_("Schrijf een opmerking."))
    request = (
        section.programme.feedback_requests.filter(reviewer=author, closed_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    return Comment.objects.create(
        section=section, author=author, text=text, feedback_request=request
    )


@transaction.atomic
def comment_mark_handled(*, comment: Comment, user, note: str = "") -> Comment:
    """The adviser marks a comment handled, with how it was handled (optional)."""
    note = (note or "").strip()
    if len(note) > 500:
        raise ConsultationError(_("De toelichting is te lang (hoogstens 500 tekens)."))
    comment.handled_at = timezone.now()
    comment.handled_by = user
    comment.handled_note = note
    comment.save(update_fields=["handled_at", "handled_by", "handled_note"])
    return comment


@transaction.atomic
def comment_mark_unhandled(*, comment: Comment, user) -> Comment:
    comment.handled_at = None
    comment.handled_by = None
    comment.handled_note = ""
    comment.save(update_fields=["handled_at", "handled_by", "handled_note"])
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, user) -> None:
    """Only the author deletes, and only while the comment is not handled."""
    if comment.author_id != user.pk:
        raise ConsultationError(_("Alleen de schrijver kan een opmerking verwijderen."))
    if comment.handled_at is not None:
        raise ConsultationError(_("Een verwerkte opmerking kan niet meer worden verwijderd."))
    comment.delete()


# --- Partner conversations and findings ----------------------------------------------------------


def _record(conversation: PartnerConversation, user, summary: str) -> ConversationVersion:
    return ConversationVersion.record(conversation, user=user, summary=summary)


def _check_date(date: datetime.date) -> None:
    if date > timezone.localdate():
        raise ConsultationError(
            _("De datum ligt in de toekomst. Leg een gesprek vast nadat het is gevoerd.")
        )


def _check_organisations(programme: Programme, organisations) -> list:
    organisations = list(organisations)
    allowed = set(programme.partners.values_list("pk", flat=True))
    if any(o.pk not in allowed for o in organisations):
        raise ConsultationError(_("Kies alleen partnerorganisaties van dit programma."))
    return organisations


@transaction.atomic
def conversation_create(
    *,
    programme: Programme,
    user,
    date: datetime.date,
    participants: str = "",
    organisations=(),
    other_organisations: str = "",
    notes: str = "",
) -> PartnerConversation:
    _check_date(date)
    organisations = _check_organisations(programme, organisations)
    conversation = PartnerConversation.objects.create(
        programme=programme,
        date=date,
        participants=participants.strip(),
        other_organisations=other_organisations.strip(),
        notes=notes.strip(),
        created_by=user,
        updated_by=user,
    )
    conversation.organisations.set(organisations)
    _record(conversation, user, _("Gesprek vastgelegd"))
    return conversation


@transaction.atomic
def conversation_update(
    *,
    conversation: PartnerConversation,
    user,
    date: datetime.date,
    participants: str = "",
    organisations=(),
    other_organisations: str = "",
    notes: str = "",
    based_on_version: int | None,
) -> PartnerConversation:
    """Raises StaleEdit (core.versioning) when `based_on_version` is missing or old."""
    _check_date(date)
    organisations = _check_organisations(conversation.programme, organisations)
    lock_and_check(
        conversation,
        based_on_version,
        {
            "date": (_("Datum"), date_format(date)),
            "participants": (_("Wie waren erbij"), participants.strip()),
            "other_organisations": (_("Andere organisaties"), other_organisations.strip()),
            "notes": (_("Aantekeningen"), notes.strip()),
        },
    )
    conversation.date = date
    conversation.participants = participants.strip()
    conversation.other_organisations = other_organisations.strip()
    conversation.notes = notes.strip()
    conversation.updated_by = user
    conversation.save()
    conversation.organisations.set(organisations)
    _record(conversation, user, _("Gesprek gewijzigd"))
    return conversation


@transaction.atomic
def conversation_delete(*, conversation: PartnerConversation, user) -> None:
    """Delete a conversation and its findings; the history keeps a last snapshot."""
    _record(
        conversation,
        user,
        _("Gesprek van %(date)s verwijderd") % {"date": date_format(conversation.date)},
    )
    conversation.delete()


def _finding_fields(conversation, section, statement, recognition) -> str:
    statement = (statement or "").strip()
    if not statement:
        raise ConsultationError(_("Vul de bevinding uit de analyse in."))
    if recognition not in Finding.Recognition.values:
        raise ConsultationError(_("Kies of de partners de bevinding herkennen: ja, deels of nee."))
    if section is not None and section.programme_id != conversation.programme_id:
        raise ConsultationError(_("Kies een analysedeel van dit programma."))
    return statement


def _mark_discussed(section, user) -> None:
    """A section discussed with partners gets that status (a later status is kept)."""
    if section is None or section.status in (
        SectionStatus.DISCUSSED_WITH_PARTNERS,
        SectionStatus.ADOPTED,
    ):
        return
    _set_status(section, SectionStatus.DISCUSSED_WITH_PARTNERS, user, _("Besproken met partners"))


@transaction.atomic
def finding_create(
    *,
    conversation: PartnerConversation,
    user,
    statement: str,
    recognition: str,
    section: AnalysisSection | None = None,
    explanation: str = "",
    practice_signals: str = "",
    mark_discussed: bool = False,
) -> Finding:
    statement = _finding_fields(conversation, section, statement, recognition)
    now = timezone.now()
    finding = Finding.objects.create(
        conversation=conversation,
        section=section,
        statement=statement,
        recognition=recognition,
        explanation=explanation.strip(),
        practice_signals=practice_signals.strip(),
        created_by=user,
        created_at=now,
        updated_by=user,
        updated_at=now,
    )
    if mark_discussed:
        _mark_discussed(section, user)
    _touch_conversation(conversation, user)
    _record(conversation, user, _("Bevinding toegevoegd: %(s)s") % {"s": statement[:120]})
    return finding


@transaction.atomic
def finding_update(
    *,
    finding: Finding,
    user,
    statement: str,
    recognition: str,
    section: AnalysisSection | None = None,
    explanation: str = "",
    practice_signals: str = "",
    mark_discussed: bool = False,
    based_on_version: int | None,
) -> Finding:
    """Raises StaleEdit (core.versioning) when `based_on_version` is missing or old."""
    conversation = finding.conversation
    checked = _finding_fields(conversation, section, statement, recognition)
    lock_and_check(
        finding,
        based_on_version,
        {
            "statement": (_("Bevinding uit de analyse"), checked),
            "recognition": (_("Herkennen de partners dit?"), recognition),
            "explanation": (_("Verklaring van de partners"), explanation.strip()),
            "practice_signals": (_("Signalen uit de praktijk"), practice_signals.strip()),
        },
    )
    finding.statement = checked
    finding.section = section
    finding.recognition = recognition
    finding.explanation = explanation.strip()
    finding.practice_signals = practice_signals.strip()
    finding.updated_by = user
    finding.updated_at = timezone.now()
    finding.save()
    if mark_discussed:
        _mark_discussed(section, user)
    _touch_conversation(conversation, user)
    _record(conversation, user, _("Bevinding gewijzigd: %(s)s") % {"s": finding.statement[:120]})
    return finding


@transaction.atomic
def finding_delete(*, finding: Finding, user) -> None:
    conversation = finding.conversation
    statement = finding.statement
    finding.delete()
    _touch_conversation(conversation, user)
    _record(conversation, user, _("Bevinding verwijderd: %(s)s") % {"s": statement[:120]})


def _touch_conversation(conversation: PartnerConversation, user) -> None:
    conversation.updated_by = user
    conversation.save(update_fields=["updated_by", "updated_at"])


@transaction.atomic
def finding_missing_figure_create(*, finding: Finding, user) -> MissingFigure:
    """Put the finding's signals from practice on its section's missing-figures list (once),
    keeping the section's history."""
    if finding.missing_figure_id is not None:
        raise ConsultationError(_("Deze signalen staan al op de lijst met ontbrekende cijfers."))
    if finding.section_id is None:
        raise ConsultationError(
            _("Koppel de bevinding eerst aan een analysedeel; de lijst hoort bij een analysedeel.")
        )
    signals = finding.practice_signals.strip()
    if not signals:
        raise ConsultationError(_("Deze bevinding heeft geen signalen uit de praktijk."))
    description = signals if len(signals) <= 300 else signals[:299] + "…"
    reason = _(
        "Signaal uit de praktijk (gesprek met partners van %(date)s) dat de cijfers niet tonen."
    ) % {"date": date_format(finding.conversation.date)}
    figure = MissingFigure.objects.create(
        section=finding.section, description=description, reason=reason, created_by=user
    )
    finding.missing_figure = figure
    finding.save(update_fields=["missing_figure"])
    section_touch(
        finding.section,
        user,
        _("Ontbrekend cijfer toegevoegd uit een gesprek met partners: %(d)s")
        % {"d": description[:150]},
    )
    return figure
