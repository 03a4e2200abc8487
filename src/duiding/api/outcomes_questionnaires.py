"""GET /api/v1/questionnaires/{id} (the definition) and GET /api/v1/questionnaires/{id}/xlsform
(the same questions as an XLSForm workbook).

Only questionnaires of activities the user may see (outcomes.permissions.questionnaire_or_404);
any other id is a 404, whether it exists or not. The definition holds no answers, so everybody
who sees the programme reads it. The questions are the stored dicts of the latest version (schema
in outcomes/models.py and outcomes/definition.py); keys without a value are left out."""

from __future__ import annotations

import datetime

from django.http import HttpResponse
from django.utils.text import slugify
from ninja import Router, Schema

from duiding.api.schemas import ErrorOut
from duiding.core.exports import XLSX_CONTENT_TYPE
from duiding.outcomes.permissions import questionnaire_or_404
from duiding.outcomes.xlsform import write_xlsform

router = Router()


class QuestionnaireTextsOut(Schema):
    nl: str
    en: str


class QuestionnaireAnchorsOut(Schema):
    min: QuestionnaireTextsOut
    max: QuestionnaireTextsOut


class QuestionnaireChoiceOut(Schema):
    value: str
    label: QuestionnaireTextsOut


class QuestionnaireQuestionOut(Schema):
    key: str
    kind: str  # scale, single, multiple, number, text, note
    label: QuestionnaireTextsOut
    hint: QuestionnaireTextsOut | None = None
    required: bool = False
    measure: str | None = None  # the standard measure it feeds, "" for none
    relevant: str | None = None  # XLSForm-style skip logic, "" for none
    constraint: str | None = None
    constraint_message: QuestionnaireTextsOut | None = None
    min: int | float | None = None  # scale; number (optional bound)
    max: int | float | None = None
    anchors: QuestionnaireAnchorsOut | None = None  # scale
    choices: list[QuestionnaireChoiceOut] | None = None  # single, multiple (and scale labels)
    decimals: int | None = None  # number
    max_length: int | None = None  # text


class QuestionnaireActivityOut(Schema):
    id: int
    name: str


class QuestionnaireOut(Schema):
    id: int
    code: str  # the public answer code (/v/<code>)
    title: str
    title_en: str
    intro: str
    intro_en: str
    activity: QuestionnaireActivityOut
    moment: str  # voormeting, tussenmeting, eindmeting, doorlopend
    opens_on: datetime.date
    closes_on: datetime.date
    target_responses: int | None = None  # left out when not set
    version: int  # the number of the latest version of the questions
    questions: list[QuestionnaireQuestionOut]


@router.get(
    "/questionnaires/{int:questionnaire_id}",
    response={200: QuestionnaireOut, 404: ErrorOut},
    exclude_none=True,
    tags=["outcomes"],
)
def questionnaire_get(request, questionnaire_id: int):
    """The definition of a questionnaire: title, moment, window (from - to inclusive), the
    version number and the questions of that version."""
    questionnaire = questionnaire_or_404(request.auth, questionnaire_id)
    current = questionnaire.current
    return {
        "id": questionnaire.pk,
        "code": questionnaire.code,
        "title": questionnaire.title,
        "title_en": questionnaire.title_en,
        "intro": questionnaire.intro,
        "intro_en": questionnaire.intro_en,
        "activity": {"id": questionnaire.activity_id, "name": questionnaire.activity.name},
        "moment": questionnaire.moment,
        "opens_on": questionnaire.opens_on,
        "closes_on": questionnaire.closes_on,
        "target_responses": questionnaire.target_responses,
        "version": current.number if current else 0,
        "questions": list(current.questions) if current else [],
    }


XLSFORM_RESPONSE = {
    "description": "The questions as an XLSForm (sheets survey, choices and settings).",
    "content": {XLSX_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}},
}


@router.get(
    "/questionnaires/{int:questionnaire_id}/xlsform",
    response={404: ErrorOut},
    openapi_extra={"responses": {"200": XLSFORM_RESPONSE}},
    tags=["outcomes"],
)
def questionnaire_xlsform(request, questionnaire_id: int):
    """The questions of the latest version as an XLSForm workbook (.xlsx) that pyxform, ODK and
    KoboToolbox read; labels in label::Dutch (nl) and label::English (en)."""
    questionnaire = questionnaire_or_404(request.auth, questionnaire_id)
    response = HttpResponse(write_xlsform(questionnaire), content_type=XLSX_CONTENT_TYPE)
    name = slugify(questionnaire.title)[:60] or "vragenlijst"
    response["Content-Disposition"] = f'attachment; filename="{name}-xlsform.xlsx"'
    return response
