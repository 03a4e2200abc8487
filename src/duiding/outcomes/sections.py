"""Reads of the questionnaire pages: the rows of an activity's questionnaires (moment, window and
its state, answers so far against the target, current version), the read-only preview of a
version's questions, and the activity page's "Vragenlijsten" section (registered in
`OutcomesConfig.ready`)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from duiding.outcomes.definition import choice_values, scale_values, text
from duiding.outcomes.models import Questionnaire
from duiding.outcomes.permissions import can_manage_outcome, sees_raw_answers

NOT_YET_OPEN, OPEN, CLOSED = "nog_niet_open", "open", "gesloten"
THRESHOLD = 5


def count_text(n: int, raw: bool):
    """A number of answers as shown: as it is to the activity's own organisation (`raw`), and
    outside it "minder dan 5" for 1 to 4 (the house's suppression rule)."""
    if raw or n == 0 or n >= THRESHOLD:
        return n
    return _("minder dan 5")


def version_counts(counts: list[int], raw: bool) -> tuple[list, bool]:
    """The answers per version as shown. Outside the own organisation, when any version has 1 to
    4 answers, no version's count is shown (the others and the total would give it away by
    subtraction); the flag says so."""
    if raw or not any(0 < n < THRESHOLD for n in counts):
        return counts, False
    return ["—" for _n in counts], True


def window_state(questionnaire: Questionnaire, today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    if today < questionnaire.opens_on:
        return NOT_YET_OPEN
    if today > questionnaire.closes_on:
        return CLOSED
    return OPEN


def window_state_label(state: str) -> str:
    return {NOT_YET_OPEN: _("nog niet open"), OPEN: _("open"), CLOSED: _("gesloten")}[state]


def questionnaire_rows(activity, user) -> list[dict]:
    """One row per questionnaire of the activity, in window order (answer counts suppressed
    below 5 for users outside the activity's organisation)."""
    raw = sees_raw_answers(user, activity)
    questionnaires = (
        Questionnaire.objects.filter(activity=activity)
        .annotate(
            n_responses=Count("responses", distinct=True), last_version=Max("versions__number")
        )
        .order_by("opens_on", "pk")
    )
    today = timezone.localdate()
    rows = []
    for q in questionnaires:
        state = window_state(q, today)
        rows.append(
            {
                "questionnaire": q,
                "state": state,
                "state_label": window_state_label(state),
                "responses": count_text(q.n_responses, raw),
                "target": q.target_responses,
                "version": q.last_version or 1,
            }
        )
    return rows


def preview(questions: list[dict], language: str = "nl") -> list[dict]:
    """The questions as the participant sees them: text, hint, and the answer options (scale
    points with their anchor or point texts, choices), in `language` (Dutch where not
    translated), with the English beside it when given."""
    items = []
    for number, q in enumerate(questions, start=1):
        item = {
            "number": number,
            "key": q["key"],
            "kind": q["kind"],
            "label": text(q.get("label"), language),
            "label_en": (q.get("label") or {}).get("en", ""),
            "hint": text(q.get("hint"), language),
            "required": q.get("required", False),
            "measure": q.get("measure", ""),
            "relevant": q.get("relevant", ""),
            "points": [],
            "choices": [],
        }
        if q["kind"] == "scale":
            labels = {c["value"]: text(c["label"], language) for c in q.get("choices") or []}
            anchors = q.get("anchors") or {}
            values = scale_values(q)
            for value in values:
                label = labels.get(str(value), "")
                if not label and value == values[0]:
                    label = text(anchors.get("min"), language)
                if not label and value == values[-1]:
                    label = text(anchors.get("max"), language)
                item["points"].append({"value": value, "label": label})
            item["labelled_points"] = bool(labels)
        elif q["kind"] in ("single", "multiple"):
            item["choices"] = [
                {"value": v, "label": text(c["label"], language)}
                for v, c in zip(choice_values(q), q.get("choices") or [], strict=True)
            ]
        elif q["kind"] == "number":
            item["min"], item["max"] = q.get("min"), q.get("max")
            item["decimals"] = q.get("decimals", 0)
        elif q["kind"] == "text":
            item["max_length"] = q.get("max_length")
        items.append(item)
    return items


def activity_section(request, activity) -> dict | None:
    """The context of the activity page's "Vragenlijsten" section (the activity page has checked
    that the user sees the activity)."""
    return {
        "activity": activity,
        "rows": questionnaire_rows(activity, request.user),
        "can_manage": can_manage_outcome(request.user, activity),
    }
