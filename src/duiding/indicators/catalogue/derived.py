"""More derived indicators (numerator / denominator x multiplier) over CBS measures we load.

The youth-care shares (referrers, ended according to plan, ended early) are defined by the data
migration ``indicators/0004_derived_indicators``. The ones below need parts that only exist after
an import (wijkteam share of jeugdhulp, KWB age and household shares): ``duiding demo`` creates them
when both parts exist (a beheerder can do the same on the indicator pages), and ``derived_compute``
fills them for every area and period where both parts have a figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from duiding.indicators.catalogue._base import NEUTRAL


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
]
