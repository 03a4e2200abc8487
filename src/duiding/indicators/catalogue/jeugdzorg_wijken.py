"""CBS "Jeugdzorg; wijken" (82964NED 2015, 83563NED 2016, 83782NED 2017, 84316NED 2018, 84615NED
2019, 84856NED 2020, 85075NED 2021, 85335NED 2022, 85685NED 2023).

Young people (under 23) with jeugdzorg in natura per wijk and gemeente, per half year and year,
broken down by age, household, form of care (until 2020) and referrer. All figures are counts,
rounded by CBS to multiples of 5, small numbers suppressed.

Direction: counts are never flagged against areas of another size, so they stay neutral. More
youth care is not simply worse: it mixes need and reach (a wijkteam that finds families early
raises the count). Shares are derived elsewhere from these counts.
"""

from __future__ import annotations

from duiding.indicators.catalogue._base import SpecBook

SOURCE = "CBS, Jeugdzorg; wijken (StatLine 82964NED … 85685NED)"
book = SpecBook(source=SOURCE, rhythm="half_yearly")
add = book.add

add(
    "TotaalJongerenMetJeugdzorgInNatura",
    "Jongeren met jeugdzorg in natura",
    "Aantal jongeren tot 23 jaar met jeugdzorg in natura (jeugdhulp, jeugdbescherming of "
    "jeugdreclassering) in de periode, naar woonadres. Een jongere met meer vormen telt één keer.",
)
book.same_as(
    "TotaalJongerenMetJeugdzorg",
    "TotaalJongerenMetJeugdzorgInNatura",
    "Naam in de tabellen 2015 en 2016 (categorie 'Totaal jeugdzorg').",
)
for key, ages in [
    ("k_0Tot4Jaar", "0 tot 4 jaar"),
    ("k_4Tot12Jaar", "4 tot 12 jaar"),
    ("k_12Tot18Jaar", "12 tot 18 jaar"),
    ("k_18Tot23Jaar", "18 tot 23 jaar"),
]:
    add(
        key,
        f"Jongeren met jeugdzorg, {ages}",
        f"Aantal jongeren van {ages} met jeugdzorg in natura in de periode.",
    )

add(
    "ThuiswonendKindInEenouderhuishouden",
    "Jongeren met jeugdzorg, thuiswonend in eenouderhuishouden",
    "Aantal jongeren met jeugdzorg in natura dat thuis woont bij één ouder.",
)
add(
    "ThuiswonendKindBijEenPaar",
    "Jongeren met jeugdzorg, thuiswonend bij een paar",
    "Aantal jongeren met jeugdzorg in natura dat thuis woont bij twee ouders of een ouder met "
    "partner.",
)
add(
    "AnderHuishouden",
    "Jongeren met jeugdzorg, ander huishouden",
    "Aantal jongeren met jeugdzorg in natura dat niet als kind bij ouders woont (zelfstandig, in "
    "een instelling of anders).",
)
_HH_NOTE = "Naam in de tabellen 2015-2017; CBS deelt huishoudens sinds 2018 iets anders in."
book.same_as("ThuiswonendKindInEenouderGezin", "ThuiswonendKindInEenouderhuishouden", _HH_NOTE)
book.same_as("ThuiswonendKindInTweeouderGezin", "ThuiswonendKindBijEenPaar", _HH_NOTE)
book.same_as("AndereHuishoudens", "AnderHuishouden", _HH_NOTE)

add(
    "TotaalTrajectenInNatura",
    "Jeugdzorgtrajecten in natura",
    "Aantal jeugdzorgtrajecten in natura in de periode; een jongere kan meer trajecten hebben.",
)
book.same_as(
    "TotaalJeugdzorgtrajecten",
    "TotaalTrajectenInNatura",
    "Naam in de tabellen 2015 en 2016.",
)

# Perspective of the trajectory (published 2015-2020 only).
for key, name, what in [
    (
        "StabilisatieVanEenCrisissituatie",
        "Trajecten gericht op stabilisatie van een crisis",
        "met als perspectief het stabiliseren van een crisissituatie",
    ),
    ("Diagnostiek", "Trajecten gericht op diagnostiek", "met als perspectief diagnostiek"),
    ("Begeleiden", "Trajecten gericht op begeleiden", "met als perspectief begeleiden"),
    ("Behandelen", "Trajecten gericht op behandelen", "met als perspectief behandelen"),
]:
    add(key, name, f"Aantal jeugdzorgtrajecten in natura {what} (gepubliceerd 2015-2020).")

# Referrers (verwijzers) of the trajectories.
for key, name, who in [
    (
        "GemeentelijkeToegang",
        "Trajecten verwezen door de gemeentelijke toegang",
        "de gemeentelijke toegang (wijkteam, jeugdteam of andere toegang van de gemeente)",
    ),
    ("Huisarts", "Trajecten verwezen door de huisarts", "de huisarts"),
    ("Jeugdarts", "Trajecten verwezen door de jeugdarts", "de jeugdarts (JGZ)"),
    (
        "GecertificeerdeInstelling",
        "Trajecten verwezen door een gecertificeerde instelling",
        "een gecertificeerde instelling (jeugdbescherming of jeugdreclassering)",
    ),
    (
        "MedischSpecialist",
        "Trajecten verwezen door een medisch specialist",
        "een medisch specialist",
    ),
    (
        "RechterOfficierVanJustitie",
        "Trajecten verwezen door rechter of officier van justitie",
        "de rechter of de officier van justitie (gepubliceerd vanaf 2016)",
    ),
    ("GeenVerwijzer", "Trajecten zonder verwijzer", "niemand (de jongere kwam zonder verwijzing)"),
    ("VerwijzerOnbekend", "Trajecten met onbekende verwijzer", "een onbekende verwijzer"),
]:
    add(key, name, f"Aantal jeugdzorgtrajecten in natura waarvoor verwezen is door {who}.")

SPECS = book.specs

# Older keys that continue as the newer series (suggested rows for the alias table).
MEASURE_ALIASES = {
    "TotaalJongerenMetJeugdzorg": "TotaalJongerenMetJeugdzorgInNatura",
    "TotaalJeugdzorgtrajecten": "TotaalTrajectenInNatura",
    "ThuiswonendKindInEenouderGezin": "ThuiswonendKindInEenouderhuishouden",
    "ThuiswonendKindInTweeouderGezin": "ThuiswonendKindBijEenPaar",
    "AndereHuishoudens": "AnderHuishouden",
}
CATEGORY_ALIASES = {"Totaal jeugdzorg": "Totaal alle jeugdzorg in natura"}
