"""GET /api/v1/programmes/{id}/activities and /api/v1/programmes/{id}/prevention-matrix.

Only programmes the user may see (programmes.permissions.visible_programmes); any other id is a
404, whether it exists or not. The matrix comes from `activities.matrix.prevention_matrix`, the
same function the page uses."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Router, Schema
from ninja.errors import HttpError

from duiding.activities.matrix import prevention_matrix
from duiding.activities.selectors import activities_for
from duiding.activities.sentence import activity_sentence
from duiding.api.schemas import ErrorOut
from duiding.programmes.permissions import visible_programmes

router = Router()

Offer = Literal["", "gewenst", "huidig"]  # the `offer` filter of the prevention matrix


class ActivityFactorOut(Schema):
    id: int
    name: str
    effect: str  # versterkt / vermindert


class InterventionOut(Schema):
    id: int
    name: str
    databank: str | None
    recognition_level: str


class ActivityOut(Schema):
    id: int
    name: str
    sentence: str
    description: str
    organisation: dict
    intervention: InterventionOut | None
    results: list[int]
    factors: list[ActivityFactorOut]
    target_group: str
    target_group_size: int | None
    age_phases: list[str]  # codes
    life_areas: list[str]  # codes
    prevention_level: str
    form: str
    continuity: str
    frequency: str
    volume: int | None
    reach: int | None
    evidence_level: int
    offer_kind: str
    version: int
    updated_at: datetime


class CellOut(Schema):
    level: str
    activity_ids: list[int]
    gap: bool


class RowOut(Schema):
    pillar: str | None
    domain: str | None
    result_ids: list[int]
    cells: list[CellOut]


class CheckOut(Schema):
    code: str
    ok: bool
    message: str
    ids: list[int]


class MatrixOut(Schema):
    levels: list[str]
    rows: list[RowOut]
    checks: list[CheckOut]


def _programme(user, programme_id: int):
    programme = visible_programmes(user).filter(pk=programme_id).first()
    if programme is None:
        raise HttpError(404, "Onbekend programma")
    return programme


def activity_payload(a) -> dict:
    return {
        "id": a.pk,
        "name": a.name,
        "sentence": activity_sentence(a),
        "description": a.description,
        "organisation": {"id": a.organisation_id, "name": a.organisation.name},
        "intervention": (
            {
                "id": a.intervention.pk,
                "name": a.intervention.name,
                "databank": a.intervention.databank.name if a.intervention.databank_id else None,
                "recognition_level": a.intervention.recognition_level,
            }
            if a.intervention_id
            else None
        ),
        "results": [r.pk for r in a.results.all()],
        "factors": [
            {"id": link.factor_id, "name": link.factor.name, "effect": link.effect}
            for link in a.factor_links.all()
        ],
        "target_group": a.target_group,
        "target_group_size": a.target_group_size,
        "age_phases": [p.code for p in a.age_phases.all()],
        "life_areas": [p.code for p in a.life_areas.all()],
        "prevention_level": a.prevention_level,
        "form": a.form,
        "continuity": a.continuity,
        "frequency": a.frequency,
        "volume": a.volume,
        "reach": a.reach,
        "evidence_level": a.evidence_level,
        "offer_kind": a.offer_kind,
        "version": a.version,
        "updated_at": a.updated_at,
    }


@router.get(
    "/programmes/{int:programme_id}/activities",
    response={200: list[ActivityOut], 404: ErrorOut},
    tags=["activities"],
)
def programme_activities(request, programme_id: int):
    """The activities of a programme with their sentence ("We zetten X in, zodat Y"), results,
    factors with effect, target group, prevention and evidence level."""
    programme = _programme(request.auth, programme_id)
    return [activity_payload(a) for a in activities_for(programme).order_by("name", "pk")]


@router.get(
    "/programmes/{int:programme_id}/prevention-matrix",
    response={200: MatrixOut, 404: ErrorOut, 422: ErrorOut},
    tags=["activities"],
)
def programme_prevention_matrix(
    request,
    programme_id: int,
    offer: Offer = "",
):
    """Rows pillar → domain with the result ids, cells per prevention level with activity ids
    (gap: a domain with results but no activity at that level), and the package checks.
    `offer`: "gewenst" (desired offer) or "huidig" (current offer); empty for all."""
    programme = _programme(request.auth, programme_id)
    matrix = prevention_matrix(programme, offer=offer)
    rows = []
    for group in matrix["groups"]:
        for row in group["rows"]:
            rows.append(
                {
                    "pillar": group["pillar"].name if group["pillar"] else None,
                    "domain": row.domain.name if row.domain else None,
                    "result_ids": [r.pk for r in row.results],
                    "cells": [
                        {"level": level, "activity_ids": [a.pk for a in acts], "gap": gap}
                        for level, acts, gap in row.cell_list
                    ],
                }
            )
    return {
        "levels": [value for value, _label in matrix["levels"]],
        "rows": rows,
        "checks": [
            {"code": c.code, "ok": c.ok, "message": c.message, "ids": c.ids}
            for c in matrix["checks"]
        ],
    }
