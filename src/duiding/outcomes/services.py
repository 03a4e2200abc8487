"""Writes of questionnaires: create, change the details, change the questions (with versions),
delete. One transaction per call; bad input raises a ValidationError with Dutch messages per field
(`questions` for the question list) and leaves the database unchanged. Every edit carries the
`version` the editor started from (core/versioning.py): a stale save raises StaleEdit.

Versions: the questions live in `QuestionnaireVersion.questions`. When the current version has
answers, a changed question list makes a new version (the answers keep theirs); without answers the
current version's questions are replaced. An unchanged list writes nothing. Every write records a
`QuestionnaireChange` with a snapshot (the history; a deletion keeps every version's questions).
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from duiding.core.versioning import _text as version_text
from duiding.core.versioning import lock_and_check
from duiding.outcomes.definition import DefinitionError, clean_questions
from duiding.outcomes.models import (
    Moment,
    Questionnaire,
    QuestionnaireChange,
    QuestionnaireVersion,
    Response,
)

DETAIL_FIELDS = (
    "title",
    "title_en",
    "intro",
    "intro_en",
    "moment",
    "opens_on",
    "closes_on",
    "target_responses",
    "open_answers_shareable",
)


# --- Checks ------------------------------------------------------------------------------------


def _check_details(activity, data: dict, plans) -> tuple[dict, list]:
    """The details cleaned, and the measurement plans as objects; raises ValidationError."""
    errors: dict[str, list[str]] = {}
    cleaned = dict(data)
    for name in ("title", "title_en", "intro", "intro_en"):
        cleaned[name] = str(cleaned.get(name) or "").strip()
    if not cleaned["title"]:
        errors.setdefault("title", []).append(_("Geef de vragenlijst een titel."))
    if cleaned.get("moment") not in Moment.values:
        errors.setdefault("moment", []).append(
            _("Kies het moment: voormeting, tussenmeting, eindmeting of doorlopend.")
        )
    opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
    if opens_on is None:
        errors.setdefault("opens_on", []).append(_("Vul in vanaf wanneer de vragenlijst open is."))
    if closes_on is None:
        errors.setdefault("closes_on", []).append(_("Vul in tot wanneer de vragenlijst open is."))
    if opens_on and closes_on and closes_on < opens_on:
        errors.setdefault("closes_on", []).append(
            _(
                "‘Open tot en met’ ligt vóór ‘open vanaf’: de vragenlijst moet minstens één dag "
                "open zijn."
            )
        )
    target = cleaned.get("target_responses")
    if target is not None and target < 1:
        errors.setdefault("target_responses", []).append(
            _("Het gewenst aantal antwoorden is minstens 1 (of laat het leeg).")
        )
    cleaned["open_answers_shareable"] = bool(cleaned.get("open_answers_shareable"))
    plan_list = list(plans or ())
    foreign = [p for p in plan_list if p.activity_id != activity.pk]
    if foreign:
        errors.setdefault("measurement_plans", []).append(
            _("Meetplan ‘%(plan)s’ hoort niet bij deze activiteit; kies een meetplan van %(name)s.")
            % {"plan": foreign[0].label, "name": activity.name}
        )
    if errors:
        raise ValidationError(errors)
    return cleaned, plan_list


def _clean(questions) -> list[dict]:
    try:
        return clean_questions(questions)
    except DefinitionError as error:
        raise ValidationError({"questions": error.messages}) from None


def has_answers(version: QuestionnaireVersion | None) -> bool:
    return version is not None and Response.objects.filter(questionnaire_version=version).exists()


# --- Questionnaire -----------------------------------------------------------------------------


@transaction.atomic
def questionnaire_create(
    *,
    activity,
    user,
    title: str,
    moment: str,
    opens_on,
    closes_on,
    target_responses: int | None = None,
    intro: str = "",
    title_en: str = "",
    intro_en: str = "",
    questions: list[dict],
    measurement_plans=(),
    open_answers_shareable: bool = False,
) -> Questionnaire:
    """A questionnaire of the activity with version 1 holding `questions`."""
    data = {
        "title": title,
        "title_en": title_en,
        "intro": intro,
        "intro_en": intro_en,
        "moment": moment,
        "opens_on": opens_on,
        "closes_on": closes_on,
        "target_responses": target_responses,
        "open_answers_shareable": open_answers_shareable,
    }
    try:
        details, plans = _check_details(activity, data, measurement_plans)
    except ValidationError as error:
        problems = error.message_dict
        try:
            _clean(questions)
        except ValidationError as more:
            problems.update(more.message_dict)
        raise ValidationError(problems) from None
    cleaned = _clean(questions)
    questionnaire = Questionnaire.objects.create(
        activity=activity, created_by=user, updated_by=user, **details
    )
    questionnaire.measurement_plans.set(plans)
    QuestionnaireVersion.objects.create(
        questionnaire=questionnaire, number=1, questions=cleaned, created_by=user
    )
    QuestionnaireChange.record(
        questionnaire,
        user=user,
        action=QuestionnaireChange.Action.CREATED,
        summary=_("Vragenlijst aangemaakt: %(title)s") % {"title": questionnaire.title},
    )
    return questionnaire


def _mine(questionnaire: Questionnaire, data: dict) -> dict:
    """field -> (label, the editor's value as text), for the stale-edit comparison."""
    return {
        name: (str(Questionnaire._meta.get_field(name).verbose_name), version_text(data.get(name)))
        for name in ("title", "moment", "opens_on", "closes_on", "target_responses", "intro")
    }


@transaction.atomic
def questionnaire_update(
    questionnaire: Questionnaire,
    *,
    user,
    expected_version: int | None,
    measurement_plans=None,
    **details,
) -> Questionnaire:
    """Change the details (title, moment, window, target, texts, plans, sharing of open answers).
    Fields not given keep their value; `measurement_plans=None` keeps the linked plans."""
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    data = {name: details.get(name, getattr(questionnaire, name)) for name in DETAIL_FIELDS}
    lock_and_check(questionnaire, expected_version, _mine(questionnaire, data))
    plans = (
        questionnaire.measurement_plans.all() if measurement_plans is None else measurement_plans
    )
    cleaned, plan_list = _check_details(questionnaire.activity, data, plans)
    for name, value in cleaned.items():
        setattr(questionnaire, name, value)
    questionnaire.updated_by = user
    questionnaire.save()
    questionnaire.measurement_plans.set(plan_list)
    QuestionnaireChange.record(
        questionnaire,
        user=user,
        action=QuestionnaireChange.Action.UPDATED,
        summary=_("Gegevens gewijzigd: %(title)s") % {"title": questionnaire.title},
    )
    return questionnaire


@transaction.atomic
def questionnaire_delete(questionnaire: Questionnaire, *, user) -> None:
    """Delete a questionnaire that has no answers yet (its history keeps a snapshot)."""
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    count = locked.responses.count()
    if count:
        raise ValidationError(
            _(
                "Deze vragenlijst heeft al %(n)s antwoorden en kan niet worden verwijderd: de "
                "antwoorden zouden verloren gaan. Sluit de vragenlijst (zet ‘open tot en met’ op "
                "vandaag) als er geen antwoorden meer bij moeten komen."
            )
            % {"n": count}
        )
    QuestionnaireChange.record(
        locked,
        user=user,
        action=QuestionnaireChange.Action.DELETED,
        summary=_("Vragenlijst verwijderd: %(title)s") % {"title": locked.title},
    )
    locked.delete()


# --- Questions ---------------------------------------------------------------------------------


def next_version_number(questionnaire: Questionnaire) -> int | None:
    """The number the next question change makes when the current version has answers (None:
    a change replaces the current version's questions)."""
    current = questionnaire.current
    return current.number + 1 if has_answers(current) else None


@transaction.atomic
def questions_save(
    questionnaire: Questionnaire, questions: list[dict], *, user, expected_version: int | None
) -> QuestionnaireVersion:
    """Store a new question list: a new version when the current one has answers, else in the
    current version. Returns the version that holds the questions now."""
    lock_and_check(questionnaire, expected_version)
    cleaned = _clean(questions)
    current = questionnaire.current
    if current is not None and current.questions == cleaned:
        questionnaire.version -= 1  # nothing changed: lock_and_check moved it on in memory only
        return current
    if current is None or has_answers(current):
        number = current.number + 1 if current else 1
        version = QuestionnaireVersion.objects.create(
            questionnaire=questionnaire, number=number, questions=cleaned, created_by=user
        )
        summary = _("Vragen gewijzigd: versie %(n)s gemaakt") % {"n": number}
    else:
        version = current
        version.questions = cleaned
        version.created_by = user
        version.save(update_fields=["questions", "created_by"])
        summary = _("Vragen gewijzigd in versie %(n)s") % {"n": version.number}
    questionnaire.updated_by = user
    questionnaire.save(update_fields=["version", "updated_by", "updated_at"])
    QuestionnaireChange.record(
        questionnaire, user=user, action=QuestionnaireChange.Action.QUESTIONS, summary=summary
    )
    return version


def _questions(questionnaire: Questionnaire) -> list[dict]:
    current = questionnaire.current
    return [dict(q) for q in (current.questions if current else [])]


def _index(questions: list[dict], key: str) -> int:
    for i, q in enumerate(questions):
        if q.get("key") == key:
            return i
    raise ValidationError(
        {
            "questions": [
                _("Vraag ‘%(key)s’ bestaat niet (meer) in deze vragenlijst.") % {"key": key}
            ]
        }
    )


def new_key(label: str, taken) -> str:
    """A question key made from its Dutch text: lower case, [a-z0-9_], unique among `taken`."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:30].rstrip("_")
    if not base or not base[0].isalpha():
        base = f"vraag_{base}".rstrip("_")
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def question_add(
    questionnaire: Questionnaire,
    question: dict,
    *,
    user,
    expected_version: int | None,
    position: int | None = None,
) -> QuestionnaireVersion:
    """Add one question (at the end, or before `position`, 0-based); without a key one is made
    from its text."""
    questions = _questions(questionnaire)
    question = dict(question)
    if not str(question.get("key") or "").strip():
        label = question.get("label") or {}
        text = label.get("nl", "") if isinstance(label, dict) else str(label)
        question["key"] = new_key(text, {q.get("key") for q in questions})
    at = len(questions) if position is None else max(0, min(position, len(questions)))
    questions.insert(at, question)
    return questions_save(questionnaire, questions, user=user, expected_version=expected_version)


def question_update(
    questionnaire: Questionnaire, key: str, question: dict, *, user, expected_version: int | None
) -> QuestionnaireVersion:
    """Replace the question with this key (it keeps its key)."""
    questions = _questions(questionnaire)
    questions[_index(questions, key)] = {**question, "key": key}
    return questions_save(questionnaire, questions, user=user, expected_version=expected_version)


def question_remove(
    questionnaire: Questionnaire, key: str, *, user, expected_version: int | None
) -> QuestionnaireVersion:
    questions = _questions(questionnaire)
    del questions[_index(questions, key)]
    return questions_save(questionnaire, questions, user=user, expected_version=expected_version)


def question_move(
    questionnaire: Questionnaire, key: str, step: int, *, user, expected_version: int | None
) -> QuestionnaireVersion:
    """Move a question one place up (step -1) or down (+1); at the edge nothing changes."""
    questions = _questions(questionnaire)
    i = _index(questions, key)
    j = i + (1 if step > 0 else -1)
    if 0 <= j < len(questions):
        questions[i], questions[j] = questions[j], questions[i]
    return questions_save(questionnaire, questions, user=user, expected_version=expected_version)
