"""Reads of the consultation and the qualitative analysis (the pages of `views/consultation*`).

Every function takes a programme the caller already got through
`programmes.permissions.programme_or_404`, or filters through `visible_programmes` itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from duiding.programmes.models import (
    AnalysisSection,
    Comment,
    ConversationVersion,
    FeedbackRequest,
    Finding,
    PartnerConversation,
    Programme,
)
from duiding.programmes.permissions import can_edit_programme, visible_programmes

_KIND_ORDER = {
    AnalysisSection.Kind.DOMAIN: 0,
    AnalysisSection.Kind.PILLAR: 1,
    AnalysisSection.Kind.OVERALL: 2,
    AnalysisSection.Kind.QUALITATIVE: 3,
}


def section_label(section: AnalysisSection) -> str:
    """A section's name as a person reads it: 'Kansrijk · Schoolprestaties', 'Pijler Kansrijk',
    'Totaalbeeld', 'Kwalitatieve analyse'."""
    if section.kind == AnalysisSection.Kind.DOMAIN and section.domain_id:
        return (
            f"{section.pillar.name} · {section.domain.name}"
            if section.pillar_id
            else str(section.domain.name)
        )
    if section.kind == AnalysisSection.Kind.PILLAR and section.pillar_id:
        return _("Pijler %(name)s") % {"name": section.pillar.name}
    return str(section.get_kind_display())


def _seed_order(section: AnalysisSection) -> tuple:
    """The seed's order: per pillar its domains, then the pillar; then the whole picture and the
    qualitative analysis."""
    pillar = section.pillar
    in_pillar = (pillar.order, pillar.pk) if pillar is not None else (10_000, 0)
    domain = section.domain
    in_domain = (domain.order, domain.pk) if domain is not None else (10_000, 0)
    return (in_pillar, _KIND_ORDER.get(section.kind, 9), in_domain)


def sections_in_order(programme: Programme, queryset=None) -> list[AnalysisSection]:
    qs = queryset if queryset is not None else programme.sections.all()
    sections = list(qs.select_related("pillar", "domain"))
    for section in sections:
        section.label = section_label(section)
    return sorted(sections, key=_seed_order)


@dataclass
class SectionComments:
    section: AnalysisSection
    total: int = 0
    unhandled: int = 0


def sections_with_comment_counts(programme: Programme) -> list[SectionComments]:
    """Every section of the programme with its number of comments and unhandled comments."""
    qs = programme.sections.annotate(
        n_comments=Count("comments", distinct=True),
        n_unhandled=Count("comments", filter=Q(comments__handled_at__isnull=True), distinct=True),
    )
    return [
        SectionComments(s, s.n_comments, s.n_unhandled) for s in sections_in_order(programme, qs)
    ]


def _with_counts(qs):
    return qs.annotate(
        n_comments=Count("comments", distinct=True),
        n_unhandled=Count("comments", filter=Q(comments__handled_at__isnull=True), distinct=True),
        n_handled=Count("comments", filter=Q(comments__handled_at__isnull=False), distinct=True),
    )


def programme_feedback_requests(programme: Programme, user) -> list[FeedbackRequest]:
    """The requests of a programme shown to `user`: all of them to those who see the programme
    through their organisation (owning or partner), only their own to a reviewer."""
    qs = programme.feedback_requests.select_related("reviewer", "requested_by", "closed_by")
    if not can_edit_programme(user, programme) and not _member_view(user, programme):
        qs = qs.filter(reviewer=user)
    requests = list(
        _with_counts(qs).prefetch_related(
            Prefetch(
                "sections", queryset=AnalysisSection.objects.select_related("pillar", "domain")
            )
        )
    )
    for request in requests:
        for section in request.sections.all():
            section.label = section_label(section)
    return requests


def _member_view(user, programme: Programme) -> bool:
    """Members of the owning or a partner organisation see the whole consultation."""
    if user.is_superuser:
        return True
    orgs = set(user.memberships.values_list("organisation_id", flat=True))
    if programme.organisation_id in orgs:
        return True
    return programme.partners.filter(pk__in=orgs).exists()


def own_open_request(programme: Programme, user) -> FeedbackRequest | None:
    return (
        programme.feedback_requests.filter(reviewer=user, closed_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


def section_comments(section: AnalysisSection) -> list[Comment]:
    return list(section.comments.select_related("author", "handled_by", "feedback_request"))


@dataclass
class Inbox:
    received_open: list[FeedbackRequest] = field(default_factory=list)
    received_closed: list[FeedbackRequest] = field(default_factory=list)
    sent: list[FeedbackRequest] = field(default_factory=list)


def feedback_inbox(user) -> Inbox:
    """The feedback requests asked of `user` (open first) and those `user` asked of others, on
    programmes the user can still see."""
    visible = visible_programmes(user).values("pk")
    base = (
        FeedbackRequest.objects.filter(programme_id__in=visible)
        .select_related("programme__area", "reviewer", "requested_by")
        .order_by("-created_at")
    )
    inbox = Inbox()
    for request in _with_counts(base.filter(reviewer=user)):
        if request.closed_at is None:
            inbox.received_open.append(request)
        else:
            inbox.received_closed.append(request)
    inbox.sent = list(_with_counts(base.filter(requested_by=user)))
    return inbox


def open_feedback_count(user) -> int:
    """Open feedback requests asked of the user (the number in the menu and on the home page)."""
    if not (user and user.is_authenticated):
        return 0
    return FeedbackRequest.objects.filter(reviewer=user, closed_at__isnull=True).count()


# --- Qualitative analysis ----------------------------------------------------------------------


@dataclass
class RecognitionCount:
    value: str
    label: str
    count: int


@dataclass
class ConversationsOverview:
    conversations: list[PartnerConversation]
    recognition: list[RecognitionCount]
    signals: list[Finding]
    findings_total: int
    history: list[ConversationVersion]


def conversations_overview(programme: Programme) -> ConversationsOverview:
    """All conversations with their findings, the findings counted by recognition and every
    finding that carries signals from practice."""
    findings_qs = Finding.objects.select_related(
        "section__pillar", "section__domain", "missing_figure"
    )
    conversations = list(
        programme.conversations.select_related("created_by", "updated_by").prefetch_related(
            "organisations", Prefetch("findings", queryset=findings_qs)
        )
    )
    counts = dict.fromkeys(Finding.Recognition.values, 0)
    signals: list[Finding] = []
    total = 0
    for conversation in conversations:
        for finding in conversation.findings.all():
            total += 1
            counts[finding.recognition] = counts.get(finding.recognition, 0) + 1
            if finding.section_id:
                finding.section.label = section_label(finding.section)
            if finding.practice_signals.strip():
                signals.append(finding)
    recognition = [
        RecognitionCount(value, str(label), counts.get(value, 0))
        for value, label in Finding.Recognition.choices
    ]
    history = list(programme.conversation_versions.select_related("user", "conversation")[:20])
    return ConversationsOverview(conversations, recognition, signals, total, history)


def conversation_detail(programme: Programme, pk: int) -> PartnerConversation:
    """One conversation of the programme (404 otherwise) with findings and history."""
    from django.shortcuts import get_object_or_404

    findings_qs = Finding.objects.select_related(
        "section__pillar", "section__domain", "missing_figure", "created_by", "updated_by"
    )
    conversation = get_object_or_404(
        programme.conversations.select_related("created_by", "updated_by").prefetch_related(
            "organisations",
            Prefetch("findings", queryset=findings_qs),
            Prefetch("versions", queryset=ConversationVersion.objects.select_related("user")),
        ),
        pk=pk,
    )
    for finding in conversation.findings.all():
        if finding.section_id:
            finding.section.label = section_label(finding.section)
    return conversation
