"""Demo step "results": two societal results for "Wijkprogramma Feijenoord 2025–2026" with real
baselines (2021) from the CBS youth-care series of Feijenoord (WK059910), made through the
results services like an adviser would, then evaluated (progress stored with the 2023 figures).

1. "ieder afzonderlijk" with two indicators: more trajectories via the wijkteam (+5 pp) and via the
   jeugdarts (+1 pp) — early signalling, the analysis' conclusion; status besproken met collega;
   it makes the city's ambition of the domain "Sociaal-emotionele gezondheid" concrete.
2. one indicator: 10 % fewer youths with youth care than in 2021; status concept.

Idempotent: a result whose text is already in the programme is not made again (a demo result made
before it had an ambition gets it).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from duiding.accounts.models import User
from duiding.demo.programme import AREA_CODE, OWNER, PROGRAMME_NAME
from duiding.frameworks.models import Ambition, Factor
from duiding.indicators.models import Indicator
from duiding.programmes.models import Programme
from duiding.results.progress import recompute
from duiding.results.services import result_create, result_status_set

TARGET_DATE = datetime.date(2026, 12, 31)
DOMAIN = "Sociaal-emotionele gezondheid"

RESULTS = [
    {
        "text": "Eind 2026 komen meer jongeren in Feijenoord vroeg in beeld: 5 procentpunt meer "
        "jeugdzorgtrajecten via het wijkteam en 1 procentpunt meer via de jeugdarts dan in 2021.",
        "rule": "each",
        "status": "collega",
        "ambition": True,  # the framework's ambition of DOMAIN
        "factors": ["Problemen in het gezin"],
        "indicators": [
            ("AandeelVerwezenDoorGemeentelijkeToegang", "pp", 5, "higher_is_better"),
            ("AandeelVerwezenDoorJeugdarts", "pp", 1, "higher_is_better"),
        ],
    },
    {
        "text": "Eind 2026 hebben 10% minder jongeren in Feijenoord jeugdzorg nodig dan in 2021.",
        "rule": "each",
        "status": "concept",
        "factors": ["Sociaal economische status"],
        "indicators": [("TotaalJongerenMetJeugdzorgInNatura", "relative", -10, "lower_is_better")],
    },
]


def demo_results_ensure(ctx) -> int:
    """The two demo results; returns how many were made (0 when they are there)."""
    programme = Programme.objects.filter(name=PROGRAMME_NAME, area__code=AREA_CODE).first()
    owner = User.objects.filter(username=OWNER).first()
    if programme is None or owner is None:
        ctx.errors.append(
            "Het demoprogramma of de demogebruiker ontbreekt: draai eerst de stap programme."
        )
        return 0
    existing = set(programme.results.values_list("text", flat=True))
    made = 0
    for spec in RESULTS:
        if spec["text"] in existing:
            if spec.get("ambition"):
                made += programme.results.filter(text=spec["text"], ambition=None).update(
                    ambition=_ambition(programme)
                )
            continue
        made += _make(ctx, programme, owner, spec)
    return made


def _ambition(programme):
    return Ambition.objects.filter(framework=programme.framework, domain__name=DOMAIN).first()


@transaction.atomic
def _make(ctx, programme, owner, spec) -> int:
    codes = [code for code, *_rest in spec["indicators"]]
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    if len(indicators) != len(codes):
        ctx.errors.append(f"Indicatoren ontbreken voor het demoresultaat: {', '.join(codes)}")
        return 0
    section = programme.sections.filter(kind="domain", domain__name=DOMAIN).first()
    factors = Factor.objects.filter(framework=programme.framework, name__in=spec["factors"])
    rows = [
        {
            "indicator": indicators[code],
            "name": "",
            "baseline_period": "2021",
            "baseline_value": None,  # from the observations of Feijenoord
            "baseline_source": "",
            "target_kind": kind,
            "target_value": value,
            "direction": direction,
        }
        for code, kind, value, direction in spec["indicators"]
    ]
    try:
        result = result_create(
            programme=programme,
            user=owner,
            text=spec["text"],
            target_date=TARGET_DATE,
            domain=section.domain if section else None,
            ambition=_ambition(programme) if spec.get("ambition") else None,
            sections=[section] if section else [],
            factors=list(factors),
            rule=spec["rule"],
            indicators=rows,
        )
    except ValidationError as error:
        ctx.errors.append(f"Demoresultaat niet gemaakt: {error.messages}")
        return 0
    if spec["status"] != result.status:
        result = result_status_set(result, owner, spec["status"])
    recompute(result)
    return 1
