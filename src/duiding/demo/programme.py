"""Demo step: "Wijkprogramma Feijenoord 2025–2026" with a written analysis of the pillar Gezond
(and the domain Veilig thuis), through the programmes services like an adviser would write it.

The texts quote the demo's own CBS figures of Feijenoord (WK059910), Rotterdam and Nederland,
read from the database when the step runs, so they always match what the pages show. Factors are
chosen by name from the framework's factor model; a name the model does not hold is skipped.
Idempotent: when the programme exists, nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from duiding.accounts.models import Membership, Organisation, User
from duiding.areas.models import Area
from duiding.frameworks.models import Factor, Framework
from duiding.indicators.models import Indicator, Observation
from duiding.programmes import services
from duiding.programmes.models import Programme

AREA_CODE = "WK059910"
PROGRAMME_NAME = "Wijkprogramma Feijenoord 2025–2026"
OWNER = "adviseur"
PARTNER_USER = "partner"
OWNER_ORGANISATION = "gemeente-rotterdam"
COMPARISONS = ("WK059910", "GM0599", "NL01")


@dataclass
class DomainText:
    domain: str
    analysis: str
    conclusion: str
    factors: list[tuple[str, str]] = field(default_factory=list)  # (factor name, note)
    striking: list[tuple[str, str]] = field(default_factory=list)  # (indicator code, note)
    missing: list[tuple[str, str, str]] = field(default_factory=list)  # what, why, source


def nl(value: float | None, decimals: int = 1) -> str:
    """Dutch number format: 1.555 and 25,7."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


class Figures:
    """The latest yearly figure per (indicator, area), read once."""

    def __init__(self, codes: list[str]):
        self.latest: dict[tuple[str, str], tuple[str, float]] = {}
        rows = (
            Observation.objects.filter(
                indicator__code__in=codes,
                area__code__in=COMPARISONS,
                is_current=True,
                category="",
                status="ok",
                period__kind="year",
            )
            .order_by("period__code")
            .values_list("indicator__code", "area__code", "period__code", "value")
        )
        self.series: dict[tuple[str, str], list[tuple[str, float]]] = {}
        for code, area, period, value in rows:
            self.latest[(code, area)] = (period, value)
            self.series.setdefault((code, area), []).append((period, value))

    def value(self, code: str, area: str = AREA_CODE) -> float | None:
        found = self.latest.get((code, area))
        return found[1] if found else None

    def year(self, code: str) -> str:
        found = self.latest.get((code, AREA_CODE))
        return found[0] if found else "–"

    def share(self, part: str, whole: str, area: str = AREA_CODE) -> float | None:
        a, b = self.value(part, area), self.value(whole, area)
        return a * 100 / b if a is not None and b else None


YOUTH = "TotaalJongerenMetJeugdzorgInNatura"
SINGLE_PARENT = "ThuiswonendKindInEenouderhuishouden"
GP = "AandeelVerwezenDoorHuisarts"
YOUTH_DOCTOR = "AandeelVerwezenDoorJeugdarts"
TEAM = "AandeelVerwezenDoorGemeentelijkeToegang"
CERTIFIED = "AandeelVerwezenDoorGecertificeerdeInstelling"
CODES = [YOUTH, SINGLE_PARENT, GP, YOUTH_DOCTOR, TEAM, CERTIFIED]


def domain_texts(f: Figures) -> list[DomainText]:
    first_year, first = (f.series.get((YOUTH, AREA_CODE)) or [("–", None)])[0]
    single = f.share(SINGLE_PARENT, YOUTH)
    single_city = f.share(SINGLE_PARENT, YOUTH, "GM0599")
    single_nl = f.share(SINGLE_PARENT, YOUTH, "NL01")
    return [
        DomainText(
            "Sociaal-emotionele gezondheid",
            f"In {f.year(YOUTH)} hadden {nl(f.value(YOUTH), 0)} jongeren in Feijenoord "
            f"jeugdzorg in natura (in {first_year}: {nl(first, 0)}). Van hen woont "
            f"{nl(single)} % in een eenouderhuishouden, tegen {nl(single_city)} % in Rotterdam en "
            f"{nl(single_nl)} % in Nederland. Jongeren komen minder vaak via de huisarts in de "
            f"jeugdzorg ({nl(f.value(GP))} % van de trajecten, Rotterdam "
            f"{nl(f.value(GP, 'GM0599'))} %) en bijna nooit via de jeugdarts "
            f"({nl(f.value(YOUTH_DOCTOR))} %, Rotterdam {nl(f.value(YOUTH_DOCTOR, 'GM0599'))} %). "
            f"Het aandeel via het wijkteam is vergelijkbaar met Rotterdam "
            f"({nl(f.value(TEAM))} % tegen {nl(f.value(TEAM, 'GM0599'))} %).\n\n"
            "Onder deze cijfers kunnen problemen in het gezin en psychische problemen bij ouders "
            "zitten; eenoudergezinnen hebben vaker weinig geld en weinig steun om zich heen. Dat "
            "jeugdarts en huisarts weinig doorverwijzen, kan betekenen dat problemen laat in beeld "
            "komen. Dat bespreken we met het CJG en de huisartsen in de wijk.",
            "Veel jongeren met jeugdzorg komen uit eenoudergezinnen; de vroege signalering via "
            "jeugdarts en huisarts is zwak.",
            [
                (
                    "Problemen in het gezin",
                    "Bijna de helft van de jongeren met jeugdzorg woont in een eenouderhuishouden.",
                ),
                ("Ouderlijke psychopathologie", "Signaal van het wijkteam; niet in de cijfers."),
                ("Sociaal economische status", ""),
            ],
            [
                (
                    SINGLE_PARENT,
                    f"{nl(single)} % van de jongeren met jeugdzorg woont in een "
                    f"eenouderhuishouden (Rotterdam {nl(single_city)} %).",
                )
            ],
            [
                (
                    "Psychosociale problemen bij jongeren (SDQ) in Feijenoord",
                    "Jeugdzorggebruik zegt iets over hulp, niet over hoe het met jongeren gaat.",
                    "GGD Rotterdam-Rijnmond, Jeugdmonitor",
                )
            ],
        ),
        DomainText(
            "Gezond gedrag",
            "Voor Feijenoord staan er nog geen cijfers over gezond gedrag in Duiding "
            "(overgewicht, bewegen, roken, alcohol). Het jongerenwerk ziet dat veel kinderen "
            "weinig buiten spelen en veel frisdrank drinken; dat toetsen we met de cijfers van de "
            "jeugdgezondheidszorg zodra die er zijn.",
            "Nog geen wijkcijfers; signalen over voeding en bewegen toetsen.",
            [("Voeding", ""), ("Sport / beweging (individu)", "")],
            [],
            [
                (
                    "Overgewicht bij kinderen van 4 tot 12 jaar in Feijenoord",
                    "Het signaal van het jongerenwerk over voeding toetsen.",
                    "CJG Rijnmond (groeigegevens jeugdgezondheidszorg)",
                )
            ],
        ),
        DomainText(
            "Algemene gezondheid",
            "Ook voor algemene gezondheid ontbreken wijkcijfers. De huisartsen noemen vooral "
            "jongeren met vage lichamelijke klachten die samenhangen met stress thuis.",
            "Nog geen wijkcijfers; ervaren gezondheid van jongeren opvragen.",
            [("Toegang voorzieningen", "")],
            [],
            [
                (
                    "Ervaren gezondheid van jongeren van 12 tot 18 jaar",
                    "Weten of klachten vaker voorkomen dan in Rotterdam.",
                    "GGD Jeugdmonitor",
                )
            ],
        ),
        DomainText(
            "Veilig thuis",
            f"{nl(f.value(CERTIFIED))} % van de jeugdzorgtrajecten in Feijenoord komt via een "
            f"gecertificeerde instelling (jeugdbescherming), ongeveer als in Rotterdam "
            f"({nl(f.value(CERTIFIED, 'GM0599'))} %), maar hoger dan in Nederland "
            f"({nl(f.value(CERTIFIED, 'NL01'))} %). Samen met het hoge aandeel "
            "eenoudergezinnen wijst dit op gezinnen onder druk.",
            "Jeugdbescherming speelt een grotere rol dan landelijk; gezinnen staan onder druk.",
            [
                ("Ouderlijke psychopathologie", ""),
                ("Problemen in het gezin", ""),
                ("Opvoedingsvaardigheden", "Oudercursussen in de wijk zijn vol."),
            ],
            [],
            [],
        ),
    ]


PILLAR_TEXT = (
    "De jeugdzorgcijfers van Feijenoord wijzen op gezinnen onder druk: veel jongeren met "
    "jeugdzorg wonen in een eenouderhuishouden en problemen komen laat in beeld, omdat jeugdarts "
    "en huisarts weinig doorverwijzen. Problemen in het gezin en psychische problemen bij ouders "
    "spelen in meer domeinen mee (ook in Veilig thuis). Voor gezond gedrag en algemene "
    "gezondheid ontbreken wijkcijfers; die vragen we op bij de GGD en het CJG."
)


def _prerequisites(ctx):
    area = Area.objects.filter(code=AREA_CODE).first()
    framework = Framework.objects.filter(is_default=True).first()
    owner = User.objects.filter(username=OWNER).first()
    organisation = Organisation.objects.filter(slug=OWNER_ORGANISATION).first()
    missing = [
        label
        for label, value in (
            (f"gebied {AREA_CODE}", area),
            ("standaardraamwerk", framework),
            (f"gebruiker {OWNER}", owner),
            (f"organisatie {OWNER_ORGANISATION}", organisation),
        )
        if value is None
    ]
    if missing:
        ctx.errors.append("Demoprogramma overgeslagen, ontbreekt: " + ", ".join(missing))
        return None
    return area, framework, owner, organisation


def demo_programme_ensure(ctx) -> int:
    """The demo programme with its written analysis; 0 when it is already there."""
    found = _prerequisites(ctx)
    if found is None:
        return 0
    area, framework, owner, organisation = found
    if Programme.objects.filter(name=PROGRAMME_NAME, area=area).exists():
        return 0
    return _write(area, framework, owner, organisation)


@transaction.atomic
def _write(area, framework, owner, organisation) -> int:
    partners = Organisation.objects.filter(
        memberships__user__username=PARTNER_USER, memberships__role=Membership.Role.PARTNER
    ).exclude(pk=organisation.pk)
    programme = services.programme_create(
        user=owner,
        name=PROGRAMME_NAME,
        area=area,
        framework=framework,
        organisation=organisation,
        owner=owner,
        start_year=2025,
        end_year=2026,
        partners=list(partners.distinct()),
    )
    changed = 1
    factors = {f.name: f for f in Factor.objects.filter(framework=framework)}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=CODES)}
    sections = {
        s.domain.name: s for s in programme.sections.filter(kind="domain").select_related("domain")
    }
    for text in domain_texts(Figures(CODES)):
        section = sections.get(text.domain)
        if section is None:
            continue
        for name, note in text.factors:
            if name in factors:
                services.factor_add(section, user=owner, factor=factors[name], note=note)
                changed += 1
        for code, note in text.striking:
            if code in indicators:
                services.striking_mark(section, user=owner, indicator=indicators[code], note=note)
                changed += 1
        for description, reason, source in text.missing:
            services.missing_figure_add(
                section, user=owner, description=description, reason=reason, possible_source=source
            )
            changed += 1
        changed += _save(services, section, owner, text.analysis, text.conclusion)
    pillar = programme.sections.filter(kind="pillar", pillar__name="Gezond").first()
    if pillar is not None:
        changed += _save(services, pillar, owner, PILLAR_TEXT, "")
    return changed


def _save(services, section, user, analysis: str, conclusion: str) -> int:
    section.refresh_from_db()
    services.section_save(
        section,
        user=user,
        based_on_version=section.version,
        text=services.SectionText(analysis=analysis, conclusion=conclusion, status="concept"),
        summary="Demo: analyse geschreven",
    )
    return 1
