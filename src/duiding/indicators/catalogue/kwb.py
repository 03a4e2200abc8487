"""CBS Kerncijfers wijken en buurten (KWB): the main keys, per year down to buurt level.

Keys as in the CBS open-data tables (85984NED for 2024, 85618NED for 2023, ...; numeric suffix
removed). The KWB Excel release's short names (``a_inw``, ``p_jz_tn``) are mapped onto these keys by
``duiding.indicators.importing.kwb_keys``.

Directions: counts, housing and composition are neutral (context, not a judgement). Income is
higher-is-better and low income / social minimum lower-is-better: poverty is the best documented
risk factor for growing up (seed 003, factor model). Youth care and Wmo use are neutral, as in the
youth-care tables: more use mixes need and reach. Distances to facilities are lower-is-better.
Income and benefit figures refer to an earlier year than the table year and are often empty in
the first release.
"""

from __future__ import annotations

from duiding.indicators.catalogue._base import HIGHER, LOWER, SpecBook

SOURCE = "CBS, Kerncijfers wijken en buurten (StatLine 85984NED e.a.)"
book = SpecBook(source=SOURCE, rhythm="yearly")
add, pct = book.add, book.pct

add("AantalInwoners", "Inwoners", "Aantal inwoners op 1 januari.")
add("Mannen", "Inwoners: mannen", "Aantal mannen op 1 januari.")
add("Vrouwen", "Inwoners: vrouwen", "Aantal vrouwen op 1 januari.")
for key, ages in [
    ("k_0Tot15Jaar", "0 tot 15 jaar"),
    ("k_15Tot25Jaar", "15 tot 25 jaar"),
    ("k_25Tot45Jaar", "25 tot 45 jaar"),
    ("k_45Tot65Jaar", "45 tot 65 jaar"),
    ("k_65JaarOfOuder", "65 jaar of ouder"),
]:
    add(key, f"Inwoners {ages}", f"Aantal inwoners van {ages} op 1 januari.")

add("HuishoudensTotaal", "Huishoudens", "Aantal particuliere huishoudens op 1 januari.")
add("Eenpersoonshuishoudens", "Eenpersoonshuishoudens", "Aantal eenpersoonshuishoudens.")
add(
    "HuishoudensZonderKinderen",
    "Huishoudens zonder kinderen",
    "Aantal meerpersoonshuishoudens zonder thuiswonende kinderen.",
)
add(
    "HuishoudensMetKinderen",
    "Huishoudens met kinderen",
    "Aantal huishoudens met thuiswonende kinderen (eenouder- en tweeoudergezinnen).",
)
add(
    "GemiddeldeHuishoudensgrootte",
    "Gemiddelde huishoudensgrootte",
    "Gemiddeld aantal personen per particulier huishouden.",
    unit="mean",
    decimals=1,
    unit_label="personen",
)
add(
    "Bevolkingsdichtheid",
    "Bevolkingsdichtheid",
    "Aantal inwoners per km² land.",
    unit="mean",
    unit_label="per km²",
)
add(
    "GemiddeldeWOZWaardeVanWoningen",
    "Gemiddelde WOZ-waarde woningen",
    "Gemiddelde WOZ-waarde van woningen, in duizenden euro's.",
    unit="mean",
    unit_label="x € 1.000",
)
pct(
    "Koopwoningen", "% koopwoningen", "Koopwoningen in procenten van de woningvoorraad.", decimals=0
)
pct(
    "HuurwoningenTotaal",
    "% huurwoningen",
    "Huurwoningen in procenten van de woningvoorraad.",
    decimals=0,
)
pct(
    "InBezitWoningcorporatie",
    "% corporatiewoningen",
    "Huurwoningen van een woningcorporatie in procenten van de woningvoorraad.",
    decimals=0,
)

add(
    "LeerlingenPo",
    "Leerlingen primair onderwijs",
    "Aantal leerlingen in het primair onderwijs, naar woonadres.",
)
add(
    "LeerlingenVoInclVavo",
    "Leerlingen voortgezet onderwijs",
    "Aantal leerlingen vo (incl. vavo), naar woonadres.",
)
add(
    "StudentenMboExclExtranei",
    "Studenten mbo",
    "Aantal mbo-studenten (excl. extranei), naar woonadres.",
)
add("StudentenHbo", "Studenten hbo", "Aantal hbo-studenten, naar woonadres.")
add("StudentenWo", "Studenten wo", "Aantal wo-studenten, naar woonadres.")
for key, level in [
    ("BasisonderwijsVmboMbo1", "laag (basisonderwijs, vmbo, mbo 1)"),
    ("HavoVwoMbo24", "middelbaar (havo, vwo, mbo 2-4)"),
    ("HboWo", "hoog (hbo, wo)"),
]:
    add(
        key,
        f"Opleidingsniveau {level.split(' (')[0]}",
        f"Aantal inwoners van 15 tot 75 jaar met als hoogst behaald onderwijsniveau {level}.",
    )

pct(
    "Nettoarbeidsparticipatie",
    "Nettoarbeidsparticipatie",
    "Werkzame beroepsbevolking in procenten van de bevolking van 15 tot 75 jaar.",
    decimals=0,
    direction=HIGHER,
)
pct(
    "PercentageWerknemers",
    "% werknemers",
    "Werknemers in procenten van de werkzame beroepsbevolking.",
    decimals=0,
)
pct(
    "PercentageZelfstandigen",
    "% zelfstandigen",
    "Zelfstandigen in procenten van de werkzame beroepsbevolking.",
    decimals=0,
)

add("AantalInkomensontvangers", "Inkomensontvangers", "Aantal personen met persoonlijk inkomen.")
for key, name, what in [
    (
        "GemiddeldInkomenPerInkomensontvanger",
        "Gemiddeld inkomen per inkomensontvanger",
        "Gemiddeld persoonlijk inkomen per inkomensontvanger",
    ),
    (
        "GemiddeldInkomenPerInwoner",
        "Gemiddeld inkomen per inwoner",
        "Gemiddeld persoonlijk inkomen per inwoner",
    ),
    (
        "GemGestandaardiseerdInkomenVanHuish",
        "Gemiddeld gestandaardiseerd huishoudinkomen",
        "Gemiddeld besteedbaar inkomen van huishoudens, gecorrigeerd voor grootte en samenstelling",
    ),
]:
    add(
        key,
        name,
        f"{what}, in duizenden euro's.",
        unit="mean",
        decimals=1,
        unit_label="x € 1.000",
        direction=HIGHER,
    )
pct(
    "k_40PersonenMetLaagsteInkomen",
    "% personen met laag inkomen (laagste 40%)",
    "Personen in een huishouden met een inkomen in de laagste 40% van Nederland.",
    direction=LOWER,
)
pct(
    "k_20PersonenMetHoogsteInkomen",
    "% personen met hoog inkomen (hoogste 20%)",
    "Personen in een huishouden met een inkomen in de hoogste 20% van Nederland.",
)
pct(
    "k_40HuishoudensMetLaagsteInkomen",
    "% huishoudens in laagste 40% inkomen",
    "Huishoudens met een inkomen in de laagste 40% van Nederland.",
    direction=LOWER,
)
pct(
    "k_20HuishoudensMetHoogsteInkomen",
    "% huishoudens in hoogste 20% inkomen",
    "Huishoudens met een inkomen in de hoogste 20% van Nederland.",
)
pct(
    "HuishoudensMetEenLaagInkomen",
    "% huishoudens met een laag inkomen",
    "Huishoudens met een inkomen onder de CBS-lage-inkomensgrens.",
    direction=LOWER,
)
for key, grens in [
    ("HuishOnderOfRondSociaalMinimum", "onder of rond het sociaal minimum (tot 101%)"),
    ("HuishoudensTot110VanSociaalMinimum", "tot 110% van het sociaal minimum"),
    ("HuishoudensTot120VanSociaalMinimum", "tot 120% van het sociaal minimum"),
]:
    pct(
        key,
        f"% huishoudens {grens.split(' (')[0]}",
        f"Huishoudens met een inkomen {grens}, in procenten van alle huishoudens.",
        direction=LOWER,
    )
add(
    "MediaanVermogenVanParticuliereHuish",
    "Mediaan vermogen huishoudens",
    "Mediaan vermogen van particuliere huishoudens, in duizenden euro's.",
    unit="mean",
    decimals=1,
    unit_label="x € 1.000",
)
for key, name, what in [
    ("PersonenPerSoortUitkeringBijstand", "Personen met bijstand", "een bijstandsuitkering"),
    (
        "PersonenPerSoortUitkeringAO",
        "Personen met arbeidsongeschiktheidsuitkering",
        "een arbeidsongeschiktheidsuitkering",
    ),
    ("PersonenPerSoortUitkeringWW", "Personen met WW", "een WW-uitkering"),
    ("PersonenPerSoortUitkeringAOW", "Personen met AOW", "een AOW-uitkering"),
]:
    add(key, name, f"Aantal personen met {what}.")

add(
    "JongerenMetJeugdzorgInNatura",
    "Jongeren met jeugdzorg (KWB)",
    "Aantal jongeren tot 23 jaar met jeugdzorg in natura in het verslagjaar.",
)
pct(
    "PercentageJongerenMetJeugdzorg",
    "% jongeren met jeugdzorg",
    "Jongeren tot 23 jaar met jeugdzorg in natura, in procenten van alle jongeren tot 23 jaar. "
    "Richting neutraal: een hoog aandeel kan op meer problemen wijzen, maar ook op een goed bereik.",
)
add("WmoClienten", "Wmo-cliënten", "Aantal personen met een maatwerkvoorziening uit de Wmo.")
add(
    "WmoClientenRelatief",
    "Wmo-cliënten per 1.000 inwoners",
    "Personen met een Wmo-maatwerkvoorziening per 1.000 inwoners.",
    unit="rate_1000",
)

for key, what in [
    ("AfstandTotHuisartsenpraktijk", "huisartsenpraktijk"),
    ("AfstandTotKinderdagverblijf", "kinderdagverblijf"),
    ("AfstandTotSchool", "basisschool"),
]:
    add(
        key,
        f"Afstand tot {what}",
        f"Gemiddelde afstand over de weg tot de dichtstbijzijnde {what}, in km.",
        unit="mean",
        decimals=1,
        unit_label="km",
        direction=LOWER,
    )
add(
    "ScholenBinnen3Km",
    "Basisscholen binnen 3 km",
    "Gemiddeld aantal basisscholen binnen 3 km over de weg.",
    unit="mean",
    decimals=1,
)
add(
    "MateVanStedelijkheid",
    "Mate van stedelijkheid",
    "Stedelijkheidsklasse 1 (zeer sterk stedelijk) tot 5 (niet stedelijk), naar "
    "omgevingsadressendichtheid.",
    unit="index",
)

SPECS = book.specs
