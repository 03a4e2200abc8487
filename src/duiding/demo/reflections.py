"""The demo's duidingssessies of the Feijenoord programme: one held (a pre-filled agenda, live
answers of about twelve participants, two decisions, four actions of which one is overdue) and
one in preparation where those actions resurface.

- The held one ("afgerond", about six weeks ago, facilitated by the demo gebiedsadviseur, with
  both demo partners invited): five agenda items of different kinds (a flagged figure, a societal
  result, the satisfaction of Home-Start, an activity, an overdue measurement plan), each with its
  reason, its cold data as a snapshot and the group's answers to the four key questions; three
  live questions (herkennen, a 1–5 scale "hoe zorgelijk", an open one) answered by twelve
  participants (anonymous, two gave a first name); two decisions (Home-Start bijstellen, the
  jongerenwerk on the schoolplein stoppen); four improvement actions of the three demo
  organisations, one overdue and one done.
- The next one ("voorbereid", in about six weeks, previous = the held one): its agenda holds the
  four actions again as kind "action" items with the question "Zien we al effect?".

Plain model rows (the reflection services are built alongside); dates relative to today, so
the demo stays current. Idempotent: when the held reflection exists, nothing is written (the
next one is made when it is missing).
"""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction
from django.utils import timezone

from duiding.accounts.models import Organisation, User
from duiding.activities.models import Activity
from duiding.demo.programme import AREA_CODE, OWNER, PROGRAMME_NAME
from duiding.indicators.models import Observation
from duiding.outcomes.models import MeasurementPlan, Questionnaire
from duiding.programmes.models import Programme
from duiding.reflections.models import (
    AgendaItem,
    Decision,
    ImprovementAction,
    LiveAnswer,
    LiveQuestion,
    Participant,
    Reflection,
    Status,
)
from duiding.reflections.services import fill_agenda

HELD_TITLE = "Duidingssessie Feijenoord najaar 2026"
NEXT_TITLE = "Duidingssessie Feijenoord voorjaar 2027"
HOME_START = "Home-Start: vrijwilligers ondersteunen gezinnen"
JONGERENWERK = "Jongerenwerk op het schoolplein en op hangplekken"
SPREEKUUR = "Opvoedspreekuur in de wijk"
INDICATOR = "TotaalJongerenMetJeugdzorgInNatura"
WELZIJN, WIJKTEAM = "welzijn-rotterdam-zuid", "wijkteam-feijenoord"
LOOK_BACK = "Zien we al effect?"
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
HELD_DAYS_AGO, NEXT_IN_DAYS = 42, 42
PARTICIPANTS = 12
NAMES = {3: "Fatima", 8: "Joost"}  # the two who gave a first name (index -> name)
RECOGNISE = ["ja"] * 7 + ["deels"] * 4 + ["nee"]
SCALE = [4, 4, 3, 5, 4, 3, 4, 2, 5, 4, 3, 4]
OPEN = [
    "Ouders weten de weg naar het wijkteam nog niet.",
    "Wachtlijst bij Home-Start is te lang, dan haken ouders af.",
    "Huisbezoeken overdag passen niet bij werkende ouders.",
    "Scholen signaleren wel, maar melden niet door.",
    "Meer samenwerken met het consultatiebureau.",
    "Jongeren op de hangplekken kennen de jongerenwerkers niet.",
    "Vrijwilligers vaker laten meelopen met de gezinscoach.",
    "Het cijfer herken ik, maar het verschilt per buurt.",
    "Avondspreekuur proberen.",
    "Sneller terugkoppelen aan de school na een melding.",
    "Minder formulieren bij de aanmelding.",
    "Een vast gezicht per school.",
]
PROMOTED = {1, 2, 3}  # open answers taken into the minutes


def demo_reflections_ensure(ctx) -> int:
    """The demo's two duidingssessies; 0 when both are there."""
    programme = (
        Programme.objects.filter(name=PROGRAMME_NAME, area__code=AREA_CODE)
        .select_related("area", "organisation")
        .first()
    )
    owner = User.objects.filter(username=OWNER).first()
    orgs = {o.slug: o for o in Organisation.objects.filter(slug__in=[WELZIJN, WIJKTEAM])}
    activities = (
        {a.name: a for a in Activity.objects.filter(programme=programme)} if programme else {}
    )
    missing = {HOME_START, JONGERENWERK} - set(activities)
    if programme is None or owner is None or len(orgs) < 2 or missing:
        ctx.errors.append(
            "Duidingssessies overgeslagen: het demoprogramma, de gebruiker adviseur, de "
            "demopartners of de demoactiviteiten ontbreken; draai eerst de stap activities."
        )
        return 0
    return _write(programme, owner, orgs, activities)


@transaction.atomic
def _write(programme, owner, orgs, activities) -> int:
    changed = 0
    held = Reflection.objects.filter(programme=programme, title=HELD_TITLE).first()
    if held is None:
        held = _held(programme, owner, orgs, activities)
        changed += 1
    if not Reflection.objects.filter(programme=programme, title=NEXT_TITLE).exists():
        upcoming = _next(programme, owner, orgs, held)
        # The rest of its agenda as the gebiedsadviseur gets it: filled from the data.
        fill_agenda(owner, upcoming)
        changed += 1
    return changed


def join_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_LETTERS) for _ in range(6))
        if not Reflection.objects.filter(join_code=code).exists():
            return code


def _moment(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _indicator_snapshot(programme) -> tuple[object, dict]:
    """The youth-care figure of Feijenoord and Rotterdam (latest year), as the agenda saw it."""
    rows = list(
        Observation.objects.filter(
            indicator__code=INDICATOR,
            area__code__in=[AREA_CODE, "GM0599"],
            is_current=True,
            category="",
            period__kind="year",
        )
        .select_related("indicator", "period", "area")
        .order_by("period__code")
    )
    values = {row.area.code: row for row in rows}
    main = values.get(AREA_CODE)
    if main is None:
        return None, {}
    snapshot = {
        "indicator": main.indicator.name,
        "period": main.period.code,
        "value": main.value,
        "area": main.area.name,
        "comparison": values["GM0599"].value if "GM0599" in values else None,
        "comparison_area": "Rotterdam",
        "source": "CBS, jeugdzorg in natura",
        "series": [[r.period.code, r.value] for r in rows if r.area.code == AREA_CODE],
    }
    return main.indicator, snapshot


def _held(programme, owner, orgs, activities) -> Reflection:
    today = timezone.localdate()
    day = today - datetime.timedelta(days=HELD_DAYS_AGO)
    reflection = Reflection.objects.create(
        programme=programme,
        organisation=programme.organisation,
        title=HELD_TITLE,
        date=day,
        start_time=datetime.time(14, 0),
        place="Wijkcentrum Feijenoord, Oranjeboomstraat",
        facilitator=owner,
        participants="Gebiedsadviseur Gemeente Rotterdam\nCoördinator Home-Start\n"
        "Jongerenwerkers Welzijn Rotterdam Zuid\nGezinscoaches Wijkteam Feijenoord\n"
        "Intern begeleiders van vier basisscholen",
        status=Status.DONE,
        join_code=join_code(),
        started_at=_moment(day, 14, 5),
        ended_at=_moment(day, 16, 0),
        created_by=owner,
        updated_by=owner,
    )
    reflection.invited_organisations.set([orgs[WELZIJN], orgs[WIJKTEAM]])
    items = _held_items(reflection, programme, activities)
    _live(reflection, items, day)
    _decisions(reflection, items, activities, owner, day)
    _actions(reflection, items, programme, owner, orgs, activities, day)
    return reflection


def _held_items(reflection, programme, activities) -> dict[str, AgendaItem]:
    indicator, figure = _indicator_snapshot(programme)
    result = programme.results.order_by("pk").first()
    home_start = activities[HOME_START]
    questionnaire = Questionnaire.objects.filter(activity=home_start).order_by("pk").first()
    plan = (
        MeasurementPlan.objects.filter(activity__programme=programme, activity__name=SPREEKUUR)
        .order_by("pk")
        .first()
    )
    jongerenwerk = activities[JONGERENWERK]
    specs = [
        (
            "indicator",
            AgendaItem.Kind.INDICATOR,
            "Jongeren met jeugdzorg in Feijenoord",
            "Slechter dan Rotterdam: meer jongeren met jeugdzorg dan in de stad.",
            figure,
            {"indicator": indicator},
            (
                "Ja, grotendeels. De partners zien het terug in hun caseload; de intern "
                "begeleiders zien vooral meer gezinnen met stress over geld.",
                "Problemen worden laat gezien: ouders kennen de weg naar het wijkteam niet en "
                "scholen melden niet door.",
                "Zorgelijk (gemiddeld 3,8 op 5). Vroeg signaleren blijft de kern van het "
                "programma.",
                "Scholen en wijkteam maken afspraken over doorverwijzen; de gemeente vraagt de "
                "jeugdmonitor per wijk op.",
            ),
        ),
        (
            "result",
            AgendaItem.Kind.RESULT,
            result.text[:300] if result else "Meer jongeren vroeg in beeld",
            "Niet op koers met de nieuwe cijfers van 2023.",
            {"verdict": "not_on_track", "periods": ["2021", "2023"]},
            {"result": result},
            (
                "Deels: de verwijzingen via het wijkteam stijgen, via de jeugdarts niet.",
                "De jeugdarts ziet kinderen minder vaak sinds het nieuwe contactmoment.",
                "Het doel blijft goed, de weg ernaartoe moet anders.",
                "Doel houden; de jeugdarts wordt uitgenodigd voor de volgende sessie.",
            ),
        ),
        (
            "outcome",
            AgendaItem.Kind.OUTCOME,
            "Tevredenheid over Home-Start",
            "Aandeel voldoende onder de drempel van 80 %: 72 % van de ouders geeft een 6 of hoger.",
            {"share_sufficient": 72.0, "threshold": 80.0, "responses": 40, "moment": "voormeting"},
            {"activity": home_start, "questionnaire": questionnaire},
            (
                "Ja. Vooral werkende ouders zijn minder tevreden.",
                "Huisbezoeken zijn alleen overdag en de wachtlijst is lang.",
                "Het aanbod werkt als ouders er zijn; de toegang moet beter.",
                "Home-Start bijstellen: ook avondbezoeken en een kortere wachtlijst.",
            ),
        ),
        (
            "activity",
            AgendaItem.Kind.ACTIVITY,
            JONGERENWERK,
            "Bereik onder plan: 35 van de 80 geplande jongeren bereikt.",
            {"reach": 35, "planned_reach": 80, "target_group_size": 400},
            {"activity": jongerenwerk},
            (
                "Ja, de jongerenwerkers herkennen het: op de hangplekken is weinig contact.",
                "De jongeren die het nodig hebben komen niet op het schoolplein.",
                "De inzet levert te weinig op voor wat het kost.",
                "Stoppen met de schoolpleinvariant; de uren gaan naar ambulant jongerenwerk in "
                "de buurt.",
            ),
        ),
        (
            "meetplan",
            AgendaItem.Kind.MEASUREMENT_PLAN,
            "Meetplan opvoedspreekuur over tijd",
            "Nog niet gemeten, terwijl het meetplan een meting per jaar verwacht.",
            {"how_often": plan.how_often if plan else "Een keer per jaar", "measured": False},
            {"measurement_plan": plan, "activity": activities.get(SPREEKUUR)},
            (
                "Ja.",
                "Het spreekuur is pas gestart; er was nog geen vragenlijst.",
                "Zonder meting weten we niet of ouders er iets aan hebben.",
                "Het wijkteam houdt deze maand een maand van het meten.",
            ),
        ),
    ]
    items = {}
    for order, (key, kind, title, reason, snapshot, links, answers) in enumerate(specs, start=1):
        links = {name: value for name, value in links.items() if value is not None}
        target = next(iter(links.values()), None)
        source_key = f"{kind}:{target.pk}" if target is not None else f"{kind}:demo"
        items[key] = AgendaItem.objects.create(
            reflection=reflection,
            kind=kind,
            order=order,
            title=title,
            reason=reason,
            source_key=source_key,
            snapshot=snapshot,
            recognise=answers[0],
            explain=answers[1],
            judge=answers[2],
            change=answers[3],
            **links,
        )
    return items


def _live(reflection, items, day) -> None:
    participants = [
        Participant.objects.create(
            reflection=reflection, token=secrets.token_urlsafe(32), name=NAMES.get(i, "")
        )
        for i in range(PARTICIPANTS)
    ]
    recognise = LiveQuestion.objects.create(
        reflection=reflection,
        item=items["indicator"],
        kind=LiveQuestion.Kind.RECOGNISE,
        text="Herkennen jullie dit beeld in de wijk?",
        order=1,
        state=LiveQuestion.State.CLOSED,
        revealed=True,
        opened_at=_moment(day, 14, 15),
        closed_at=_moment(day, 14, 20),
    )
    scale = LiveQuestion.objects.create(
        reflection=reflection,
        item=items["indicator"],
        kind=LiveQuestion.Kind.SCALE,
        text="Hoe zorgelijk vinden jullie dit?",
        scale_min=1,
        scale_max=5,
        scale_low_label="Niet zorgelijk",
        scale_high_label="Heel zorgelijk",
        order=2,
        state=LiveQuestion.State.CLOSED,
        revealed=True,
        opened_at=_moment(day, 14, 20),
        closed_at=_moment(day, 14, 25),
    )
    open_question = LiveQuestion.objects.create(
        reflection=reflection,
        item=items["outcome"],
        kind=LiveQuestion.Kind.OPEN,
        text="Hoe verklaren jullie dit, en wat zouden jullie anders doen?",
        order=3,
        state=LiveQuestion.State.CLOSED,
        revealed=True,
        opened_at=_moment(day, 14, 45),
        closed_at=_moment(day, 14, 55),
    )
    answers = []
    for i, participant in enumerate(participants):
        answers.append(LiveAnswer(question=recognise, participant=participant, choice=RECOGNISE[i]))
        answers.append(LiveAnswer(question=scale, participant=participant, number=SCALE[i]))
        answers.append(
            LiveAnswer(
                question=open_question,
                participant=participant,
                text=OPEN[i],
                promoted=i in PROMOTED,
                group="Toegang" if i in (0, 1, 2, 10) else "",
            )
        )
    LiveAnswer.objects.bulk_create(answers)


def _decisions(reflection, items, activities, owner, day) -> None:
    Decision.objects.create(
        reflection=reflection,
        item=items["outcome"],
        activity=activities[HOME_START],
        choice=Decision.Choice.ADJUST,
        reason="Werkende ouders zijn minder tevreden en haken af op de wachtlijst: Home-Start "
        "biedt ook avondbezoeken aan en werkt de wachtlijst weg met extra vrijwilligers.",
        created_by=owner,
    )
    Decision.objects.create(
        reflection=reflection,
        item=items["activity"],
        activity=activities[JONGERENWERK],
        choice=Decision.Choice.STOP,
        reason="Het schoolplein bereikt de jongeren niet die het nodig hebben (35 van de 80). "
        "De uren gaan naar ambulant jongerenwerk in de buurt.",
        created_by=owner,
    )
    Decision.objects.filter(reflection=reflection).update(created_at=_moment(day, 15, 30))


def _actions(reflection, items, programme, owner, orgs, activities, day) -> None:
    today = timezone.localdate()
    users = {u.username: u for u in User.objects.filter(username__in=["partner", "wijkteam"])}
    specs = [
        (
            "Jeugdmonitor per wijk opvragen bij de GGD en in de volgende sessie laten zien",
            programme.organisation,
            owner,
            today - datetime.timedelta(days=7),  # overdue
            ImprovementAction.Status.OPEN,
            None,
            items["indicator"],
        ),
        (
            "Home-Start biedt huisbezoeken ook 's avonds aan",
            orgs[WELZIJN],
            users.get("partner"),
            today + datetime.timedelta(days=28),
            ImprovementAction.Status.BUSY,
            None,
            items["outcome"],
        ),
        (
            "Afspraken met vier basisscholen over doorverwijzen naar het wijkteam",
            orgs[WIJKTEAM],
            users.get("wijkteam"),
            today + datetime.timedelta(days=35),
            ImprovementAction.Status.OPEN,
            None,
            items["indicator"],
        ),
        (
            "Uren van het jongerenwerk op het schoolplein omzetten naar ambulant jongerenwerk",
            orgs[WELZIJN],
            users.get("partner"),
            today - datetime.timedelta(days=14),
            ImprovementAction.Status.DONE,
            today - datetime.timedelta(days=18),  # done on time
            items["activity"],
        ),
    ]
    for description, org, user, due, status, done_at, item in specs:
        ImprovementAction.objects.create(
            reflection=reflection,
            item=item,
            programme=programme,
            description=description,
            owner_organisation=org,
            owner_user=user,
            due_date=due,
            status=status,
            done_at=done_at,
            indicator=item.indicator,
            result=item.result,
            activity=item.activity,
            questionnaire=item.questionnaire,
            created_by=owner,
            updated_by=owner,
        )
    ImprovementAction.objects.filter(reflection=reflection).update(created_at=_moment(day, 15, 45))


def _next(programme, owner, orgs, held) -> Reflection:
    today = timezone.localdate()
    reflection = Reflection.objects.create(
        programme=programme,
        organisation=programme.organisation,
        title=NEXT_TITLE,
        date=today + datetime.timedelta(days=NEXT_IN_DAYS),
        start_time=datetime.time(14, 0),
        place="Wijkcentrum Feijenoord, Oranjeboomstraat",
        facilitator=owner,
        status=Status.PREPARED,
        join_code=join_code(),
        previous=held,
        created_by=owner,
        updated_by=owner,
    )
    reflection.invited_organisations.set([orgs[WELZIJN], orgs[WIJKTEAM]])
    for order, action in enumerate(held.actions.order_by("due_date", "pk"), start=1):
        AgendaItem.objects.create(
            reflection=reflection,
            kind=AgendaItem.Kind.ACTION,
            order=order,
            title=action.description[:300],
            reason=f"{LOOK_BACK} Verbeteractie van {held.title} "
            f"({action.owner_organisation.name}, klaar op {action.due_date:%d-%m-%Y}).",
            source_key=f"action:{action.pk}",
            snapshot={
                "status": action.status,
                "due_date": action.due_date.isoformat(),
                "done_at": action.done_at.isoformat() if action.done_at else None,
                "owner": action.owner_organisation.name,
                "question": LOOK_BACK,
                "figures_since": _figures_since(action, held.date),
            },
            action=action,
            indicator=action.indicator,
            result=action.result,
            activity=action.activity,
            questionnaire=action.questionnaire,
        )
    return reflection


def _figures_since(action, since: datetime.date) -> list:
    """[[indicator, period, value]] of the action's indicator in Feijenoord loaded after the
    held reflection (the demo's figures are loaded on the day the demo is)."""
    if action.indicator_id is None:
        return []
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.max))
    row = (
        Observation.objects.filter(
            indicator_id=action.indicator_id,
            area__code=AREA_CODE,
            is_current=True,
            category="",
            created_at__gt=start,
        )
        .select_related("indicator", "period")
        .order_by("-period__code")
        .first()
    )
    return [[row.indicator.name, row.period.code, row.value]] if row else []
