"""CBS jeugdhulp trajectories by referrer with outcome building blocks (national only):
82970NED (2015-2020, also by perspective) and 85096NED (2021-).

The tables repeat one block of measures per form of care; the first block is "all jeugdhulp in
natura". The keys below describe that first block. Some keys also occur in 82968NED/85094NED with
another meaning (running trajectories on a reference date there, trajectories in a period here),
so these specs are looked up per dataset: ``spec_for(code, dataset="85096NED")``.

Directions: ended "volgens plan" is higher-is-better (doelrealisatie proxy in the national
outcome indicators); ended early and repeat use are lower-is-better; the rest is neutral.
"""

from __future__ import annotations

from dataclasses import replace

from duiding.indicators.catalogue._base import HIGHER, LOWER, SpecBook
from duiding.indicators.importing.types import IndicatorSpec

SOURCE = "CBS, Jeugdhulptrajecten naar verwijzer en beëindiging (StatLine 82970NED, 85096NED)"
book = SpecBook(source=SOURCE, rhythm="half_yearly")
add = book.add

add(
    "TotaalJeugdhulptrajectenInNatura",
    "Jeugdhulptrajecten in de periode",
    "Aantal jeugdhulptrajecten in natura dat in de periode liep (ook kort), landelijk.",
)
add(
    "TotaalBegonnenTrajecten",
    "Begonnen jeugdhulptrajecten",
    "Aantal trajecten gestart in de periode.",
)
book.same_as(
    "ToaalBegonnenTrajecten",
    "TotaalBegonnenTrajecten",
    "Zo (met tikfout) gespeld in het blok daghulp van 82970NED en 85096NED.",
)
add(
    "NieuwTraject",
    "Begonnen trajecten: nieuw",
    "Gestarte trajecten van jongeren zonder jeugdhulp in de zes maanden ervoor.",
)
add(
    "HerhaaldBeroep",
    "Begonnen trajecten: herhaald beroep",
    "Gestarte trajecten van jongeren die in de zes maanden ervoor al jeugdhulp hadden "
    "(herhaald beroep; onderdeel van de outcome-indicatoren jeugdhulp).",
    direction=LOWER,
)
add(
    "GestartMetCrisis",
    "Begonnen trajecten: met crisis",
    "Gestarte trajecten die met crisis begonnen.",
)
add(
    "NietGestartMetCrisis",
    "Begonnen trajecten: zonder crisis",
    "Gestarte trajecten die niet met crisis begonnen.",
)
add(
    "TotaalBeeindigdeTrajecten",
    "Beëindigde jeugdhulptrajecten",
    "Aantal trajecten beëindigd in de periode.",
)
for key, duration in [
    ("k_0Tot3Maanden", "korter dan 3 maanden"),
    ("k_3Tot6Maanden", "3 tot 6 maanden"),
    ("k_6MaandenTot1Jaar", "6 maanden tot 1 jaar"),
    ("k_1Tot2Jaar", "1 tot 2 jaar"),
    ("k_2Tot3Jaar", "2 tot 3 jaar"),
    ("k_3Tot4Jaar", "3 tot 4 jaar"),
    ("k_4JaarOfLanger", "4 jaar of langer"),
]:
    add(
        key,
        f"Beëindigde trajecten, duur {duration}",
        f"Beëindigde trajecten die {duration} duurden.",
    )
add(
    "GemiddeldeDuur",
    "Gemiddelde duur beëindigde trajecten",
    "Gemiddelde duur van de in de periode beëindigde trajecten, in dagen (vanaf 2021).",
    unit="mean",
    unit_label="dagen",
)
add(
    "BeeindigdVolgensPlan",
    "Beëindigd volgens plan",
    "Beëindigde trajecten die volgens plan zijn afgesloten (benadering van doelrealisatie in de "
    "outcome-indicatoren jeugdhulp).",
    direction=HIGHER,
)
add(
    "TotaalVoortijdigAfgesloten",
    "Voortijdig afgesloten",
    "Beëindigde trajecten die voortijdig zijn afgesloten (uitval).",
    direction=LOWER,
)
for key, why in [
    ("InOvereenstemming", "in overeenstemming tussen cliënt en aanbieder"),
    ("EenzijdigDoorDeClient", "eenzijdig door de cliënt"),
    ("EenzijdigDoorDeAanbieder", "eenzijdig door de aanbieder"),
    ("WegensExterneOmstandigheden", "wegens externe omstandigheden"),
]:
    add(key, f"Voortijdig afgesloten: {why}", f"Voortijdig afgesloten trajecten, {why}.")
add(
    "Onbekend",
    "Beëindigd om onbekende reden",
    "Beëindigde trajecten waarvan de reden van beëindiging onbekend is (vanaf 2021).",
)
# Block headers (each starts the same measures for one form of care).
BLOCK_FORMS = {
    "TotaalJeugdhulpZonderVerblijf": "jeugdhulp zonder verblijf",
    "TotaalUitgevoerd": "jeugdhulp zonder verblijf uitgevoerd door het wijkteam",
    "TotaalNietUitgevoerd": "jeugdhulp zonder verblijf niet door het wijkteam uitgevoerd",
    "TotaalAmbulanteJeugdhOpLocAanbieder": "ambulante jeugdhulp op locatie van de aanbieder",
    "TotaalDaghulpOpLocatieVanAanbieder": "daghulp op locatie van de aanbieder",
    "TotaalJeugdhulpInNetwerkVanJongere": "jeugdhulp in het netwerk van de jongere",
    "TotaalJeugdhulpMetVerblijf": "jeugdhulp met verblijf",
    "TotaalPleegzorg": "pleegzorg",
    "TotaalGezinsgericht": "gezinsgericht verblijf",
    "TotaalGeslotenPlaatsing": "gesloten plaatsing",
    "TotaalAnderVerblijf": "ander verblijf",
}
for key, form in BLOCK_FORMS.items():
    add(
        key,
        f"Trajecten {form} in de periode",
        f"Aantal trajecten {form} dat in de periode liep, landelijk.",
    )

SPECS = book.specs
DATASETS = ("82970NED", "85096NED")


def block_spec(code: str) -> IndicatorSpec | None:
    """A measure of a later block, as the CBS importer codes it: ``BeeindigdVolgensPlan.TotaalPleegzorg``."""
    base, _, head = code.partition(".")
    spec, form = SPECS.get(base), BLOCK_FORMS.get(head)
    if spec is None or form is None:
        return None
    return replace(
        spec,
        code=code,
        name=f"{spec.name} ({form})",
        definition=f"{spec.definition} Alleen trajecten {form}.",
    )
