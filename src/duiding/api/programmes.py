"""GET /api/v1/programmes and /api/v1/programmes/{id}/analysis: the wijkanalyse as JSON.

The analysis comes from `programmes.selectors.programme_analysis`, the same structure the pages,
the Excel workbook and the CSV downloads read, so the numbers are the same everywhere. Only
programmes the user may see (`programmes.permissions.visible_programmes`); any other id is a 404,
whether it exists or not. Like the benchmark route, the analysis is built as plain dicts and
written with orjson; the schemas document it and the tests validate responses against them.
"""

from __future__ import annotations

from datetime import date, datetime

import orjson
from django.http import HttpResponse
from ninja import Router, Schema
from ninja.errors import HttpError

from duiding.programmes.consultation.exports import consultation_payload
from duiding.programmes.consultation.selectors import conversations_overview, section_label
from duiding.programmes.permissions import visible_programmes
from duiding.programmes.selectors import (
    programme_analysis,
    programme_progress,
    programmes_for_list,
)

router = Router()


class ErrorOut(Schema):
    detail: str


class ProgrammeAreaOut(Schema):
    code: str
    name: str
    level: str


class NamedOut(Schema):
    id: int
    name: str


class ProgrammeOut(Schema):
    id: int
    name: str
    area: ProgrammeAreaOut
    start_year: int
    end_year: int
    period: str  # "2025–2026"
    figures_period: str  # "" = per indicator the latest period
    organisation: NamedOut
    owner: str
    partners: list[NamedOut]
    framework: NamedOut
    domains_written: int
    domains_total: int


class SectionOut(Schema):
    id: int
    kind: str  # domain / pillar / overall / qualitative
    label: str
    analysis: str
    conclusion: str
    status: str
    status_label: str
    version: int
    updated_at: datetime | None
    updated_by: str | None


class ComparisonOut(Schema):
    area_code: str
    area_name: str
    role: str
    value: float | None
    status: str | None
    difference: float | None
    relative_pct: float | None
    flag: str
    flag_label: str


class IndicatorRowOut(Schema):
    code: str
    name: str
    unit_kind: str
    unit_label: str
    direction: str
    period: str
    period_label: str
    value: float | None
    status: str
    comparisons: list[ComparisonOut]
    flag: str  # against the municipality, else the first comparison area
    flag_label: str
    flagged: bool
    source: str  # dataset code ("" = computed)


class AnalysisFactorOut(Schema):
    id: int
    name: str
    kind: str
    rank: int | None
    life_areas: list[str]
    age_phases: list[str]
    flagged_indicators: list[str]
    chosen: bool


class ChosenFactorOut(Schema):
    id: int
    name: str
    rank: int | None
    note: str


class StrikingOut(Schema):
    indicator_code: str
    indicator_name: str
    note: str


class MissingOut(Schema):
    id: int
    description: str
    reason: str
    possible_source: str
    status: str


class DomainOut(Schema):
    id: int
    name: str
    section: SectionOut
    indicators: list[IndicatorRowOut]
    indicators_without_figure: list[str]
    factors: list[AnalysisFactorOut]
    chosen_factors: list[ChosenFactorOut]
    striking: list[StrikingOut]
    missing: list[MissingOut]


class PillarOut(Schema):
    id: int
    name: str
    section: SectionOut
    domains: list[DomainOut]


class SummaryRowOut(Schema):
    pillar: str
    domain: str
    conclusion: str
    status: str
    factors: list[str]


class CrossFactorOut(Schema):
    id: int
    name: str
    rank: int | None
    domains: list[str]
    domain_count: int


class FindingOut(Schema):
    statement: str
    section: str | None
    recognition: str
    recognition_label: str
    explanation: str
    practice_signals: str


class ConversationOut(Schema):
    id: int
    date: date
    participants: str
    organisations: list[str]
    other_organisations: str
    notes: str
    findings: list[FindingOut]


class AmbitionOut(Schema):
    pillar: str
    domain: str | None
    text: str


class ComparisonAreaOut(ProgrammeAreaOut):
    role: str


class FeedbackRequestOut(Schema):
    id: int
    reviewer: str
    requested_by: str
    message: str
    created_at: datetime
    open: bool
    closed_at: datetime | None
    sections: list[str]


class CommentOut(Schema):
    id: int
    section: str
    section_id: int
    text: str
    author: str
    created_at: datetime
    handled: bool
    handled_by: str | None
    handled_note: str


class ConsultationOut(Schema):
    feedback_requests: list[FeedbackRequestOut]  # a reviewer sees only their own
    comments: list[CommentOut]


class AnalysisOut(Schema):
    programme: ProgrammeOut
    comparison_areas: list[ComparisonAreaOut]
    pillars: list[PillarOut]
    summary: list[SummaryRowOut]
    cross_factors: list[CrossFactorOut]
    overall: SectionOut
    qualitative: SectionOut
    conversations: list[ConversationOut]
    ambitions: list[AmbitionOut]
    consultation: ConsultationOut


def _json(payload) -> HttpResponse:
    return HttpResponse(orjson.dumps(payload), content_type="application/json; charset=utf-8")


def _programme(programme) -> dict:
    progress = getattr(programme, "progress", None)
    return {
        "id": programme.pk,
        "name": programme.name,
        "area": {
            "code": programme.area.code,
            "name": programme.area.name,
            "level": programme.area.level,
        },
        "start_year": programme.start_year,
        "end_year": programme.end_year,
        "period": programme.period_label,
        "figures_period": programme.figures_period,
        "organisation": {"id": programme.organisation_id, "name": programme.organisation.name},
        "owner": programme.owner.get_username(),
        "partners": [
            {"id": p.pk, "name": p.name} for p in sorted(programme.partners.all(), key=str)
        ],
        "framework": {"id": programme.framework_id, "name": programme.framework.name},
        "domains_written": progress.domains_written if progress else 0,
        "domains_total": progress.domains_total if progress else 0,
    }


def _section(section) -> dict:
    return {
        "id": section.pk,
        "kind": section.kind,
        "label": section_label(section),
        "analysis": section.analysis,
        "conclusion": section.conclusion,
        "status": section.status,
        "status_label": str(section.get_status_display()),
        "version": section.version,
        "updated_at": section.updated_at,
        "updated_by": section.updated_by.get_username() if section.updated_by_id else None,
    }


def _indicator(item) -> dict:
    ind = item.indicator
    flag = item.flag
    return {
        "code": ind.code,
        "name": ind.name,
        "unit_kind": ind.unit_kind,
        "unit_label": ind.unit_label,
        "direction": ind.direction,
        "period": item.value.period.code,
        "period_label": item.value.period.label,
        "value": item.value.value,
        "status": item.value.status,
        "comparisons": [
            {
                "area_code": c.area.code,
                "area_name": c.area.name,
                "role": c.role,
                "value": c.value.value if c.value else None,
                "status": c.value.status if c.value else None,
                "difference": c.difference,
                "relative_pct": c.relative_pct,
                "flag": c.flag.result,
                "flag_label": c.flag.label,
            }
            for c in item.comparisons
        ],
        "flag": flag.result,
        "flag_label": flag.label,
        "flagged": flag.is_flagged,
        "source": item.value.provenance.dataset_code,
    }


def _domain(da) -> dict:
    return {
        "id": da.domain.pk,
        "name": da.domain.name,
        "section": _section(da.section),
        "indicators": [_indicator(item) for item in da.rows],
        "indicators_without_figure": [i.code for i in da.missing_rows],
        "factors": [
            {
                "id": v.factor.pk,
                "name": v.factor.name,
                "kind": v.factor.kind,
                "rank": v.factor.rank,
                "life_areas": [a.name for a in v.factor.life_areas.all()],
                "age_phases": [a.name for a in v.factor.age_phases.all()],
                "flagged_indicators": v.flagged_codes,
                "chosen": v.chosen,
            }
            for v in da.factors
        ],
        "chosen_factors": [
            {"id": c.factor_id, "name": c.factor.name, "rank": c.factor.rank, "note": c.note}
            for c in da.chosen
        ],
        "striking": [
            {
                "indicator_code": s.indicator.code,
                "indicator_name": s.indicator.name,
                "note": s.note,
            }
            for s in da.striking
        ],
        "missing": [
            {
                "id": m.pk,
                "description": m.description,
                "reason": m.reason,
                "possible_source": m.possible_source,
                "status": m.status,
            }
            for m in da.missing
        ],
    }


def _conversations(programme) -> list[dict]:
    overview = conversations_overview(programme)
    return [
        {
            "id": c.pk,
            "date": c.date,
            "participants": c.participants,
            "organisations": [o.name for o in c.organisations.all()],
            "other_organisations": c.other_organisations,
            "notes": c.notes,
            "findings": [
                {
                    "statement": f.statement,
                    "section": getattr(f.section, "label", None) if f.section_id else None,
                    "recognition": f.recognition,
                    "recognition_label": str(f.get_recognition_display()),
                    "explanation": f.explanation,
                    "practice_signals": f.practice_signals,
                }
                for f in c.findings.all()
            ],
        }
        for c in overview.conversations
    ]


def analysis_payload(analysis, programme_data: dict) -> dict:
    """The API shape of a ProgrammeAnalysis (also what the workbook test compares with)."""
    programme = analysis.programme
    return {
        "programme": programme_data,
        "comparison_areas": [
            {"code": c.area.code, "name": c.area.name, "level": c.area.level, "role": c.role}
            for c in analysis.benchmark.comparison_areas
        ],
        "pillars": [
            {
                "id": pa.pillar.pk,
                "name": pa.pillar.name,
                "section": _section(pa.section),
                "domains": [_domain(da) for da in pa.domains],
            }
            for pa in analysis.pillars
        ],
        "summary": [
            {
                "pillar": item.pillar.name,
                "domain": item.domain.name,
                "conclusion": item.section.conclusion,
                "status": item.section.status,
                "factors": item.factor_names,
            }
            for item in analysis.summary
        ],
        "cross_factors": [
            {
                "id": cross.factor.pk,
                "name": cross.factor.name,
                "rank": cross.factor.rank,
                "domains": [d.name for d in cross.domains],
                "domain_count": cross.domain_count,
            }
            for cross in analysis.cross_factors
        ],
        "overall": _section(analysis.overall),
        "qualitative": _section(analysis.qualitative),
        "conversations": _conversations(programme),
        "ambitions": [
            {
                "pillar": a.pillar.name,
                "domain": a.domain.name if a.domain_id else None,
                "text": a.text,
            }
            for a in analysis.ambitions
        ],
    }


@router.get("/programmes", response=list[ProgrammeOut], tags=["programmes"])
def programmes_list(request):
    """The programmes the user may see: own organisation's, partner's and asked-for feedback."""
    return _json([_programme(p) for p in programmes_for_list(request.auth)])


@router.get(
    "/programmes/{int:programme_id}/analysis",
    response={200: AnalysisOut, 404: ErrorOut},
    tags=["programmes"],
)
def programme_analysis_get(request, programme_id: int):
    """The whole wijkanalyse of a programme: per pillar and domain the figures with comparisons
    and flags, the factors (chosen or not), the texts and statuses, striking and missing
    figures; the summary with the cross-domain factors on top, the overall conclusion, the
    qualitative analysis with the partner conversations, and the city ambitions."""
    user = request.auth
    programme = (
        visible_programmes(user)
        .select_related("area", "organisation", "owner", "framework")
        .prefetch_related("partners")
        .filter(pk=programme_id)
        .first()
    )
    if programme is None:
        raise HttpError(404, "Onbekend programma")
    programme.progress = programme_progress([programme.pk])[programme.pk]
    analysis = programme_analysis(programme, user)
    payload = analysis_payload(analysis, _programme(programme))
    payload["consultation"] = consultation_payload(programme, user)
    return _json(payload)
