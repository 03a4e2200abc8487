"""CBS youth-care tables per gemeente (and landsdeel, provincie, jeugdregio).

- 82972NED (2015-2020) / 85098NED (2021-): shares of young people with jeugdhulp, jeugdbescherming
  and jeugdreclassering (%), per half year and year.
- 82968NED (2015-2020) / 85094NED (2021-): running youth-care trajectories on a reference date
  (30 June, 31 December) by form of care, counts.

Directions, argued one by one:
- % jongeren met jeugdhulp: NEUTRAL. A high share can mean many problems or good reach (early,
  light help through the wijkteam); the Rotterdam handbook reads it together with other figures.
  A beheerder can set a direction per indicator when the municipality wants one.
- % jeugdhulp met verblijf and % jeugdbescherming met verblijf: LOWER is better. Youth policy
  since the Jeugdwet aims at help "zo thuis mogelijk"; out-of-home placement is the heaviest form.
- % jongeren met jeugdbescherming: LOWER is better. A child-protection measure means the
  judge found the child's development threatened at home (ambition "veilig thuis").
- % jongeren met jeugdreclassering: LOWER is better (ambition "minder criminaliteit").
- Trajectory counts: NEUTRAL (counts are not compared across areas of another size).
"""

from __future__ import annotations

from duiding.indicators.catalogue._base import LOWER, NEUTRAL, SpecBook

SOURCE_SHARES = "CBS, Jeugdzorg; jongeren naar regio, relatief (StatLine 82972NED, 85098NED)"
SOURCE_TRAJECTORIES = "CBS, Jeugdzorgtrajecten naar vorm en regio (StatLine 82968NED, 85094NED)"

book = SpecBook(source=SOURCE_SHARES, rhythm="half_yearly")

book.pct(
    "JongerenMetJeugdhulpInNatura",
    "% jongeren met jeugdhulp",
    "Jongeren met jeugdhulp in natura in de periode, in procenten van alle jongeren tot 18 jaar "
    "in de regio (noemer volgens de CBS-toelichting bij 82972NED/85098NED). Richting neutraal: "
    "een hoog aandeel kan op meer problemen wijzen, maar ook op een goed bereik.",
    direction=NEUTRAL,
)
book.pct(
    "JongerenMetJeugdhMetVerblInNat",
    "% jeugdhulp met verblijf",
    "Jongeren met jeugdhulp met verblijf (pleegzorg, gezinshuis, residentieel), in procenten van "
    "de jongeren met jeugdhulp in natura. Lager is beter: hulp zo thuis mogelijk.",
    direction=LOWER,
)
book.pct(
    "JongerenMetJeugdbescherming",
    "% jongeren met jeugdbescherming",
    "Jongeren met een jeugdbeschermingsmaatregel (ondertoezichtstelling of voogdij), in procenten "
    "van alle jongeren tot 18 jaar in de regio.",
    direction=LOWER,
)
book.pct(
    "JeugdbeschEnJeugdhMetVerblInNat",
    "% jeugdbescherming met jeugdhulp met verblijf",
    "Jongeren met jeugdbescherming die ook jeugdhulp met verblijf krijgen, in procenten van de "
    "jongeren met jeugdbescherming.",
    direction=LOWER,
)
book.pct(
    "JongerenMetJeugdreclassering",
    "% jongeren met jeugdreclassering",
    "Jongeren met jeugdreclassering, in procenten van alle jongeren van 12 tot 23 jaar in de "
    "regio.",
    direction=LOWER,
)

_PEILDATUM = "lopend op de peildatum (30 juni of 31 december)"
for key, name, what in [
    (
        "TotaalJeugdzorgtrajectenInNatura",
        "Jeugdzorgtrajecten (lopend)",
        "Alle jeugdzorgtrajecten in natura (jeugdhulp, jeugdbescherming en jeugdreclassering)",
    ),
    (
        "TotaalJeugdhulptrajectenInNatura",
        "Jeugdhulptrajecten (lopend)",
        "Alle jeugdhulptrajecten in natura",
    ),
    (
        "TotaalJeugdhulpZonderVerblijf",
        "Jeugdhulptrajecten zonder verblijf (lopend)",
        "Jeugdhulptrajecten zonder verblijf",
    ),
    (
        "UitgevoerdDoorHetWijkOfBuurtteam",
        "Jeugdhulp uitgevoerd door wijk- of buurtteam (lopend)",
        "Jeugdhulptrajecten zonder verblijf die het wijk- of buurtteam zelf uitvoert",
    ),
    (
        "TotaalNietUitgevoerd",
        "Jeugdhulp zonder verblijf, niet door wijkteam (lopend)",
        "Jeugdhulptrajecten zonder verblijf die niet door het wijk- of buurtteam worden uitgevoerd",
    ),
    (
        "AmbulanteJeugdhulpOpLocatieAanbieder",
        "Ambulante jeugdhulp bij de aanbieder (lopend)",
        "Trajecten ambulante jeugdhulp op de locatie van de aanbieder",
    ),
    (
        "DaghulpOpLocatieVanDeAanbieder",
        "Daghulp bij de aanbieder (lopend)",
        "Trajecten daghulp op de locatie van de aanbieder",
    ),
    (
        "JeugdhulpInHetNetwerkVanDeJongere",
        "Jeugdhulp in het netwerk van de jongere (lopend)",
        "Trajecten jeugdhulp thuis, op school of elders in het netwerk van de jongere",
    ),
    (
        "TotaalJeugdhulpMetVerblijf",
        "Jeugdhulptrajecten met verblijf (lopend)",
        "Jeugdhulptrajecten met verblijf buiten het eigen huis",
    ),
    ("Pleegzorg", "Pleegzorg (lopend)", "Trajecten pleegzorg"),
    (
        "Gezinsgericht",
        "Gezinsgericht verblijf (lopend)",
        "Trajecten gezinsgericht verblijf (gezinshuis)",
    ),
    (
        "GeslotenPlaatsing",
        "Gesloten plaatsing (lopend)",
        "Trajecten gesloten jeugdhulp (machtiging van de kinderrechter)",
    ),
    (
        "AnderVerblijfBijJeugdhulpaanbieder",
        "Ander verblijf bij een jeugdhulpaanbieder (lopend)",
        "Trajecten ander verblijf bij een jeugdhulpaanbieder (residentieel)",
    ),
    (
        "TotaalJeugdbeschermingstrajecten",
        "Jeugdbeschermingstrajecten (lopend)",
        "Alle jeugdbeschermingstrajecten",
    ),
    (
        "TotaalOndertoezichtstelling",
        "Ondertoezichtstellingen, totaal (lopend)",
        "Ondertoezichtstellingen, regulier en voorlopig",
    ),
    (
        "Ondertoezichtstelling",
        "Ondertoezichtstellingen (lopend)",
        "Reguliere ondertoezichtstellingen",
    ),
    (
        "VoorlopigeOndertoezichtstelling",
        "Voorlopige ondertoezichtstellingen (lopend)",
        "Voorlopige ondertoezichtstellingen",
    ),
    ("TotaalVoogdij", "Voogdijmaatregelen, totaal (lopend)", "Alle voogdijmaatregelen"),
    ("ReguliereVoogdij", "Reguliere voogdij (lopend)", "Reguliere voogdijmaatregelen"),
    ("VoorlopigeVoogdij", "Voorlopige voogdij (lopend)", "Voorlopige voogdijmaatregelen"),
    ("TijdelijkeVoogdij", "Tijdelijke voogdij (lopend)", "Tijdelijke voogdijmaatregelen"),
    (
        "TotaalJeugdreclasseringstrajecten",
        "Jeugdreclasseringstrajecten (lopend)",
        "Alle jeugdreclasseringstrajecten",
    ),
    (
        "ToezichtEnBegeleidingGedwongenKader",
        "Jeugdreclassering: toezicht en begeleiding, gedwongen (lopend)",
        "Jeugdreclassering: toezicht en begeleiding in het gedwongen kader",
    ),
    (
        "ToezichtEnBegeleidingVrijwillig",
        "Jeugdreclassering: toezicht en begeleiding, vrijwillig (lopend)",
        "Jeugdreclassering: toezicht en begeleiding in het vrijwillig kader",
    ),
    (
        "IndividueleTrajectbegeleidingHardeKern",
        "Jeugdreclassering: ITB Harde Kern (lopend)",
        "Individuele trajectbegeleiding Harde Kern",
    ),
    (
        "IndividueleTrajectbegeleidingCriem",
        "Jeugdreclassering: ITB Criem (lopend)",
        "Individuele trajectbegeleiding Criem (2015-2020)",
    ),
    (
        "ScholingsEnTrainingsprogramma",
        "Jeugdreclassering: scholings- en trainingsprogramma (lopend)",
        "Scholings- en trainingsprogramma's",
    ),
    (
        "GedragsbeinvloedendeMaatregel",
        "Jeugdreclassering: gedragsbeïnvloedende maatregel (lopend)",
        "Gedragsbeïnvloedende maatregelen",
    ),
    (
        "VoorbereidGedragsbeinvloedMaatregel",
        "Jeugdreclassering: voorbereiding gedragsbeïnvloedende maatregel (lopend)",
        "Voorbereiding van een gedragsbeïnvloedende maatregel",
    ),
]:
    book.add(
        key,
        name,
        f"{what}, {_PEILDATUM}. Aantal trajecten, afgerond op 5.",
        source=SOURCE_TRAJECTORIES,
    )
book.same_as(
    "IndividueleTrajectbegeleidingCRIEM",
    "IndividueleTrajectbegeleidingCriem",
    "Naam in 85094NED (2021-).",
)

SPECS = book.specs
MEASURE_ALIASES = {"IndividueleTrajectbegeleidingCRIEM": "IndividueleTrajectbegeleidingCriem"}
