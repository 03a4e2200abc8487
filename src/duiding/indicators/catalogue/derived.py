"""Default derived indicators: numerator / denominator x multiplier over CBS measures we load.

Defined once here; ``duiding demo`` (and a beheerder, from the indicator pages) creates them when
both parts exist, and ``derived_compute`` fills them for every area and period where both parts
have a figure. Codes are descriptive keys in the CBS style so they read well in the API.
"""

from __future__ import annotations

from dataclasses import dataclass

from duiding.indicators.catalogue._base import HIGHER, NEUTRAL


@dataclass(frozen=True)
class DerivedSpec:
    code: str
    name: str
    numerator: str
    denominator: str
    multiplier: int
    direction: str
    definition: str


DERIVED: list[DerivedSpec] = [
    DerivedSpec(
        "AandeelVerwezenDoorGemeentelijkeToegang",
        "% trajecten verwezen door gemeentelijke toegang (wijkteam)",
        "GemeentelijkeToegang",
        "TotaalTrajectenInNatura",
        100,
        # Neutral: the share depends on local arrangements with huisartsen and jeugdartsen; a
        # municipality that steers on the wijkteam as front door can set higher-is-better.
        NEUTRAL,
        "Jeugdzorgtrajecten in natura waarvoor de gemeentelijke toegang (wijkteam) verwees, in "
        "procenten van alle jeugdzorgtrajecten in natura.",
    ),
    DerivedSpec(
        "AandeelVerwezenDoorHuisarts",
        "% trajecten verwezen door de huisarts",
        "Huisarts",
        "TotaalTrajectenInNatura",
        100,
        NEUTRAL,
        "Jeugdzorgtrajecten in natura waarvoor de huisarts verwees, in procenten van alle "
        "jeugdzorgtrajecten in natura.",
    ),
    DerivedSpec(
        "AandeelVerwezenDoorGecertificeerdeInstelling",
        "% trajecten verwezen door een gecertificeerde instelling",
        "GecertificeerdeInstelling",
        "TotaalTrajectenInNatura",
        100,
        NEUTRAL,
        "Jeugdzorgtrajecten in natura waarvoor een gecertificeerde instelling (jeugdbescherming, "
        "jeugdreclassering) verwees, in procenten van alle jeugdzorgtrajecten in natura.",
    ),
    DerivedSpec(
        "AandeelJeugdhulpDoorWijkteam",
        "% jeugdhulp zonder verblijf uitgevoerd door het wijkteam",
        "UitgevoerdDoorHetWijkOfBuurtteam",
        "TotaalJeugdhulpZonderVerblijf",
        100,
        NEUTRAL,
        "Lopende trajecten jeugdhulp zonder verblijf die het wijk- of buurtteam zelf uitvoert, in "
        "procenten van alle lopende trajecten jeugdhulp zonder verblijf.",
    ),
    DerivedSpec(
        "PercentageInwoners0Tot15Jaar",
        "% inwoners 0 tot 15 jaar",
        "k_0Tot15Jaar",
        "AantalInwoners",
        100,
        NEUTRAL,
        "Inwoners van 0 tot 15 jaar in procenten van alle inwoners.",
    ),
    DerivedSpec(
        "PercentageInwoners15Tot25Jaar",
        "% inwoners 15 tot 25 jaar",
        "k_15Tot25Jaar",
        "AantalInwoners",
        100,
        NEUTRAL,
        "Inwoners van 15 tot 25 jaar in procenten van alle inwoners.",
    ),
    DerivedSpec(
        "PercentageHuishoudensMetKinderen",
        "% huishoudens met kinderen",
        "HuishoudensMetKinderen",
        "HuishoudensTotaal",
        100,
        NEUTRAL,
        "Huishoudens met thuiswonende kinderen in procenten van alle particuliere huishoudens.",
    ),
    DerivedSpec(
        "PercentageBeeindigdVolgensPlan",
        "% jeugdhulptrajecten beëindigd volgens plan",
        "BeeindigdVolgensPlan",
        "TotaalBeeindigdeTrajecten",
        100,
        HIGHER,
        "Beëindigde jeugdhulptrajecten die volgens plan zijn afgesloten, in procenten van alle "
        "beëindigde trajecten (outcome-indicator doelrealisatie, landelijk).",
    ),
]
