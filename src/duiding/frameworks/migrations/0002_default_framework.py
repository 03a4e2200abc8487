"""Data migration: Rotterdam's framework "Rotterdam Groeit" as the default.

Three pillars (Kansrijk, Veilig, Gezond) with three domains each and the nine city ambitions, taken
from the Rotterdam "Wijkprogrammering" handbook (chapter 1 and appendix 1), which quotes the
Beleidskader Jeugd "Rotterdam Groeit" 2015-2020. The data is frozen here on purpose: later edits by
a beheerder are data, not code. Running it on a database that already has the framework changes
nothing.
"""

from django.db import migrations

SLUG = "rotterdam-groeit"

FRAMEWORK = {
    "name": "Rotterdam Groeit",
    "slug": SLUG,
    "description": (
        "Het Rotterdamse jeugdbeleid zet tegelijk in op groei op drie pijlers: Kansrijk, Veilig en "
        "Gezond. Elke pijler heeft drie domeinen; per domein geldt één stedelijke ambitie, die voor "
        "elke wijk gelijk is."
    ),
    "source": (
        "Gemeente Rotterdam, Beleidskader Jeugd 'Rotterdam Groeit' 2015-2020 (Wiering, 2015); "
        "Methodiekhandleiding Wijkprogrammering, hoofdstuk 1 en bijlage 1"
    ),
}

# (pillar, [(domain, ambition), ...]) in the handbook's order.
PILLARS = [
    (
        "Kansrijk",
        [
            ("Werk", "Meer jeugdigen hebben werk."),
            (
                "Schoolprestaties",
                "Meer jeugdigen leveren betere prestaties op school en behalen hun schooldiploma.",
            ),
            (
                "Meedoen aan sport, cultuur en vrijwilligerswerk",
                "Meer jeugdigen doen mee aan sport, cultuur en vrijwilligerswerk.",
            ),
        ],
    ),
    (
        "Veilig",
        [
            ("Criminaliteit", "Minder jeugdigen maken zich schuldig aan criminaliteit."),
            ("Veilig thuis", "Meer jeugdigen groeien op in een veilige thuissituatie."),
            (
                "Veilige wijk en schoolomgeving",
                "Meer jeugdigen groeien op in een veilige wijk en een veilige schoolomgeving.",
            ),
        ],
    ),
    (
        "Gezond",
        [
            (
                "Sociaal-emotionele gezondheid",
                "Meer jeugdigen hebben een betere sociaal-emotionele gezondheid.",
            ),
            ("Gezond gedrag", "Meer jeugdigen gedragen zich gezonder."),
            ("Algemene gezondheid", "Meer jeugdigen hebben een betere algemene gezondheid."),
        ],
    ),
]


def create_default(apps, schema_editor):
    Framework = apps.get_model("frameworks", "Framework")
    Pillar = apps.get_model("frameworks", "Pillar")
    Domain = apps.get_model("frameworks", "Domain")
    Ambition = apps.get_model("frameworks", "Ambition")

    framework, created = Framework.objects.get_or_create(
        slug=SLUG,
        defaults={k: v for k, v in FRAMEWORK.items() if k != "slug"} | {"is_default": True},
    )
    if not created:
        return
    Framework.objects.exclude(pk=framework.pk).filter(is_default=True).update(is_default=False)
    for p_order, (pillar_name, domains) in enumerate(PILLARS, start=1):
        pillar = Pillar.objects.create(framework=framework, name=pillar_name, order=p_order)
        for d_order, (domain_name, ambition) in enumerate(domains, start=1):
            domain = Domain.objects.create(pillar=pillar, name=domain_name, order=d_order)
            Ambition.objects.create(
                framework=framework, pillar=pillar, domain=domain, text=ambition, order=d_order
            )


def remove_default(apps, schema_editor):
    apps.get_model("frameworks", "Framework").objects.filter(slug=SLUG).delete()


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0001_initial")]

    operations = [migrations.RunPython(create_default, remove_default)]
