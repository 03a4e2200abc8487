"""Demo step: consultation of the demo programme — one conversation with partners (two findings)
and one open feedback request to a colleague, through the programmes services like an adviser
would record them.

Idempotent: the conversation is written only when the programme has none, the feedback request
only when the colleague has no request on the programme yet (open or closed).
"""

from __future__ import annotations

import datetime

from django.db import transaction

from duiding.accounts.models import Membership, User
from duiding.demo.programme import AREA_CODE, OWNER, PROGRAMME_NAME
from duiding.programmes.consultation import services as consultation
from duiding.programmes.models import Programme
from duiding.programmes.permissions import feedback_candidates

REVIEWERS = ("accounthouder", "beheerder")  # the first demo colleague that exists is asked
CONVERSATION_DATE = datetime.date(2025, 11, 6)
PARTICIPANTS = "Petra Partner (Welzijn Rotterdam Zuid), jongerenwerker, Ahmed Adviseur (gemeente)"
OTHER_ORGANISATIONS = "Wijkteam Feijenoord, CJG Rijnmond"
NOTES = (
    "Wijkoverleg jeugd Feijenoord: de wijkanalyse (pijler Gezond en Veilig thuis) besproken "
    "aan de hand van de cijfers over jeugdzorg en de verwijzers."
)
FINDINGS = [
    {
        "domain": "Sociaal-emotionele gezondheid",
        "statement": (
            "Minder jongeren in Feijenoord komen via de huisarts en de jeugdarts bij de jeugdzorg "
            "dan in Rotterdam; het wijkteam verwijst relatief vaak."
        ),
        "recognition": "ja",
        "explanation": (
            "Veel gezinnen hebben geen vaste huisarts of gaan er pas heen als het escaleert; het "
            "wijkteam zit in de school en is makkelijker te bereiken."
        ),
        "practice_signals": (
            "Jongerenwerkers zien vooral somberheid en stress bij meiden van 12 tot 16 jaar, die "
            "zelden bij de huisarts komen."
        ),
    },
    {
        "domain": "Veilig thuis",
        "statement": (
            "Jongeren met jeugdzorg wonen in Feijenoord vaker in een eenouderhuishouden dan "
            "gemiddeld in Rotterdam."
        ),
        "recognition": "deels",
        "explanation": (
            "Herkend voor de oudere kinderen; bij jonge kinderen zien partners vaker twee ouders "
            "met zorgen over geld en opvoeding."
        ),
        "practice_signals": "",
    },
]
FEEDBACK_MESSAGE = (
    "Wil je meelezen met de analyse van de pijler Gezond? Vooral: klopt de lezing van de "
    "verwijzers, en missen we factoren achter de cijfers?"
)


def demo_consultation_ensure(ctx) -> int:
    """The demo conversation and feedback request; 0 when both are already there."""
    programme = Programme.objects.filter(name=PROGRAMME_NAME, area__code=AREA_CODE).first()
    owner = User.objects.filter(username=OWNER).first()
    if programme is None or owner is None:
        ctx.errors.append("Democonsultatie overgeslagen: het demoprogramma ontbreekt.")
        return 0
    return _conversation(programme, owner) + _feedback_request(programme, owner)


@transaction.atomic
def _conversation(programme, owner) -> int:
    if programme.conversations.exists():
        return 0
    organisations = programme.partners.filter(memberships__role=Membership.Role.PARTNER).distinct()
    conversation = consultation.conversation_create(
        programme=programme,
        user=owner,
        date=CONVERSATION_DATE,
        participants=PARTICIPANTS,
        organisations=list(organisations),
        other_organisations=OTHER_ORGANISATIONS,
        notes=NOTES,
    )
    sections = {
        s.domain.name: s for s in programme.sections.filter(kind="domain").select_related("domain")
    }
    for data in FINDINGS:
        consultation.finding_create(
            conversation=conversation,
            user=owner,
            section=sections.get(data["domain"]),
            statement=data["statement"],
            recognition=data["recognition"],
            explanation=data["explanation"],
            practice_signals=data["practice_signals"],
            mark_discussed=False,  # the demo sections stay "concept" (the analysis is a draft)
        )
    return 1 + len(FINDINGS)


@transaction.atomic
def _feedback_request(programme, owner) -> int:
    candidates = feedback_candidates(programme).exclude(pk=owner.pk)
    reviewer = next((u for name in REVIEWERS for u in candidates.filter(username=name)), None)
    if reviewer is None or programme.feedback_requests.filter(reviewer=reviewer).exists():
        return 0
    pillar = programme.sections.filter(kind="pillar", pillar__name="Gezond").first()
    consultation.feedback_request_create(
        programme=programme,
        requested_by=owner,
        reviewer=reviewer,
        message=FEEDBACK_MESSAGE,
        sections=[pillar] if pillar is not None else [],
    )
    return 1
