"""The consultation and the qualitative analysis as data: CSV tables (partner conversations with
their findings; comments) and the `consultation` part of GET /api/v1/programmes/{id}/analysis
(feedback requests as the pages show them to the user; comments per section).

Comments and conversations are shown to everybody who sees the programme, as on the pages;
feedback requests through `consultation.selectors.programme_feedback_requests` (a reviewer sees
only their own).
"""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from duiding.programmes.consultation.selectors import (
    conversations_overview,
    programme_feedback_requests,
    section_label,
)
from duiding.programmes.models import Comment


def _name(user) -> str:
    return user.display_name if user is not None else ""


def _when(value) -> str:
    return date_format(localtime(value), "j F Y H:i") if value else ""


def _comments(programme):
    return (
        Comment.objects.filter(section__programme=programme)
        .select_related("section__pillar", "section__domain", "author", "handled_by")
        .order_by("section__kind", "section__pillar__order", "section__domain__order", "pk")
    )


def conversations_table(analysis):
    """One row per finding; a conversation without findings gets one row of its own."""
    head = [
        _("Datum gesprek"),
        _("Wie waren erbij"),
        _("Organisaties"),
        _("Aantekeningen"),
        _("Analysedeel"),
        _("Bevinding uit de analyse"),
        _("Herkennen de partners dit?"),
        _("Verklaring van de partners"),
        _("Signalen uit de praktijk"),
    ]

    def rows():
        for c in conversations_overview(analysis.programme).conversations:
            organisations = [o.name for o in c.organisations.all()]
            if c.other_organisations:
                organisations.append(c.other_organisations)
            start = [c.date.isoformat(), c.participants, ", ".join(organisations), c.notes]
            findings = list(c.findings.all())
            if not findings:
                yield [*start, "", "", "", "", ""]
            for f in findings:
                yield [
                    *start,
                    section_label(f.section) if f.section_id else "",
                    f.statement,
                    str(f.get_recognition_display()),
                    f.explanation,
                    f.practice_signals,
                ]

    return head, rows()


def comments_table(analysis):
    head = [
        _("Analysedeel"),
        _("Opmerking"),
        _("Door"),
        _("Op"),
        _("Verwerkt"),
        _("Verwerkt door"),
        _("Hoe verwerkt"),
    ]
    rows = (
        [
            section_label(c.section),
            c.text,
            _name(c.author),
            _when(c.created_at),
            _("ja") if c.handled_at else _("nee"),
            _name(c.handled_by),
            c.handled_note,
        ]
        for c in _comments(analysis.programme)
    )
    return head, rows


def consultation_payload(programme, user) -> dict:
    """The `consultation` part of the analysis API."""
    return {
        "feedback_requests": [
            {
                "id": r.pk,
                "reviewer": _name(r.reviewer),
                "requested_by": _name(r.requested_by),
                "message": r.message,
                "created_at": r.created_at,
                "open": r.closed_at is None,
                "closed_at": r.closed_at,
                "sections": [section_label(s) for s in r.sections.all()],
            }
            for r in programme_feedback_requests(programme, user)
        ],
        "comments": [
            {
                "id": c.pk,
                "section": section_label(c.section),
                "section_id": c.section_id,
                "text": c.text,
                "author": _name(c.author),
                "created_at": c.created_at,
                "handled": c.handled_at is not None,
                "handled_by": _name(c.handled_by) if c.handled_at else None,
                "handled_note": c.handled_note,
            }
            for c in _comments(programme)
        ],
    }
