"""The vocabulary of outcome measurement (seed 003 step 5 and Bijlage 9 "Voorbeelden meten
outcome"), shared by the measurement plans, the questionnaires and the entered figures.

- Measure: the standard outcome measures of step 5 (and Bijlage 9) or a custom one; the value is
  stored in `MeasurementPlan.measure`, in a question's `measure` and in `EnteredCount.measure`.
- FromWhom: bij wie meten (a sample or all participants).
- MEASURE_SCALES: per standard measure the seed's indicator, the item put to participants and its
  answer points, word for word.
- CHANGE_CATEGORIES: the five steps of "afname problematiek", best first.
- MEASUREMENT_COLUMNS: the column headings of the seed's step 5 table (appendix 6, "Plan van
  aanpak Wijkprogrammering").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    """The standard outcome measures (seed 003 step 5, Bijlage 9) or a custom one."""

    REACH = "bereik", _("Bereik")
    DROPOUT = "uitval", _("Uitval (reden beëindiging, codes 1–5)")
    SATISFACTION = "tevredenheid", _("Tevredenheid (rapportcijfer 1–10)")
    GOAL_REALISATION = "doelrealisatie", _("Doelrealisatie (−1 / 0 / 1 / 2)")
    WITHOUT_HELP = "verder_zonder_hulp", _("Verder zonder hulp (1–4)")
    NO_NEW_START = "geen_nieuwe_start", _("Geen nieuwe start hulp binnen X jaar")
    PROBLEM_DECREASE = "afname_problematiek", _("Afname problematiek (vijf stappen)")
    CUSTOM = "eigen", _("Eigen maat")


class FromWhom(models.TextChoices):
    SAMPLE = "steekproef", _("Steekproef")
    ALL = "alle", _("Alle deelnemers")


# Appendix 6, step 5: "Welke outcome meten? | Hoe meten? | Hoe vaak? | Bij wie meten? |
# Aandachtspunten"
MEASUREMENT_COLUMNS = [
    _("Welke outcome meten?"),
    _("Hoe meten?"),
    _("Hoe vaak?"),
    _("Bij wie meten?"),
    _("Aandachtspunten"),
]

# Afname problematiek (Bijlage 9): "Een sterke verbetering; Een matige verbetering; Stabilisatie;
# Een matige verslechtering; Een sterke verslechtering", best first. The keys are stored as the
# answer of the question (outcomes.standard.problem_change); never rename them.
CHANGE_CATEGORIES = [
    ("sterke_verbetering", _("Een sterke verbetering")),
    ("matige_verbetering", _("Een matige verbetering")),
    ("stabilisatie", _("Stabilisatie")),
    ("matige_verslechtering", _("Een matige verslechtering")),
    ("sterke_verslechtering", _("Een sterke verslechtering")),
]

AFNAME_QUESTION = _(
    "U bepaalt door herhaalde instrumentafname (bij begin en einde) of er sprake was van:"
)


@dataclass(frozen=True)
class Scale:
    measure: str  # Measure value
    indicator: str  # what is counted (appendix 9, "Indicator outcome")
    question: str  # the item put to participants, "" when nothing is asked
    points: list[tuple[str, str]]  # (value, meaning)
    note: str = ""
    coded: bool = True  # the values are codes a person reads ("(3) Voortijdig: …"); else keys

    @property
    def label(self) -> str:
        return str(Measure(self.measure).label)

    @property
    def point_texts(self) -> list[str]:
        """Each point as the seed writes it: "(3) Voortijdig: …", or only its meaning when the
        values are keys (afname problematiek)."""
        if self.coded:
            return [f"({value}) {meaning}" for value, meaning in self.points]
        return [str(meaning) for _value, meaning in self.points]


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
    "afname_problematiek": Scale(
        "afname_problematiek",
        _(
            "% cliënten waarvan ernstige problematiek bij aanvang hulp op verschillende domeinen "
            "bij einde hulp (per domein): in de normale range (‘genormaliseerd’) of beter dan "
            "gemiddeld is, of significant is verbeterd, maar (nog) niet in de normale range is, "
            "of gelijk gebleven is, of significant is verslechterd"
        ),
        AFNAME_QUESTION,
        CHANGE_CATEGORIES,
        coded=False,
    ),
}
