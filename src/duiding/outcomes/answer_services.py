"""Storing one filled-in questionnaire (the phone page and the API), and the rate limit per
questionnaire.

`submit(...)` stores a Response with its Answer rows in one transaction on the questionnaire's
current (latest) version, or raises a `SubmissionRefused` subclass and stores nothing:

- `UnknownQuestionnaire`: no questionnaire with that code, or one without questions;
- `WindowClosed` (`not_yet` True before `opens_on`): outside the open window, by the date in
  Europe/Amsterdam (the project's TIME_ZONE);
- `AnswersInvalid`: the answers do not fit the questions (`errors`: a message per question key;
  `card` for a wrong card code);
- `Replayed`: the submission token was used before (`Response.submission` is unique);
- `CardUsed`: this card already answered this questionnaire.

The submission token says nothing about who answered: the form issues a random one, an API
client makes its own (16 to 64 characters of A-Z a-z 0-9 _ -).
"""

from __future__ import annotations

import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.outcomes.answering import check_answers, unknown_keys
from duiding.outcomes.models import Answer, PairCard, Questionnaire, Response

TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class SubmissionRefused(Exception):
    def __init__(self, message: str = ""):
        self.message = message
        super().__init__(message)


class UnknownQuestionnaire(SubmissionRefused):
    pass


class WindowClosed(SubmissionRefused):
    def __init__(self, message: str, *, not_yet: bool):
        self.not_yet = not_yet
        super().__init__(message)


class AnswersInvalid(SubmissionRefused):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(_("Niet alle antwoorden zijn goed ingevuld."))


class Replayed(SubmissionRefused):
    pass


class CardUsed(SubmissionRefused):
    pass


def window_state(questionnaire: Questionnaire, today=None) -> str:
    """ "open", "not_yet" or "closed" (dates in Europe/Amsterdam)."""
    today = today or timezone.localdate()
    if today < questionnaire.opens_on:
        return "not_yet"
    if today > questionnaire.closes_on:
        return "closed"
    return "open"


def check_window(questionnaire: Questionnaire) -> None:
    state = window_state(questionnaire)
    if state == "not_yet":
        raise WindowClosed(_("Deze vragenlijst is nog niet open."), not_yet=True)
    if state == "closed":
        raise WindowClosed(_("Deze vragenlijst is gesloten."), not_yet=False)


def normalise_card_code(code: str) -> str:
    return re.sub(r"[\s-]", "", str(code or "")).upper()


def find_card(questionnaire: Questionnaire, code) -> PairCard | None:
    """The card with `code` of the questionnaire's activity; AnswersInvalid when unknown."""
    if isinstance(code, PairCard):
        code = code.code
    code = normalise_card_code(code)
    if not code:
        return None
    card = PairCard.objects.filter(code=code, activity_id=questionnaire.activity_id).first()
    if card is None:
        raise AnswersInvalid(
            {
                "card": _(
                    "Deze kaartcode kennen we niet bij deze activiteit. Kijk de code op uw "
                    "kaart nog eens na, of laat het vakje leeg."
                )
            }
        )
    return card


def _card_used(questionnaire, card) -> CardUsed:
    return CardUsed(_("Met kaart %(code)s is deze vragenlijst al ingevuld.") % {"code": card.code})


def submit(
    questionnaire,
    data,
    *,
    card=None,
    source: str = Response.Source.PHONE,
    language: str = "nl",
    submission_token: str,
    strict_keys: bool = False,
    version=None,
) -> Response:
    """Store one submission (see the module docstring). `questionnaire`: a Questionnaire or
    its code; `card`: a PairCard or a card code (optional); `strict_keys`: refuse answers to
    keys that are not a question (the API); `version`: the current version when the caller
    has just read it."""
    if not isinstance(questionnaire, Questionnaire):
        questionnaire = Questionnaire.objects.filter(code=str(questionnaire or "")).first()
    if version is None and questionnaire is not None:
        version = questionnaire.current
    if version is None:
        raise UnknownQuestionnaire(_("Deze vragenlijst bestaat niet (meer)."))
    check_window(questionnaire)
    if not TOKEN.match(str(submission_token or "")):
        raise AnswersInvalid(
            {"submission": _("Het formulier is niet compleet; laad de pagina opnieuw.")}
        )
    language = language if language in ("nl", "en") else "nl"
    checked = check_answers(version.questions, data, language=language)
    errors = dict(checked.errors)
    if strict_keys:
        for key in unknown_keys(version.questions, data):
            errors[key] = _("Deze vragenlijst heeft geen vraag ‘%(key)s’.") % {"key": key[:40]}
    try:
        card = find_card(questionnaire, card)
    except AnswersInvalid as invalid:
        errors.update(invalid.errors)
    if errors:
        raise AnswersInvalid(errors)
    # A replayed token or a card used before: the unique constraints refuse the insert.
    try:
        with transaction.atomic():
            response = Response.objects.create(
                questionnaire=questionnaire,
                questionnaire_version=version,
                card=card,
                submission=submission_token,
                source=source,
                language=language,
                submitted_on=timezone.localdate(),
            )
            for answer in checked.answers:
                answer.response = response
            Answer.objects.bulk_create(checked.answers)
    except IntegrityError:
        if Response.objects.filter(submission=submission_token).exists():
            raise Replayed(_("Deze antwoorden zijn al ontvangen.")) from None
        raise _card_used(questionnaire, card) from None
    return response


# --- rate limit per questionnaire -------------------------------------------------------------


def _now() -> float:
    return time.time()


def rate_limit_exceeded(code: str) -> bool:
    """Count one submission for the questionnaire `code` in the current minute; True when the
    count passes OUTCOME_RATE_LIMIT_PER_MINUTE. Keyed by the questionnaire only (never by a
    client address), in Django's cache (a shared cache when several processes serve)."""
    limit = settings.OUTCOME_RATE_LIMIT_PER_MINUTE
    if not limit:
        return False
    key = f"outcomes:rate:{code}:{int(_now() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    return count > limit
