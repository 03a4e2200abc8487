"""Define the derived indicators once: numerator / denominator x multiplier.

Computed by `derived_compute` (after every import that touches a part, or `duiding compute-derived`)
for every area, period and category where both parts exist. The parts are created here when
missing, with the curated metadata of the catalogue where it has them, so the importer (which never
overwrites an indicator's metadata) keeps good names.
"""

from django.db import migrations

JZ_WIJKEN = "CBS, Jeugdzorg; wijken (StatLine)"
JZ_TRAJECTEN = "CBS, Jeugdhulptrajecten naar verwijzer en beëindiging (StatLine 82970NED, 85096NED)"

# code -> (name, definition, source): fallbacks when the catalogue does not know the part
PARTS = {
    "TotaalTrajectenInNatura": (
        "Jeugdzorgtrajecten in natura",
        "Aantal jeugdzorgtrajecten in natura (jeugdhulp, jeugdbescherming, jeugdreclassering).",
        JZ_WIJKEN,
    ),
    "GemeentelijkeToegang": (
        "Trajecten verwezen door de gemeentelijke toegang",
        "Jeugdzorgtrajecten in natura waarvoor de gemeentelijke toegang (wijkteam) verwees.",
        JZ_WIJKEN,
    ),
    "Huisarts": (
        "Trajecten verwezen door de huisarts",
        "Jeugdzorgtrajecten in natura waarvoor de huisarts verwees.",
        JZ_WIJKEN,
    ),
    "Jeugdarts": (
        "Trajecten verwezen door de jeugdarts",
        "Jeugdzorgtrajecten in natura waarvoor de jeugdarts verwees.",
        JZ_WIJKEN,
    ),
    "GecertificeerdeInstelling": (
        "Trajecten verwezen door een gecertificeerde instelling",
        "Jeugdzorgtrajecten in natura waarvoor een gecertificeerde instelling verwees.",
        JZ_WIJKEN,
    ),
    "TotaalBeeindigdeTrajecten": (
        "Beëindigde jeugdhulptrajecten",
        "Aantal jeugdhulptrajecten beëindigd in de periode.",
        JZ_TRAJECTEN,
    ),
    "BeeindigdVolgensPlan": (
        "Beëindigd volgens plan",
        "Beëindigde jeugdhulptrajecten die volgens plan zijn afgesloten.",
        JZ_TRAJECTEN,
    ),
    "TotaalVoortijdigAfgesloten": (
        "Voortijdig afgesloten",
        "Beëindigde jeugdhulptrajecten die voortijdig zijn afgesloten.",
        JZ_TRAJECTEN,
    ),
}

# code, name, numerator, denominator, multiplier, direction, definition, source
DERIVED = [
    ("AandeelVerwezenDoorGemeentelijkeToegang",
     "% trajecten verwezen door gemeentelijke toegang (wijkteam)",
     "GemeentelijkeToegang", "TotaalTrajectenInNatura", 100, "neutral",
     "Jeugdzorgtrajecten in natura waarvoor de gemeentelijke toegang (wijkteam) verwees, in "
     "procenten van alle jeugdzorgtrajecten in natura.", JZ_WIJKEN),
    ("AandeelVerwezenDoorHuisarts",
     "% trajecten verwezen door de huisarts",
     "Huisarts", "TotaalTrajectenInNatura", 100, "neutral",
     "Jeugdzorgtrajecten in natura waarvoor de huisarts verwees, in procenten van alle "
     "jeugdzorgtrajecten in natura.", JZ_WIJKEN),
    ("AandeelVerwezenDoorJeugdarts",
     "% trajecten verwezen door de jeugdarts",
     "Jeugdarts", "TotaalTrajectenInNatura", 100, "neutral",
     "Jeugdzorgtrajecten in natura waarvoor de jeugdarts (jeugdgezondheidszorg) verwees, in "
     "procenten van alle jeugdzorgtrajecten in natura.", JZ_WIJKEN),
    ("AandeelVerwezenDoorGecertificeerdeInstelling",
     "% trajecten verwezen door een gecertificeerde instelling",
     "GecertificeerdeInstelling", "TotaalTrajectenInNatura", 100, "neutral",
     "Jeugdzorgtrajecten in natura waarvoor een gecertificeerde instelling (jeugdbescherming, "
     "jeugdreclassering) verwees, in procenten van alle jeugdzorgtrajecten in natura.", JZ_WIJKEN),
    ("PercentageBeeindigdVolgensPlan",
     "% jeugdhulptrajecten beëindigd volgens plan",
     "BeeindigdVolgensPlan", "TotaalBeeindigdeTrajecten", 100, "higher_is_better",
     "Beëindigde jeugdhulptrajecten die volgens plan zijn afgesloten, in procenten van alle "
     "beëindigde trajecten (outcome-indicator doelrealisatie).", JZ_TRAJECTEN),
    ("PercentageVoortijdigAfgesloten",
     "% jeugdhulptrajecten voortijdig afgesloten",
     "TotaalVoortijdigAfgesloten", "TotaalBeeindigdeTrajecten", 100, "lower_is_better",
     "Beëindigde jeugdhulptrajecten die voortijdig zijn afgesloten (in overeenstemming, eenzijdig "
     "of door externe omstandigheden), in procenten van alle beëindigde trajecten (outcome-"
     "indicator uitval).", JZ_TRAJECTEN),
]


def _part(Indicator, code):
    existing = Indicator.objects.filter(code=code).first()
    if existing is not None:
        return existing
    name, definition, source = PARTS[code]
    fields = {
        "name": name,
        "definition": definition,
        "source": source,
        "unit_kind": "count",
        "rhythm": "half_yearly",
    }
    try:  # the curated catalogue, as the importer would use it
        from duiding.indicators.catalogue import spec_for

        spec = spec_for(code)
    except ImportError:
        spec = None
    if spec is not None:
        fields.update(
            name=spec.name[:300],
            definition=spec.definition,
            source=spec.source[:300],
            unit_kind=spec.unit_kind,
            unit_label=spec.unit_label[:60],
            decimals=spec.decimals,
            direction=spec.direction,
            rhythm=spec.rhythm,
        )
    return Indicator.objects.create(code=code, **fields)


def define(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    for code, name, num, den, multiplier, direction, definition, source in DERIVED:
        if Indicator.objects.filter(code=code).exists():
            continue
        Indicator.objects.create(
            code=code,
            name=name,
            definition=definition,
            unit_kind="percentage" if multiplier == 100 else "rate_1000",
            unit_label="%" if multiplier == 100 else "per 1.000",
            decimals=1,
            direction=direction,
            source=f"Berekend door Duiding uit {source}",
            rhythm="half_yearly",
            numerator=_part(Indicator, num),
            denominator=_part(Indicator, den),
            multiplier=multiplier,
        )


def undefine(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    codes = [row[0] for row in DERIVED]
    Indicator.objects.filter(code__in=codes, observations__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0003_seed_series_aliases")]

    operations = [migrations.RunPython(define, undefine)]
