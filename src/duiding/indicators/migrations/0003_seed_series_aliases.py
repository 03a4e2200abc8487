"""Seed the alias table with the known renames in the CBS tables Duiding reads.

Each row says: the key (or category label) as published continues as the series of `canonical`.
Reviewable and editable by a beheerder; this migration only adds rows that are missing.
"""

from django.db import migrations

MEASURE = [
    # Jeugdzorg; wijken 2015-2016 (82964NED, 83563NED) -> 2017+ keys
    ("TotaalJongerenMetJeugdzorg", "TotaalJongerenMetJeugdzorgInNatura",
     "Jeugdzorg; wijken 2015-2016: zelfde onderwerp, sinds 2017 'in natura' in de sleutel."),
    ("TotaalJeugdzorgtrajecten", "TotaalTrajectenInNatura",
     "Jeugdzorg; wijken 2015-2016: zelfde onderwerp onder een nieuwe sleutel sinds 2017."),
    # Jeugdzorg; wijken 2015-2017 -> 2018+ household keys
    ("ThuiswonendKindInEenouderGezin", "ThuiswonendKindInEenouderhuishouden",
     "Jeugdzorg; wijken 2015-2017: huishoudenstype hernoemd in 2018."),
    ("ThuiswonendKindInTweeouderGezin", "ThuiswonendKindBijEenPaar",
     "Jeugdzorg; wijken 2015-2017: huishoudenstype hernoemd in 2018."),
    ("AndereHuishoudens", "AnderHuishouden",
     "Jeugdzorg; wijken 2015-2017: huishoudenstype hernoemd in 2018."),
    # Jeugdzorgtrajecten per regio: 82968NED -> 85094NED
    ("IndividueleTrajectbegeleidingCRIEM", "IndividueleTrajectbegeleidingCriem",
     "Jeugdzorgtrajecten 85094NED schrijft CRIEM in hoofdletters; zelfde onderwerp als 82968NED."),
    # Jeugdhulptrajecten naar verwijzer: a typo of CBS in the daghulp block (82970NED, 85096NED)
    ("ToaalBegonnenTrajecten", "TotaalBegonnenTrajecten.TotaalDaghulpOpLocatieVanAanbieder",
     "Tikfout in de CBS-sleutel (Toaal); de begonnen trajecten daghulp op locatie van de aanbieder."),
    # Veiligheidsmonitor: 81924NED (2012-2019) -> 85146NED (2021+)
    ("WegenPadenPleintjesGoedOnderhouden", "OnderhoudStoepenStratenEnPleintjes",
     "Veiligheidsmonitor: zelfde stelling over onderhoud, sinds 2021 onder een nieuwe sleutel."),
    ("PlantsoenenEnParkenGoedOnderhouden", "OnderhoudVanPlantsoenenEnParken",
     "Veiligheidsmonitor: zelfde stelling over onderhoud, sinds 2021 onder een nieuwe sleutel."),
    ("BuitenGoedVerlicht", "Straatverlichting",
     "Veiligheidsmonitor: zelfde stelling over verlichting, sinds 2021 onder een nieuwe sleutel."),
    ("GoedeSpeelplekkenVoorKinderen", "SpeelplekkenVoorKinderen",
     "Veiligheidsmonitor: zelfde stelling, sinds 2021 onder een nieuwe sleutel."),
    ("GoedeVoorzieningenVoorJongeren", "VoorzieningenVoorJongeren",
     "Veiligheidsmonitor: zelfde stelling, sinds 2021 onder een nieuwe sleutel."),
    ("GezelligeBuurtMetVeelSaamhorigheid", "GezelligeBuurtWaarMenElkaarHelpt",
     "Veiligheidsmonitor: sociale-cohesiestelling; de formulering is in 2021 aangepast "
     "(saamhorigheid -> elkaar helpen). Controleer de vergelijkbaarheid."),
]

CATEGORY = [
    ("Totaal jeugdzorg", "Totaal alle jeugdzorg in natura",
     "Jeugdzorg; wijken 2015-2016 noemt het totaal 'Totaal jeugdzorg'."),
]


def seed(apps, schema_editor):
    SeriesAlias = apps.get_model("indicators", "SeriesAlias")
    for kind, rows in (("measure", MEASURE), ("category", CATEGORY)):
        for alias, canonical, note in rows:
            SeriesAlias.objects.get_or_create(
                kind=kind, alias=alias, defaults={"canonical": canonical, "note": note[:300]}
            )


def unseed(apps, schema_editor):
    SeriesAlias = apps.get_model("indicators", "SeriesAlias")
    for kind, rows in (("measure", MEASURE), ("category", CATEGORY)):
        for alias, canonical, _note in rows:
            SeriesAlias.objects.filter(kind=kind, alias=alias, canonical=canonical).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_observation_lean_indexes")]

    operations = [migrations.RunPython(seed, unseed)]
