"""Demo step "activities": the desired offer and the plan van aanpak of "Wijkprogramma Feijenoord
2025–2026" (seed 003 steps 3–5), written through the activities services like the gebiedsadviseur
and the partners would.

- Five activities of two partners, Welzijn Rotterdam Zuid (the `partner` user's organisation) and
  Wijkteam Feijenoord (added as partner of the programme), across universeel / selectief /
  geïndiceerd, each serving one of the demo's societal results (step "results") through a factor.
- Plan steps of the gebiedsadviseur and both partners (one done, two overdue, others ahead; dates
  relative to the day the demo is loaded, so the overdue list always shows something).
- A purchase agreement with the accounthouder, a quality agreement per activity (the seed's
  quality questions partly answered) and measurement plans with standard outcome measures.

Runs after the "results" step: without societal results the step is skipped with a message.
Idempotent: an activity, step or agreement whose name or text is already there is not made again.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from duiding.accounts.models import Organisation, User
from duiding.activities.models import Activity
from duiding.activities.plan import services as plan_services
from duiding.activities.services import activity_create
from duiding.demo.programme import AREA_CODE, OWNER, PROGRAMME_NAME
from duiding.frameworks.models import AgePhase, Factor, LifeArea
from duiding.outcomes.measurement_plans import services as measurement_services
from duiding.programmes.models import Programme

WELZIJN, WIJKTEAM, MUNICIPALITY = "welzijn-rotterdam-zuid", "wijkteam-feijenoord", "gemeente"

# name, organisation, result index (demo results), fields, factors [(name, effect)]
ACTIVITIES = [
    (
        "Home-Start: vrijwilligers ondersteunen gezinnen",
        WELZIJN,
        0,
        {
            "target_group": "Ouders van jonge kinderen die (beginnende) opvoedproblemen ervaren",
            "target_group_size": 120,
            "reach": 30,
            "volume": 30,
            "frequency": "Wekelijks huisbezoek, een jaar lang",
            "prevention_level": "selectief",
            "form": "individueel",
            "evidence_level": 1,
            "offer_kind": "gewenst_nieuw",
            "age_phases": ["vroege-kindertijd", "basisschoolleeftijd"],
            "life_areas": ["ouders-gezin"],
        },
        [("Opvoedingsvaardigheden", "versterkt")],
    ),
    (
        "Jongerenwerk op het schoolplein en op hangplekken",
        WELZIJN,
        0,
        {
            "target_group": "Jongeren van 12 tot 18 jaar die we niet bereiken op school, werk of "
            "verenigingen",
            "target_group_size": 400,
            "reach": 80,
            "frequency": "Drie middagen per week",
            "prevention_level": "selectief",
            "form": "groep",
            "evidence_level": 0,
            "offer_kind": "bestaand_aanpassen",
            "age_phases": ["adolescentie"],
            "life_areas": ["school", "wijk"],
        },
        [("Spijbelen en schoolverzuim", "vermindert")],
    ),
    (
        "Training sociaal-emotionele vaardigheden op basisscholen",
        WELZIJN,
        1,
        {
            "target_group": "Leerlingen van groep 5 tot en met 8 van vier basisscholen",
            "target_group_size": 600,
            "reach": 450,
            "volume": 20,
            "frequency": "Tien lessen per klas per schooljaar",
            "prevention_level": "universeel",
            "form": "groep",
            "evidence_level": 2,
            "offer_kind": "bestaand_blijft",
            "age_phases": ["basisschoolleeftijd"],
            "life_areas": ["kind-jeugdige", "school"],
        },
        [("Emotionele en sociale vaardigheden", "versterkt")],
    ),
    (
        "Opvoedspreekuur in de wijk",
        WIJKTEAM,
        0,
        {
            "target_group": "Alle ouders in Feijenoord met vragen over opvoeden en opgroeien",
            "reach": 150,
            "frequency": "Wekelijks inloopspreekuur",
            "prevention_level": "universeel",
            "form": "individueel",
            "evidence_level": 0,
            "offer_kind": "gewenst_nieuw",
            "age_phases": ["vroege-kindertijd", "basisschoolleeftijd", "adolescentie"],
            "life_areas": ["ouders-gezin"],
        },
        [("Opvoedingsvaardigheden", "versterkt")],
    ),
    (
        "Gezinscoaching bij problemen in het gezin",
        WIJKTEAM,
        1,
        {
            "target_group": "Gezinnen met meervoudige problemen, na een signaal van school of "
            "huisarts",
            "target_group_size": 60,
            "reach": 40,
            "volume": 40,
            "frequency": "Traject van drie tot zes maanden",
            "prevention_level": "geindiceerd",
            "form": "individueel",
            "evidence_level": 1,
            "offer_kind": "bestaand_blijft",
            "age_phases": ["basisschoolleeftijd", "adolescentie"],
            "life_areas": ["ouders-gezin"],
        },
        [("Problemen in het gezin", "vermindert"), ("Conflicten in het gezin", "vermindert")],
    ),
]

# description, organisation, activity index or None, days from today, status
STEPS = [
    ("Gesprek met de accounthouder over de inkoop van Home-Start", MUNICIPALITY, 0, -60, "klaar"),
    ("Bijeenkomst met alle partners over het gewenste aanbod", MUNICIPALITY, None, 21, "open"),
    (
        "Afspraken met twee basisscholen over jongerenwerk op het schoolplein",
        WELZIJN,
        1,
        -10,
        "open",
    ),
    ("Vrijwilligers werven en opleiden voor Home-Start", WELZIJN, 0, 45, "bezig"),
    ("Opvoedspreekuur aankondigen via consultatiebureau en scholen", WIJKTEAM, 3, 14, "open"),
    (
        "Gezinscoaches aanmelden voor de training motiverende gespreksvoering",
        WIJKTEAM,
        4,
        -5,
        "open",
    ),
]

# activity index, next step, target trede, days from today, status, checklist
QUALITY = [
    (
        0,
        "Beschrijven hoe Home-Start in Feijenoord wordt uitgevoerd en samenwerkt met het wijkteam",
        2,
        90,
        "bezig",
        {"scholing": (True, "Vrijwilligers krijgen een basistraining van acht dagdelen")},
    ),
    (
        1,
        "Beschrijf de interventie: doel, doelgroep, aanpak en randvoorwaarden van het jongerenwerk "
        "op het schoolplein (werkblad beschrijving interventie)",
        1,
        60,
        "open",
        {
            "effectiviteit": (False, "Nog geen zicht op wie wel en niet bereikt wordt"),
            "lerende_organisatie": (True, "Maandelijkse intervisie van de jongerenwerkers"),
        },
    ),
    (
        2,
        "Bereik en tevredenheid van de leerlingen meten, zodat de training naar trede 3 kan",
        3,
        120,
        "open",
        {"competentie": (True, "Alle trainers zijn gecertificeerd")},
    ),
    (3, "Beschrijf de werkwijze van het opvoedspreekuur", 1, 45, "open", {}),
    (
        4,
        "Beroepsregistratie van alle gezinscoaches op orde",
        None,
        -20,
        "bezig",
        {"beroepsregistratie": (False, "Twee van de acht coaches nog niet geregistreerd")},
    ),
]

# activity index, measure, how, how often, from whom, attention points, years
MEASUREMENTS = [
    (
        0,
        "uitval",
        "Reden van beëindiging (codes 1–5) bij elk afgesloten traject",
        "Continu",
        "alle",
        "Kijk niet alleen hoeveel gezinnen stoppen, maar ook welke en waarom.",
        None,
    ),
    (
        1,
        "bereik",
        "Turven van bereikte jongeren per locatie en leeftijd",
        "Wekelijks",
        "alle",
        "Bereiken we de jongeren die we op school en in verenigingen niet zien?",
        None,
    ),
    (
        2,
        "tevredenheid",
        "Rapportcijfer 1–10 van de leerlingen na de laatste les",
        "Na elke training",
        "alle",
        "Kijk ook naar de hoogste en laagste cijfers, niet alleen het gemiddelde.",
        None,
    ),
    (
        3,
        "tevredenheid",
        "Korte vragenlijst voor ouders na het gesprek",
        "Een maand van het meten per jaar",
        "steekproef",
        "Bij gesprekken van tien minuten past een steekproef beter dan altijd meten.",
        None,
    ),
    (
        4,
        "verder_zonder_hulp",
        "Vraag aan het eind van het traject (schaal 1–4)",
        "Bij elke afsluiting",
        "alle",
        "Privacy: alleen geanonimiseerde antwoorden opslaan.",
        None,
    ),
    (
        4,
        "geen_nieuwe_start",
        "Afgeleid uit de Beleidsinformatie Jeugd van het CBS",
        "Jaarlijks",
        "alle",
        "Geen extra registratie nodig.",
        1,
    ),
]

PURCHASE = (
    "BES-2025-HS-014",
    datetime.date(2025, 1, 15),
    0,
    "Home-Start voor 30 gezinnen per jaar",
)


def demo_plan_ensure(ctx) -> int:
    """Activities and the plan van aanpak of the demo programme; 0 when all is there."""
    programme = Programme.objects.filter(name=PROGRAMME_NAME, area__code=AREA_CODE).first()
    owner = User.objects.filter(username=OWNER).first()
    orgs = {o.slug: o for o in Organisation.objects.filter(slug__in=[WELZIJN, WIJKTEAM])}
    if programme is None or owner is None or len(orgs) < 2:
        ctx.errors.append(
            "Activiteiten overgeslagen: het demoprogramma, de gebruiker adviseur of de "
            "organisaties Welzijn Rotterdam Zuid en Wijkteam Feijenoord ontbreken."
        )
        return 0
    results = list(programme.results.order_by("pk"))
    if not results:
        ctx.errors.append(
            "Activiteiten overgeslagen: het demoprogramma heeft nog geen maatschappelijke "
            "resultaten; draai eerst de stap results."
        )
        return 0
    orgs[MUNICIPALITY] = programme.organisation
    return _write(ctx, programme, owner, orgs, results)


@transaction.atomic
def _write(ctx, programme, owner, orgs, results) -> int:
    changed = 0
    if not programme.partners.filter(pk=orgs[WIJKTEAM].pk).exists():
        programme.partners.add(orgs[WIJKTEAM])
        changed += 1
    factors = {f.name: f for f in Factor.objects.filter(framework=programme.framework)}
    phases = {p.code: p for p in AgePhase.objects.all()}
    areas = {a.code: a for a in LifeArea.objects.all()}
    existing = {a.name: a for a in Activity.objects.filter(programme=programme)}
    activities = []
    for name, org, result_index, fields, factor_specs in ACTIVITIES:
        activity = existing.get(name)
        if activity is None:
            data = dict(fields)
            data["age_phases"] = [phases[c] for c in data["age_phases"] if c in phases]
            data["life_areas"] = [areas[c] for c in data["life_areas"] if c in areas]
            try:
                activity = activity_create(
                    programme=programme,
                    user=owner,
                    organisation=orgs[org],
                    name=name,
                    results=[results[min(result_index, len(results) - 1)]],
                    factors=[(factors[f], e) for f, e in factor_specs if f in factors],
                    **data,
                )
            except ValidationError as error:
                ctx.errors.append(f"Demoactiviteit '{name}' niet gemaakt: {error.messages}")
                activities.append(None)
                continue
            changed += 1
        activities.append(activity)

    today = timezone.localdate()
    recorded = today - datetime.timedelta(days=365)  # as if written a year ago
    done_steps = set(programme.plan_steps.values_list("description", flat=True))
    for description, org, index, days, status in STEPS:
        activity = activities[index] if index is not None else None
        if description in done_steps or (index is not None and activity is None):
            continue
        plan_services.step_create(
            programme=programme,
            user=owner,
            description=description,
            owner_organisation=orgs[org],
            activity=activity,
            due_date=today + datetime.timedelta(days=days),
            status=status,
            on=recorded,
        )
        changed += 1

    reference, date, index, note = PURCHASE
    if not programme.purchase_agreements.filter(reference=reference).exists():
        plan_services.purchase_save(
            programme=programme,
            user=owner,
            reference=reference,
            date=date,
            activity=activities[index],
            note=note,
        )
        changed += 1

    for index, next_step, target, days, status, answers in QUALITY:
        activity = activities[index]
        if activity is None or activity.quality_agreements.filter(next_step=next_step).exists():
            continue
        plan_services.quality_save(
            activity=activity,
            user=owner,
            next_step=next_step,
            target_level=target,
            due_date=today + datetime.timedelta(days=days),
            status=status,
            checklist={k: {"answer": a, "note": n} for k, (a, n) in answers.items()},
            on=recorded,
        )
        changed += 1

    for index, measure, how, how_often, from_whom, points, years in MEASUREMENTS:
        activity = activities[index]
        if activity is None or activity.measurement_plans.filter(measure=measure).exists():
            continue
        measurement_services.measurement_save(
            activity=activity,
            user=owner,
            measure=measure,
            how=how,
            how_often=how_often,
            from_whom=from_whom,
            attention_points=points,
            years=years,
        )
        changed += 1
    return changed
