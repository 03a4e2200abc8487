"""Reference texts of the plan van aanpak, copied from seed 003 (Wijkprogrammering Rotterdam).

- QUALITY_QUESTIONS: step 4 "Kwaliteit input". The first five are the topics the gebiedsadviseur
  raises with a partner ("Deze onderwerpen kun je o.a. aan de orde stellen"); the sixth is the
  first question the plan van aanpak answers ("Denk na over onderstaande vragen"); the other two
  questions there (the next step and its timeline) are fields of the quality agreement itself.
- MEASURE_SCALES: appendix 9 ("Voorbeelden meten outcome"), the answer scale of each standard
  outcome measure of step 5.
- The column headings of the seed's tables (appendix 6, "Plan van aanpak Wijkprogrammering").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from duiding.activities.models import Measure

# (key, question). Keys are stored in QualityAgreement.checklist; never renumber them.
QUALITY_QUESTIONS: list[tuple[str, str]] = [
    (
        "effectiviteit",
        _(
            "Hebben de voorzieningen zicht op de effectiviteit van hun interventies en methoden? "
            "En hebben zij zicht op wat werkt voor welke doelgroep?"
        ),
    ),
    (
        "scholing",
        _(
            "Worden de professionals voldoende geschoold? Investeert de partner in de wijk in "
            "vakbekwaamheid van de professionals?"
        ),
    ),
    (
        "competentie",
        _(
            "Sluit de kennis en competentie van de professional aan bij het uit te voeren aanbod "
            "of activiteit?"
        ),
    ),
    (
        "lerende_organisatie",
        _(
            "Hoe zorgt de partner in de wijk/aanbieder ervoor dat professionals ruimte krijgen om "
            "te experimenteren, delen, leren en reflecteren? (lerende organisatie)"
        ),
    ),
    (
        "beroepsregistratie",
        _(
            "Heeft de partner in de wijk/aanbieder de beroepsregistratie van zijn/haar "
            "professionals op orde?"
        ),
    ),
    (
        "stand_van_zaken",
        _("Hoe laat de partner zien wat de stand van zaken is m.b.t. de interventie/ het aanbod?"),
    ),
]
QUALITY_KEYS = [key for key, _q in QUALITY_QUESTIONS]

# Appendix 6, step 3: "Wie voert de activiteit uit? | Voor welke doelgroep is de activiteit? |
# Met welk bereik?"
ACTIVITY_COLUMNS = [
    _("Wie voert de activiteit uit?"),
    _("Voor welke doelgroep is de activiteit?"),
    _("Met welk bereik?"),
]
# Appendix 6, step 5: "Welke outcome meten? | Hoe meten? | Hoe vaak? | Bij wie meten? |
# Aandachtspunten"
MEASUREMENT_COLUMNS = [
    _("Welke outcome meten?"),
    _("Hoe meten?"),
    _("Hoe vaak?"),
    _("Bij wie meten?"),
    _("Aandachtspunten"),
]


@dataclass(frozen=True)
class Scale:
    measure: str  # MeasurementPlan.measure value
    indicator: str  # what is counted (appendix 9, "Indicator outcome")
    question: str  # the item put to participants, "" when nothing is asked
    points: list[tuple[str, str]]  # (value, meaning)
    note: str = ""

    @property
    def label(self) -> str:

        return str(Measure(self.measure).label)


MEASURE_SCALES: dict[str, Scale] = {
    "bereik": Scale(
        "bereik",
        _("% bereik onder jeugdigen in de doelgroep"),
        "",
        [],
        _("Meting meestal binnen selectieve doelgroep."),
    ),
    "uitval": Scale(
        "uitval",
        _("Uitval bij dienst > 2 contacten: % eenzijdige beëindiging door cliënt"),
        _("Reden beëindiging"),
        [
            ("1", _("Beëindigd volgens plan")),
            ("2", _("Voortijdig: in overeenstemming")),
            ("3", _("Voortijdig: eenzijdig door de cliënt")),
            ("4", _("Voortijdig: eenzijdig door de aanbieder")),
            ("5", _("Voortijdig: wegens externe omstandigheden")),
        ],
    ),
    "tevredenheid": Scale(
        "tevredenheid",
        _("% bevraagden in de doelgroep die het nut / effect van de dienst als voldoende ervaren"),
        _("Geef met een schoolcijfer van 1 tot 10 aan hoe nuttig deze hulp voor u / jou was"),
        [
            ("1", _("volkomen nutteloos, ik had er niets aan")),
            ("10", _("uitstekend, ik heb er veel aan gehad")),
        ],
    ),
    "doelrealisatie": Scale(
        "doelrealisatie",
        _(
            "% bevraagden in doelgroep dat aangeeft dat het (nader aangegeven) doel van de "
            "dienst is gerealiseerd"
        ),
        _("Cliënt geeft aan het eind van de dienst per doel aan"),
        [
            ("-1", _("doel niet behaald, situatie ongunstiger dan bij start")),
            ("0", _("doel niet behaald, situatie gelijk aan start")),
            ("1", _("doel deels behaald")),
            ("2", _("doel behaald")),
        ],
    ),
    "verder_zonder_hulp": Scale(
        "verder_zonder_hulp",
        _("% respondenten dat aangeeft zonder hulp verder te kunnen"),
        _("Ik heb voldoende aan de hulp gehad om na de hulp zelf verder te gaan"),
        [
            (
                "1",
                _("Helemaal niet mee eens — ik heb juist een zelfde soort of zwaardere hulp nodig"),
            ),
            ("2", _("Niet mee eens — maar met een lichtere vorm van hulp red ik het goed")),
            (
                "3",
                _(
                    "Mee eens - voor nu heb ik geen verdere hulp nodig, maar ik verwacht dat ik "
                    "later nog wel eens om hulp zal aankloppen"
                ),
            ),
            ("4", _("Helemaal mee eens — ik heb geen verdere hulp meer nodig")),
        ],
    ),
    "geen_nieuwe_start": Scale(
        "geen_nieuwe_start",
        _(
            "% cliënten waarbij er binnen X jaar na afsluiting geen sprake is van een (nieuwe) "
            "start van jeugdhulp"
        ),
        "",
        [],
        _(
            "‘Nieuwe start hulp’ is door het CBS af te leiden uit de aan hen geleverde "
            "Beleidsinformatie Jeugd. Er hoeft geen extra informatie geleverd te worden."
        ),
    ),
}
