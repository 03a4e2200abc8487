"""Demo step "outcome": invented outcome data for two activities of the demo programme (seed 003
step 5), from a seeded generator (`random.Random(SEED)`), so every load gives the same answers.

- Home-Start (Welzijn Rotterdam Zuid, the `partner` login): a questionnaire per standard measure
  that fits a year-long family trajectory (tevredenheid, doelrealisatie, verder zonder hulp), each
  as a voormeting and an eindmeting of about 40 answers, given on **paired cards**: most families
  answer the voormeting and the eindmeting with the same card, so change per participant shows.
  Plus one entered dropout table (reden beëindiging, codes 1–5) of last year.
- Opvoedspreekuur in de wijk (Wijkteam Feijenoord): bereik ("Kent u …", "Heeft u deelgenomen aan
  …") as a voormeting and an eindmeting around the announcement, and a "maand van het meten": a
  satisfaction questionnaire open for one calendar month (this month: open today, so the phone
  page can be tried at once; answers so far dated up to today), as its measurement plan
  says ("Een maand van het meten per jaar").

School marks are mostly 6–8 with a few low and high ones; a few respondents answer the open
question "Wat kan beter?". Every questionnaire says in its intro that the answers are invented.
Questionnaires are linked to the activity's measurement plans of the same measure.

Idempotent: a questionnaire whose title is already there is left alone (with its answers), cards
and entered figures are made once. Responses and answers are written in bulk (< 2 s).
"""

from __future__ import annotations

import calendar
import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from duiding.accounts.models import User
from duiding.activities.models import Activity
from duiding.demo.programme import AREA_CODE, PROGRAMME_NAME
from duiding.outcomes.definition import clean_questions
from duiding.outcomes.entered_services import Figures, entered_figures_create
from duiding.outcomes.models import (
    CODE_ALPHABET,
    Answer,
    Moment,
    PairCard,
    Questionnaire,
    QuestionnaireVersion,
    Response,
)
from duiding.outcomes.standard import standard_questions

SEED = 20260905
HOME_START = "Home-Start: vrijwilligers ondersteunen gezinnen"
SPREEKUUR = "Opvoedspreekuur in de wijk"
INTRO = (
    "Demo: deze antwoorden zijn verzonnen. Ze laten zien hoe Duiding de antwoorden van "
    "deelnemers toont; er hoort geen echte deelnemer bij."
)
INTRO_EN = "Demo: these answers are invented. No real participant is behind them."
CARDS = 40
GOALS = ["Meer rust en regelmaat in huis", "Mensen om op terug te vallen"]
IMPROVE = {
    "key": "wat_beter",
    "kind": "text",
    "label": {"nl": "Wat kan beter?", "en": "What could be better?"},
    "required": False,
    "measure": "",
    "max_length": 500,
}
# Open answers: (for low marks, for middle marks, for high marks)
OPEN_ANSWERS = (
    [
        "De vrijwilliger kwam vaak later dan afgesproken.",
        "Ik had meer hulp nodig dan dit.",
        "Ik wist niet goed waar ik terecht kon met mijn vragen.",
    ],
    [
        "Vaker langskomen zou fijn zijn.",
        "Meer tijd voor mijn vragen.",
        "De wachtlijst was lang.",
        "Liever op een avond, overdag werk ik.",
    ],
    [
        "Niets, ga zo door!",
        "Het was heel fijn dat iemand echt luisterde.",
        "Meer ouders zouden dit moeten weten.",
    ],
)
# Weights of the school marks 1..10.
MARKS_PRE = [1, 1, 2, 3, 6, 10, 11, 7, 2, 1]
MARKS_MONTH = [1, 0, 1, 2, 4, 9, 12, 10, 4, 2]
DOEL_PRE = {-1: 3, 0: 27, 1: 9, 2: 1}
ZONDER_HULP_PRE = {1: 14, 2: 16, 3: 8, 4: 2}
DROPOUT_TABLE = {"1": 16, "2": 3, "3": 5, "4": 1, "5": 2}


def demo_outcome_ensure(ctx) -> int:
    """The demo's outcome data; 0 when all is there."""
    activities = {
        a.name: a
        for a in Activity.objects.filter(
            programme__name=PROGRAMME_NAME,
            programme__area__code=AREA_CODE,
            name__in=[HOME_START, SPREEKUUR],
        ).select_related("organisation")
    }
    users = {u.username: u for u in User.objects.filter(username__in=["partner", "wijkteam"])}
    if len(activities) < 2 or len(users) < 2:
        ctx.errors.append(
            "Outcome overgeslagen: de demoactiviteiten Home-Start en Opvoedspreekuur of de "
            "gebruikers partner en wijkteam ontbreken; draai eerst de stap activities."
        )
        return 0
    return _write(activities[HOME_START], activities[SPREEKUUR], users)


@transaction.atomic
def _write(home_start, spreekuur, users) -> int:
    rng = random.Random(SEED)
    today = timezone.localdate()
    pre = (today - datetime.timedelta(days=330), today - datetime.timedelta(days=300))
    post = (today - datetime.timedelta(days=60), today - datetime.timedelta(days=30))
    changed = 0
    cards = _cards(home_start, rng)
    changed += len(cards) if cards else 0
    cards = list(PairCard.objects.filter(activity=home_start).order_by("pk"))
    partner = users["partner"]
    pre_values: dict[str, list] = {}
    for measure in ("tevredenheid", "doelrealisatie", "verder_zonder_hulp"):
        for moment, window in ((Moment.PRE, pre), (Moment.POST, post)):
            changed += _questionnaire(
                home_start, partner, measure, moment, window, rng, cards, pre_values
            )
    wijkteam = users["wijkteam"]
    for moment, window in ((Moment.PRE, pre), (Moment.POST, post)):
        changed += _questionnaire(spreekuur, wijkteam, "bereik", moment, window, rng)
    changed += _questionnaire(
        spreekuur, wijkteam, "tevredenheid", Moment.ONGOING, _this_month(today), rng, month=True
    )
    changed += _dropout_table(home_start, partner, today)
    return changed


def _this_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    start = today.replace(day=1)
    return start, today.replace(day=calendar.monthrange(today.year, today.month)[1])


def _cards(activity, rng) -> list[PairCard]:
    if PairCard.objects.filter(activity=activity).exists():
        return []
    taken = set(PairCard.objects.values_list("code", flat=True))
    codes = []
    while len(codes) < CARDS:
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(8))
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return PairCard.objects.bulk_create(PairCard(activity=activity, code=c) for c in codes)


def _title(activity, measure: str, moment: str, month: bool) -> str:
    names = {
        "tevredenheid": "Hoe nuttig was de hulp?",
        "doelrealisatie": "Uw doelen",
        "verder_zonder_hulp": "Zelf verder na de hulp",
        "bereik": "Kent u het opvoedspreekuur?",
    }
    short = "Home-Start" if activity.name == HOME_START else "Opvoedspreekuur"
    when = "maand van het meten" if month else Moment(moment).label.lower()
    return f"{short}: {names[measure]} ({when})"


def _questions(activity, measure: str) -> list[dict]:
    if measure == "bereik":
        questions = standard_questions("bereik", name="het opvoedspreekuur")
    elif measure == "doelrealisatie":
        questions = standard_questions("doelrealisatie", goals=GOALS)
    else:
        questions = standard_questions(measure)
    if measure == "tevredenheid":
        questions = [*questions, dict(IMPROVE)]
    return clean_questions(questions)


def _questionnaire(
    activity, user, measure, moment, window, rng, cards=None, pre_values=None, *, month=False
) -> int:
    """One questionnaire with its answers; 0 when it is already there."""
    title = _title(activity, measure, moment, month)
    if Questionnaire.objects.filter(activity=activity, title=title).exists():
        return 0
    questionnaire = Questionnaire.objects.create(
        activity=activity,
        title=title,
        intro=INTRO,
        intro_en=INTRO_EN,
        moment=moment,
        opens_on=window[0],
        closes_on=window[1],
        target_responses=40,
        created_by=user,
        updated_by=user,
    )
    questionnaire.measurement_plans.set(activity.measurement_plans.filter(measure=measure))
    version = QuestionnaireVersion.objects.create(
        questionnaire=questionnaire,
        number=1,
        questions=_questions(activity, measure),
        created_by=user,
    )
    people = _people(measure, moment, rng, cards, pre_values, month=month)
    responses = Response.objects.bulk_create(
        Response(
            questionnaire=questionnaire,
            questionnaire_version=version,
            card=card,
            submission=f"demo-{questionnaire.pk}-{n}",
            submitted_on=_day(window, rng),
        )
        for n, (card, _values) in enumerate(people)
    )
    answers = []
    for response, (_card, values) in zip(responses, people, strict=True):
        answers += [_answer(response, key, value) for key, value in values.items()]
    Answer.objects.bulk_create(answers)
    return 1 + len(responses)


def _day(window, rng) -> datetime.date:
    """A day in the window, never after today (a window still open has answers so far only)."""
    start, end = window
    end = max(start, min(end, timezone.localdate()))
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def _answer(response, key: str, value) -> Answer:
    if isinstance(value, int):
        return Answer(response=response, question=key, number=Decimal(value))
    if key == "wat_beter":
        return Answer(response=response, question=key, text=value)
    return Answer(response=response, question=key, choice=value)


def _people(measure, moment, rng, cards, pre_values, *, month=False) -> list[tuple]:
    """(card or None, {question key: value}) per respondent."""
    if measure == "bereik":
        return [(None, _reach(moment, rng)) for _ in range(rng.randint(38, 44))]
    if cards is None:  # the maand van het meten: no cards, about 40 parents
        return [(None, _values(measure, None, rng)) for _ in range(rng.randint(38, 43))]
    if moment == Moment.PRE:
        # 36 of the 40 cards, and four families who answered without a card
        chosen = [*cards[:36], None, None, None, None]
        people = [(card, _values(measure, None, rng)) for card in chosen]
        pre_values[measure] = people
        return people
    # Eindmeting: 33 of the voormeting cards again, two cards only now, two without a card
    earlier = [(card, values) for card, values in pre_values.get(measure, []) if card][:33]
    people = [(card, _values(measure, values, rng)) for card, values in earlier]
    people += [(card, _values(measure, None, rng, after=True)) for card in cards[36:38]]
    people += [(None, _values(measure, None, rng, after=True)) for _ in range(2)]
    return people


def _pick(rng, weights: dict | list):
    if isinstance(weights, list):
        return rng.choices(range(1, len(weights) + 1), weights=weights)[0]
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _clip(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _values(measure, before: dict | None, rng, *, after=False) -> dict:
    """The answers of one respondent; `before` the same person's voormeting (a pair)."""
    grow = before is not None or after
    if measure == "tevredenheid":
        mark = _pick(rng, MARKS_PRE if not grow else MARKS_MONTH)
        if before is not None:
            mark = _clip(before["nut"] + rng.choice([-2, -1, 0, 0, 1, 1, 1, 2, 2]), 1, 10)
        values = {"nut": mark}
        if rng.random() < 0.3:
            group = 0 if mark <= 5 else (2 if mark >= 9 else 1)
            values["wat_beter"] = rng.choice(OPEN_ANSWERS[group])
        return values
    if measure == "doelrealisatie":
        values = {}
        for n in range(1, len(GOALS) + 1):
            key = f"doel_{n}"
            score = _pick(rng, DOEL_PRE)
            if before is not None:
                score = _clip(before[key] + rng.choice([-1, 0, 1, 1, 1, 2, 2]), -1, 2)
            elif after:
                score = _clip(score + 1, -1, 2)
            values[key] = score
        return values
    score = _pick(rng, ZONDER_HULP_PRE)
    if before is not None:
        score = _clip(before["zonder_hulp"] + rng.choice([0, 1, 1, 1, 2, -1]), 1, 4)
    elif after:
        score = _clip(score + 1, 1, 4)
    return {"zonder_hulp": score}


def _reach(moment, rng) -> dict:
    knows = rng.random() < (0.35 if moment == Moment.PRE else 0.7)
    if not knows:
        return {"kent": "nee"}
    took_part = rng.random() < (0.3 if moment == Moment.PRE else 0.45)
    return {"kent": "ja", "deelgenomen": "ja" if took_part else "nee"}


def _dropout_table(activity, user, today) -> int:
    """Last year's dropout by reason code, as the partner entered it from its registration."""
    if activity.entered_figures.exists():
        return 0
    year = today.year - 1
    entered_figures_create(
        activity=activity,
        user=user,
        data=Figures(
            datetime.date(year, 1, 1),
            datetime.date(year, 12, 31),
            reached=28,
            no_shows=4,
            note="Demo: verzonnen cijfers uit de eigen registratie.",
            counts={"uitval": dict(DROPOUT_TABLE)},
        ),
    )
    return 1
