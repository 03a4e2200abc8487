"""Writes and reads of the live session (facilitator and phones).

Facilitator (who `can_steer`): start and end the session, add questions to an agenda item, open
one (it becomes `reflection.current_question`, the phones move to it), close it, reveal or hide
its results, and moderate open answers (hide, a group label, into the minutes).

Phones (no account): `join` makes a `Participant` with a random token (the phone keeps it in a
cookie); `submit_answer` stores one answer per participant and question, or raises
`AnswerRefused` with a Dutch message (nothing stored). No IP address or user agent is stored.

`answers_version` is the cheap fingerprint of what the projector shows (the question's state and
moderation version, the number of answers and the last one): the projector fragment answers 204
while it stays the same.
"""

from __future__ import annotations

import secrets
import string

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.reflections.live.aggregation import AnswerRow, QuestionSpec, Summary, aggregate
from duiding.reflections.models import (
    RECOGNISE_CHOICES,
    LiveAnswer,
    LiveQuestion,
    Participant,
    Reflection,
    ReflectionChange,
    Status,
)

OPEN_ANSWER_MAX = 500
NAME_MAX = 80
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class LiveError(Exception):
    """A facilitator's action that cannot be done now (Dutch message, nothing changed)."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


class AnswerRefused(Exception):
    """A phone's answer that is not stored; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400, field: str = "__all__"):
        self.message, self.status, self.field = message, status, field
        super().__init__(message)


# Join codes ---------------------------------------------------------------------------------


def normalise_code(value: str) -> str:
    """What a person typed, as a code: upper case, without spaces and dashes."""
    return "".join(
        ch for ch in str(value or "").upper() if ch in string.ascii_uppercase + "0123456789"
    )[:8]


def new_join_code(length: int = 6) -> str:
    """A free join code (6 characters without look-alikes)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
        if not Reflection.objects.filter(join_code=code).exists():
            return code


def reflection_by_code(code: str) -> Reflection | None:
    code = normalise_code(code)
    if not code:
        return None
    return Reflection.objects.filter(join_code=code).select_related("current_question").first()


# The session --------------------------------------------------------------------------------


def _record(reflection: Reflection, user, summary: str) -> None:
    ReflectionChange.record(
        reflection,
        user=user,
        summary=summary,
        snapshot={
            "status": reflection.status,
            "current_question": reflection.current_question_id,
        },
    )


def _locked(reflection: Reflection) -> Reflection:
    return Reflection.objects.select_for_update().get(pk=reflection.pk)


@transaction.atomic
def start_session(reflection: Reflection, user) -> Reflection:
    current = _locked(reflection)
    if current.status == Status.RUNNING:
        raise LiveError(_("De sessie is al begonnen."))
    if current.status == Status.DONE:
        raise LiveError(_("De sessie is afgerond; hij kan niet opnieuw beginnen."))
    current.status = Status.RUNNING
    current.started_at = timezone.now()
    current.version = F("version") + 1
    current.save(update_fields=["status", "started_at", "version", "updated_at"])
    current.refresh_from_db()
    _record(current, user, _("Live sessie gestart"))
    return current


@transaction.atomic
def end_session(reflection: Reflection, user) -> Reflection:
    current = _locked(reflection)
    if current.status != Status.RUNNING:
        raise LiveError(
            _("De sessie is niet bezig; alleen een lopende sessie kan worden beëindigd.")
        )
    now = timezone.now()
    current.questions.filter(state=LiveQuestion.State.OPEN).update(
        state=LiveQuestion.State.CLOSED, closed_at=now, version=F("version") + 1
    )
    current.status = Status.DONE
    current.ended_at = now
    current.version = F("version") + 1
    current.save(update_fields=["status", "ended_at", "version", "updated_at"])
    current.refresh_from_db()
    _record(current, user, _("Live sessie beëindigd"))
    return current


# Questions ----------------------------------------------------------------------------------


@transaction.atomic
def create_question(
    reflection: Reflection, item, *, user, kind: str, text: str, **settings
) -> LiveQuestion:
    last = reflection.questions.aggregate(last=Max("order"))["last"] or 0
    question = LiveQuestion.objects.create(
        reflection=reflection,
        item=item,
        kind=kind,
        text=text,
        choices=list(settings.get("choices") or []),
        scale_min=settings.get("scale_min", 1),
        scale_max=settings.get("scale_max", 5),
        scale_low_label=settings.get("scale_low_label") or "",
        scale_high_label=settings.get("scale_high_label") or "",
        order=last + 1,
    )
    _record(reflection, user, _("Live vraag toegevoegd: %(text)s") % {"text": text[:200]})
    return question


def _locked_question(question: LiveQuestion) -> LiveQuestion:
    return LiveQuestion.objects.select_for_update().get(pk=question.pk)


@transaction.atomic
def open_question(question: LiveQuestion, user) -> LiveQuestion:
    reflection = _locked(question.reflection)
    if reflection.status != Status.RUNNING:
        raise LiveError(_("Start eerst de sessie; daarna kunt u een vraag openen."))
    now = timezone.now()
    reflection.questions.filter(state=LiveQuestion.State.OPEN).exclude(pk=question.pk).update(
        state=LiveQuestion.State.CLOSED, closed_at=now, version=F("version") + 1
    )
    current = _locked_question(question)
    current.state = LiveQuestion.State.OPEN
    current.opened_at = current.opened_at or now
    current.closed_at = None
    current.version += 1
    current.save(update_fields=["state", "opened_at", "closed_at", "version"])
    reflection.current_question = current
    reflection.save(update_fields=["current_question", "updated_at"])
    _record(reflection, user, _("Vraag geopend: %(text)s") % {"text": current.text[:200]})
    return current


@transaction.atomic
def close_question(question: LiveQuestion, user) -> LiveQuestion:
    current = _locked_question(question)
    if current.state != LiveQuestion.State.OPEN:
        raise LiveError(_("Deze vraag is niet open."))
    current.state = LiveQuestion.State.CLOSED
    current.closed_at = timezone.now()
    current.version += 1
    current.save(update_fields=["state", "closed_at", "version"])
    _record(current.reflection, user, _("Vraag gesloten: %(text)s") % {"text": current.text[:200]})
    return current


@transaction.atomic
def set_revealed(question: LiveQuestion, revealed: bool, user) -> LiveQuestion:
    current = _locked_question(question)
    current.revealed = revealed
    current.version += 1
    current.save(update_fields=["revealed", "version"])
    return current


@transaction.atomic
def moderate_answer(
    answer: LiveAnswer, user, *, hidden=None, group=None, promoted=None
) -> LiveAnswer:
    """Hide or show an open answer, give it a group label, take it into the minutes (or not)."""
    current = LiveAnswer.objects.select_for_update().get(pk=answer.pk)
    fields = []
    if hidden is not None:
        current.hidden, fields = bool(hidden), [*fields, "hidden"]
    if group is not None:
        current.group, fields = str(group).strip()[:80], [*fields, "group"]
    if promoted is not None:
        current.promoted, fields = bool(promoted), [*fields, "promoted"]
    if fields:
        current.save(update_fields=fields)
        LiveQuestion.objects.filter(pk=current.question_id).update(version=F("version") + 1)
    return current


def next_question(reflection: Reflection) -> LiveQuestion | None:
    """The question after the current one that was not opened yet (in agenda order)."""
    drafts = reflection.questions.filter(state=LiveQuestion.State.DRAFT).order_by("order", "pk")
    current = reflection.current_question
    if current is not None:
        later = drafts.filter(order__gt=current.order).first()
        if later is not None:
            return later
    return drafts.first()


# Phones -------------------------------------------------------------------------------------


def join(reflection: Reflection, name: str = "") -> Participant:
    status = Reflection.objects.filter(pk=reflection.pk).values_list("status", flat=True).first()
    if status == Status.DONE:
        raise AnswerRefused(_("Deze sessie is afgelopen; meedoen kan niet meer."), status=410)
    name = " ".join(str(name or "").split())
    if len(name) > NAME_MAX:
        raise AnswerRefused(_("Naam: hoogstens %(max)d tekens.") % {"max": NAME_MAX}, field="name")
    return Participant.objects.create(
        reflection=reflection, token=secrets.token_urlsafe(32), name=name
    )


def participant_for(reflection: Reflection, token: str | None) -> Participant | None:
    if not token or len(token) > 64:
        return None
    return Participant.objects.filter(reflection=reflection, token=token).first()


def recognise_labels() -> dict[str, str]:
    return {value: str(label) for value, label in RECOGNISE_CHOICES}


def spec_of(question: LiveQuestion) -> QuestionSpec:
    return QuestionSpec(
        kind=question.kind,
        choices=tuple(question.choices or ()),
        scale_min=question.scale_min,
        scale_max=question.scale_max,
        labels=recognise_labels(),
    )


def _clean_answer(question: LiveQuestion, data: dict) -> dict:
    kind = question.kind
    if kind == LiveQuestion.Kind.OPEN:
        text = str(data.get("text") or "").strip()
        if not text:
            raise AnswerRefused(_("Antwoord: typ eerst je antwoord."), field="text")
        if len(text) > OPEN_ANSWER_MAX:
            raise AnswerRefused(
                _("Antwoord: hoogstens %(max)d tekens (je typte er %(n)d).")
                % {"max": OPEN_ANSWER_MAX, "n": len(text)},
                field="text",
            )
        return {"text": text}
    if kind == LiveQuestion.Kind.SCALE:
        try:
            number = int(str(data.get("number", "")).strip())
        except ValueError:
            number = None
        if number is None or not question.scale_min <= number <= question.scale_max:
            raise AnswerRefused(
                _("Antwoord: kies een getal van %(min)d tot en met %(max)d.")
                % {"min": question.scale_min, "max": question.scale_max},
                field="number",
            )
        return {"number": number}
    allowed = (
        [v for v, _label in RECOGNISE_CHOICES]
        if kind == LiveQuestion.Kind.RECOGNISE
        else list(question.choices or [])
    )
    choice = str(data.get("choice") or "")
    if choice not in allowed:
        raise AnswerRefused(_("Antwoord: kies een van de mogelijkheden."), field="choice")
    return {"choice": choice}


def submit_answer(participant: Participant, question_id, data: dict) -> LiveAnswer:
    """Store the participant's answer to the open question, or raise AnswerRefused."""
    reflection = (
        Reflection.objects.filter(pk=participant.reflection_id)
        .only("status", "current_question")
        .get()
    )
    if reflection.status == Status.DONE:
        raise AnswerRefused(_("Deze sessie is afgelopen; antwoorden kan niet meer."), status=410)
    if reflection.status != Status.RUNNING:
        raise AnswerRefused(_("Deze sessie is nog niet begonnen."), status=409)
    try:
        question_id = int(question_id)
    except (TypeError, ValueError):
        question_id = None
    question = (
        LiveQuestion.objects.filter(pk=question_id, reflection_id=reflection.pk).first()
        if question_id
        else None
    )
    if question is None or question.pk != reflection.current_question_id:
        raise AnswerRefused(
            _("Deze vraag staat niet (meer) open. Kijk op het scherm welke vraag nu open is."),
            status=409,
        )
    if question.state != LiveQuestion.State.OPEN:
        raise AnswerRefused(_("Deze vraag is gesloten; antwoorden kan niet meer."), status=409)
    values = _clean_answer(question, data)
    try:
        with transaction.atomic():
            return LiveAnswer.objects.create(question=question, participant=participant, **values)
    except IntegrityError:
        raise AnswerRefused(
            _("Je hebt deze vraag al beantwoord; je antwoord telt één keer."), status=409
        ) from None


# Reads --------------------------------------------------------------------------------------


def answers_version(question: LiveQuestion | None, reflection: Reflection | None = None) -> str:
    """The fingerprint of what the projector shows of the question (and which question it is)."""
    if question is None:
        status = reflection.status if reflection is not None else ""
        return f"none-{status}"
    counts = question.answers.aggregate(n=Count("pk"), last=Max("pk"))
    status = reflection.status if reflection is not None else ""
    return (
        f"{question.pk}-{question.version}-{question.state}-{int(question.revealed)}-"
        f"{counts['n']}-{counts['last'] or 0}-{status}"
    )


def answer_rows(question: LiveQuestion) -> list[AnswerRow]:
    return [
        AnswerRow(
            choice=a.choice,
            number=a.number,
            text=a.text,
            hidden=a.hidden,
            group=a.group,
            promoted=a.promoted,
            name=a.participant.name,
            pk=a.pk,
        )
        for a in question.answers.select_related("participant").order_by("pk")
    ]


def summary(question: LiveQuestion) -> Summary:
    return aggregate(spec_of(question), answer_rows(question))
