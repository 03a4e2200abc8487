"""Data migration: the databanks of recognised interventions named in seed 003 (step 4, table
"Databanken Samenwerkingsverband Erkenning van Interventies"), with theme, institute and the URL
the seed gives. No interventions are shipped: the seed names Home-Start as an example but not its
databank or recognition level, so the reference list starts empty.

Idempotent (by name); reverse is a no-op because a beheerder may have linked interventions.
"""

from django.db import migrations

# (theme, institute, databank, url) exactly as in the seed's table.
DATABANKS = [
    (
        "Jeugdhulp en ontwikkelingsstimulering",
        "Nederlands Jeugdinstituut",
        "Databank Effectieve Jeugdinterventies",
        "https://www.nji.nl/nl/Databank/Databank-Effectieve-Jeugdinterventies",
    ),
    (
        "Gezondheidsbevordering",
        "RIVM/Centrum Gezond Leven",
        "Database Gezond en Actief Leven",
        "https://www.loketgezondleven.nl/leefstijlinterventies/interventiedatabase-gezond-en-actief-leven",
    ),
    (
        "Jeugdgezondheidszorg en preventie",
        "Nederlands Centrum Jeugdgezondheid",
        "Bibliotheek Interventies",
        "https://www.ncj.nl/producten-diensten/interventies-en-methodieken/interventiebibliotheek/",
    ),
    (
        "Sport en bewegen",
        "Kenniscentrum Sport",
        "Effectief Actief",
        "http://www.netwerkinbeweging.nl/interventies",
    ),
    (
        "Welzijn, participatie, sociale zorg",
        "Movisie",
        "Databank Effectieve Sociale Interventies",
        "https://www.movisie.nl/databank-effectieve-sociale-interventies",
    ),
    (
        "Langdurende ouderen- en gehandicaptenzorg",
        "Vilans",
        "Databank Langdurende Zorg",
        "http://www.databankinterventies.nl/interventies",
    ),
    (
        "Geestelijke gezondheidszorg",
        "Trimbos-instituut",
        "Erkende interventies ggz",
        "https://erkendeinterventiesggz.trimbos.nl/",
    ),
]


def create_databanks(apps, schema_editor):
    Databank = apps.get_model("activities", "Databank")
    for order, (theme, institute, name, url) in enumerate(DATABANKS, start=1):
        Databank.objects.get_or_create(
            name=name,
            defaults={"theme": theme, "institute": institute, "url": url, "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]

    operations = [migrations.RunPython(create_databanks, migrations.RunPython.noop)]
