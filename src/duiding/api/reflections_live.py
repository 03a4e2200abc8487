"""The participant endpoints of a live duidingssessie (the phones; no account), under the same
rules as the phone pages /d/<code>/ (`reflections.live.services`).

- `POST /api/v1/live/{code}/participants` `{"name": ""}` (optional) → 201 `{"token": ...}`: the
  phone keeps the token and sends it as the header `X-Participant` (or the cookie of /d/).
- `GET /api/v1/live/{code}/current` → the session's status and the open question (or null),
  whether this participant answered it, and once revealed the counted answers (no names, no
  open texts: only their number and the words of the short ones).
- `POST /api/v1/live/{code}/answers` `{"question": 12, "choice": "ja"}` (or `"number": 4`, or
  `"text": "..."`) → 201; 400 not one of the options / too long (Dutch `detail`, `field`);
  403 no (known) participant token; 404 unknown code; 409 answered before, or not the open
  question; 410 the session has ended.

No IP address or user agent is stored or logged (`core.middleware` blanks them on /api/v1/live/).
"""

from __future__ import annotations

import json

from django.utils.translation import gettext as _
from ninja import Header, Path, Router, Schema, Status

from duiding.api.schemas import ErrorOut
from duiding.reflections.live import services
from duiding.reflections.live.public import cookie_name
from duiding.reflections.models import LiveQuestion
from duiding.reflections.models import Status as SessionStatus

router = Router()

CODE = Path(..., pattern=r"^[A-Za-z0-9 -]{1,20}$", description="the join code on the screen")
TOKEN = Header(
    None, alias="X-Participant", description="the token of POST /participants (or the cookie)"
)


def _body_doc(properties: dict, required: list[str]) -> dict:
    schema = {"type": "object", "properties": properties, "required": required}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


JOIN_BODY = _body_doc({"name": {"type": "string", "maxLength": 80}}, [])
ANSWER_BODY = _body_doc(
    {
        "question": {"type": "integer", "minimum": 1},
        "choice": {"type": "string", "maxLength": 200},
        "number": {"type": "integer"},
        "text": {"type": "string", "maxLength": services.OPEN_ANSWER_MAX},
    },
    ["question"],
)


class LiveParticipantOut(Schema):
    token: str
    name: str


class LiveQuestionOut(Schema):
    id: int
    kind: str  # herkennen / schaal / keuze / open
    text: str
    options: list[str]  # herkennen: ja / deels / nee; keuze: the options
    scale_min: int | None = None
    scale_max: int | None = None
    scale_low_label: str = ""
    scale_high_label: str = ""
    open: bool  # answers accepted now


class LiveBarOut(Schema):
    value: str
    label: str
    count: int
    percent: int


class LiveResultsOut(Schema):
    total: int
    bars: list[LiveBarOut]
    words: list[tuple[str, int]]


class LiveCurrentOut(Schema):
    status: str  # voorbereid / bezig / afgerond
    question: LiveQuestionOut | None
    answered: bool
    results: LiveResultsOut | None


class LiveAnswerStoredOut(Schema):
    question: int
    stored: bool


class LiveAnswerErrorOut(Schema):
    detail: str  # Dutch
    field: str


def _reflection(code: str):
    return services.reflection_by_code(code)


def _unknown():
    return Status(404, {"detail": _("Deze code kennen we niet.")})


def _participant(request, reflection, header: str | None):
    token = header or request.COOKIES.get(cookie_name(reflection))
    return services.participant_for(reflection, token)


def _body(request) -> dict | None:
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


@router.post(
    "/live/{code}/participants",
    auth=None,
    response={
        201: LiveParticipantOut,
        400: LiveAnswerErrorOut,
        404: ErrorOut,
        410: ErrorOut,
        422: ErrorOut,
    },
    tags=["reflections"],
    summary="Join a live session (public, no account)",
    openapi_extra=JOIN_BODY,
)
def live_join(request, code: str = CODE):
    reflection = _reflection(code)
    if reflection is None:
        return _unknown()
    data = _body(request)
    if data is None:
        return Status(
            400, {"detail": _("De aanvraag is geen geldig JSON-object."), "field": "__all__"}
        )
    name = data.get("name") or ""
    if not isinstance(name, str):
        return Status(400, {"detail": _("Naam: moet tekst zijn."), "field": "name"})
    try:
        participant = services.join(reflection, name)
    except services.AnswerRefused as refused:
        if refused.status == 410:
            return Status(410, {"detail": refused.message})
        return Status(400, {"detail": refused.message, "field": refused.field})
    return Status(201, {"token": participant.token, "name": participant.name})


def _question_out(question, reflection) -> dict:
    if question.kind == LiveQuestion.Kind.RECOGNISE:
        options = list(services.recognise_labels())
    else:
        options = list(question.choices or [])
    scale = question.kind == LiveQuestion.Kind.SCALE
    return {
        "id": question.pk,
        "kind": question.kind,
        "text": question.text,
        "options": options,
        "scale_min": question.scale_min if scale else None,
        "scale_max": question.scale_max if scale else None,
        "scale_low_label": question.scale_low_label if scale else "",
        "scale_high_label": question.scale_high_label if scale else "",
        "open": question.state == LiveQuestion.State.OPEN
        and reflection.status == SessionStatus.RUNNING,
    }


@router.get(
    "/live/{code}/current",
    auth=None,
    response={200: LiveCurrentOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    tags=["reflections"],
    summary="The question open on the phones of a live session",
)
def live_current(request, code: str = CODE, x_participant: str | None = TOKEN):
    reflection = _reflection(code)
    if reflection is None:
        return _unknown()
    participant = _participant(request, reflection, x_participant)
    if participant is None:
        return Status(403, {"detail": _("Meld je eerst aan voor deze sessie.")})
    question = reflection.current_question
    out = {"status": reflection.status, "question": None, "answered": False, "results": None}
    if question is not None and question.state != LiveQuestion.State.DRAFT:
        out["question"] = _question_out(question, reflection)
        out["answered"] = question.answers.filter(participant=participant).exists()
        if question.revealed:
            summary = services.summary(question)
            out["results"] = {
                "total": summary.total,
                "bars": [vars(bar) for bar in summary.bars],
                "words": summary.words,
            }
    return out


@router.post(
    "/live/{code}/answers",
    auth=None,
    response={
        201: LiveAnswerStoredOut,
        400: LiveAnswerErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        410: ErrorOut,
        422: ErrorOut,
    },
    tags=["reflections"],
    summary="Answer the open question of a live session (one answer per participant)",
    openapi_extra=ANSWER_BODY,
)
def live_answer(request, code: str = CODE, x_participant: str | None = TOKEN):
    reflection = _reflection(code)
    if reflection is None:
        return _unknown()
    participant = _participant(request, reflection, x_participant)
    if participant is None:
        return Status(403, {"detail": _("Meld je eerst aan voor deze sessie.")})
    data = _body(request)
    if data is None:
        return Status(
            400, {"detail": _("De aanvraag is geen geldig JSON-object."), "field": "__all__"}
        )
    values = {k: data[k] for k in ("choice", "number", "text") if k in data}
    if any(isinstance(v, dict | list) for v in values.values()):
        return Status(400, {"detail": _("Antwoord: één waarde, geen lijst."), "field": "__all__"})
    try:
        answer = services.submit_answer(participant, data.get("question"), values)
    except services.AnswerRefused as refused:
        if refused.status == 400:
            return Status(400, {"detail": refused.message, "field": refused.field})
        return Status(refused.status, {"detail": refused.message})
    return Status(201, {"question": answer.question_id, "stored": True})
