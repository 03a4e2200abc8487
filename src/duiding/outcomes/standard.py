"""The seed's standard outcome items as questions (seed 003, Bijlage 9 "Voorbeelden meten
outcome", the outcome indicators of the jeugdhulp basis set), word for word, each with an English
translation. `standard_questions(measure, ...)` gives the question dicts of one standard measure
(schema in `outcomes/models.py`); they pass `definition.clean_questions`.

- tevredenheid: the school mark 1–10 with its two anchor texts;
- doelrealisatie: per goal −1 / 0 / 1 / 2;
- verder_zonder_hulp: 1–4 with the four statements;
- afname_problematiek: the five steps, determined by the professional from two measurements (the
  same five categories the outcome page derives from paired scores: `CHANGE_CATEGORIES`);
- uitval: reden beëindiging, codes 1–5;
- bereik: "Kent u …?" and "Heeft u deelgenomen aan …?".
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from duiding.outcomes.measures import AFNAME_QUESTION, CHANGE_CATEGORIES, MEASURE_SCALES

YES_NO = [("ja", _("Ja")), ("nee", _("Nee"))]

# CHANGE_CATEGORIES (the five steps of afname problematiek, best first) and AFNAME_QUESTION live
# with the other scales of Bijlage 9 in outcomes/measures.py.

KNOWS_QUESTION = _("Kent u %(name)s?")
TOOK_PART_QUESTION = _("Heeft u deelgenomen aan %(name)s?")
USEFUL_INFO_QUESTION = _("Vindt u die informatie nuttig, weet u nu wat u moet doen?")
GOAL_QUESTION = _("Doel %(n)s: %(goal)s")

# Measures that can be asked on a questionnaire (bereik, uitval and the rest can also be entered
# as counts: EnteredFigures); "geen_nieuwe_start" is derived by CBS and never asked.
ASKABLE = [
    "tevredenheid",
    "doelrealisatie",
    "verder_zonder_hulp",
    "afname_problematiek",
    "uitval",
    "bereik",
]


def both(text, **params) -> dict:
    """{"nl": ..., "en": ...} of a translatable text (the English from the catalogue)."""
    with override("nl"):
        nl = str(text) % params if params else str(text)
    with override("en"):
        en = str(text) % params if params else str(text)
    return {"nl": nl, "en": en}


def _points(measure: str) -> list[dict]:
    return [
        {"value": value, "label": both(meaning)}
        for value, meaning in MEASURE_SCALES[measure].points
    ]


def usefulness(key: str = "nut") -> dict:
    """‘Geef met een schoolcijfer van 1 tot 10 aan hoe nuttig deze hulp voor u / jou was:
    1 = volkomen nutteloos, ik had er niets aan; 10 = uitstekend, ik heb er veel aan gehad’."""
    low, high = MEASURE_SCALES["tevredenheid"].points
    return {
        "key": key,
        "kind": "scale",
        "label": both(MEASURE_SCALES["tevredenheid"].question),
        "required": True,
        "measure": "tevredenheid",
        "min": 1,
        "max": 10,
        "anchors": {"min": both(low[1]), "max": both(high[1])},
    }


def goal_realisation(goals: list[str] | None = None) -> list[dict]:
    """One question per goal: (−1) doel niet behaald, situatie ongunstiger dan bij start; (0) doel
    niet behaald, situatie gelijk aan start; (1) doel deels behaald; (2) doel behaald."""
    goals = goals or [""]
    questions = []
    for n, goal in enumerate(goals, start=1):
        label = both(GOAL_QUESTION, n=n, goal=goal) if goal else both(_("Uw doel"))
        questions.append(
            {
                "key": f"doel_{n}",
                "kind": "scale",
                "label": label,
                "hint": both(MEASURE_SCALES["doelrealisatie"].question),
                "required": True,
                "measure": "doelrealisatie",
                "min": -1,
                "max": 2,
                "choices": _points("doelrealisatie"),
            }
        )
    return questions


def without_help(key: str = "zonder_hulp") -> dict:
    """‘Ik heb voldoende aan de hulp gehad om na de hulp zelf verder te gaan’, 1–4."""
    return {
        "key": key,
        "kind": "scale",
        "label": both(MEASURE_SCALES["verder_zonder_hulp"].question),
        "required": True,
        "measure": "verder_zonder_hulp",
        "min": 1,
        "max": 4,
        "choices": _points("verder_zonder_hulp"),
    }


def problem_change(key: str = "afname") -> dict:
    """Afname problematiek: the five steps, chosen by the professional at the end."""
    return {
        "key": key,
        "kind": "single",
        "label": both(AFNAME_QUESTION),
        "required": True,
        "measure": "afname_problematiek",
        "choices": [{"value": v, "label": both(label)} for v, label in CHANGE_CATEGORIES],
    }


def ending_reason(key: str = "reden") -> dict:
    """Reden beëindiging, codes 1–5."""
    return {
        "key": key,
        "kind": "single",
        "label": both(MEASURE_SCALES["uitval"].question),
        "required": True,
        "measure": "uitval",
        "choices": _points("uitval"),
    }


def reach(name: str) -> list[dict]:
    """Bereik: ‘Kent u …?’ and ‘Heeft u deelgenomen aan …?’ (ja / nee)."""
    yes_no = [{"value": v, "label": both(label)} for v, label in YES_NO]
    return [
        {
            "key": "kent",
            "kind": "single",
            "label": both(KNOWS_QUESTION, name=name),
            "required": True,
            "measure": "bereik",
            "choices": yes_no,
        },
        {
            "key": "deelgenomen",
            "kind": "single",
            "label": both(TOOK_PART_QUESTION, name=name),
            "required": True,
            "measure": "bereik",
            "relevant": "${kent} = 'ja'",
            "choices": yes_no,
        },
    ]


def standard_questions(measure: str, *, name: str = "", goals: list[str] | None = None):
    """The question dicts of one standard measure (`ASKABLE`)."""
    if measure == "tevredenheid":
        return [usefulness()]
    if measure == "doelrealisatie":
        return goal_realisation(goals)
    if measure == "verder_zonder_hulp":
        return [without_help()]
    if measure == "afname_problematiek":
        return [problem_change()]
    if measure == "uitval":
        return [ending_reason()]
    if measure == "bereik":
        return reach(name or str(_("deze activiteit")))
    raise KeyError(measure)
