"""POST /api/v1/questionnaires/{code}/responses: one filled-in questionnaire, without an account
(issue 11), under the same rules as the phone page (`outcomes.answer_services.submit`).

The body (JSON)::

    {"answers": {"nut": 8, "doel": "2", "waar": ["school", "buurt"], "tip": "..."},
     "submission": "<a random token the client makes: 16-64 characters A-Z a-z 0-9 _ ->",
     "card": "K7PX3M2A",          # optional: the code of a paired card
     "language": "nl"}            # optional: "nl" (default) or "en"

The client makes a new random `submission` token for every filled-in form (for example 24
random bytes, base64url) and sends the same token again when it retries after a lost answer:
a token that was stored before is refused with 409, so a retry never stores twice.

Answers: 201 stored; 400 answers that do not fit (`errors`: a Dutch message per question key,
`card` for a wrong card code, `submission` for a missing token); 404 unknown code; 403 not open
yet; 410 closed; 409 replayed token or card already used for this questionnaire; 429 too many
submissions for this questionnaire in this minute. No IP address or user agent is stored or
logged (`core.middleware`).
"""

from __future__ import annotations

import datetime
import json

from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from duiding.api.schemas import ErrorOut
from duiding.outcomes.answer_services import (
    AnswersInvalid,
    CardUsed,
    Replayed,
    UnknownQuestionnaire,
    WindowClosed,
    rate_limit_exceeded,
    submit,
)
from duiding.outcomes.models import Questionnaire, Response

router = Router()


class ResponseIn(Schema):
    answers: dict[str, int | float | str | list[str] | None]
    submission: str  # 16-64 characters A-Z a-z 0-9 _ -
    card: str | None = None
    language: str = "nl"  # "nl" or "en"


class ResponseStoredOut(Schema):
    questionnaire: str  # the code
    version: int
    submitted_on: datetime.date
    answers: int  # answer rows stored (a multiple choice counts one per value)


class AnswerErrorsOut(Schema):
    detail: str  # Dutch
    errors: dict[str, str]  # per question key (and "card", "submission", "__all__")


def _body_schema() -> dict:
    schema = ResponseIn.model_json_schema()
    schema["properties"]["submission"].update({"minLength": 16, "maxLength": 64})
    schema["properties"]["submission"]["pattern"] = "^[A-Za-z0-9_-]{16,64}$"
    return schema


def _invalid(errors: dict[str, str]):
    return Status(400, {"detail": _("Niet alle antwoorden zijn goed ingevuld."), "errors": errors})


def _parse(request) -> dict | None:
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


@router.post(
    "/questionnaires/{code}/responses",
    auth=None,
    response={
        201: ResponseStoredOut,
        400: AnswerErrorsOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        410: ErrorOut,
        429: ErrorOut,
    },
    tags=["outcomes"],
    summary="Store one filled-in questionnaire (public, no account)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _body_schema()}},
        }
    },
)
def response_create(request, code: str):
    """The same rules as the phone page /v/{code}/; see the module docstring for the body and
    the `submission` token."""
    questionnaire = Questionnaire.objects.filter(code=code.upper()).first()
    version = questionnaire.current if questionnaire is not None else None
    if version is None:
        return Status(404, {"detail": _("Deze vragenlijst bestaat niet (meer).")})
    if rate_limit_exceeded(questionnaire.code):
        return Status(
            429, {"detail": _("Te veel antwoorden tegelijk; probeer het over een minuut opnieuw.")}
        )
    data = _parse(request)
    if data is None:
        return _invalid({"__all__": _("De aanvraag is geen geldig JSON-object.")})
    language = data.get("language") if data.get("language") in ("nl", "en") else "nl"
    answers = data.get("answers")
    if not isinstance(answers, dict):
        return _invalid({"answers": _("Het veld ‘answers’ ontbreekt of is geen object.")})
    card = data.get("card")
    if card is not None and not isinstance(card, str):
        return _invalid({"card": _("De kaartcode moet tekst zijn.")})
    token = data.get("submission")
    with translation.override(language):
        try:
            response = submit(
                questionnaire,
                answers,
                card=card or None,
                source=Response.Source.API,
                language=language,
                submission_token=token if isinstance(token, str) else "",
                strict_keys=True,
                version=version,
            )
        except UnknownQuestionnaire as error:
            return Status(404, {"detail": error.message})
        except WindowClosed as error:
            return Status(403 if error.not_yet else 410, {"detail": error.message})
        except AnswersInvalid as error:
            return _invalid(error.errors)
        except (Replayed, CardUsed) as error:
            return Status(409, {"detail": error.message})
    return Status(
        201,
        {
            "questionnaire": questionnaire.code,
            "version": response.questionnaire_version.number,
            "submitted_on": response.submitted_on,
            "answers": response.answers.count(),
        },
    )
