"""Data migration: the life areas, age phases and default factor model of "Rotterdam Groeit".

The data lives in `duiding.frameworks.factor_defaults` (sources and choices are argued there).
Every factor is `is_default=True, confirmed=False` ("standaard — te bevestigen door de gemeente").
Idempotent: life areas and age phases by code, factors by (framework, name); a factor that already
exists (made or edited by a beheerder) is left as it is. Indicators that are not in the database
yet are skipped here and linked by `services.default_links_apply` after the import that brings
them. Reverse is a no-op: the rows are data that a beheerder may already have confirmed.
"""

from django.db import migrations


def create_defaults(apps, schema_editor):
    from duiding.frameworks.factor_defaults import AGE_PHASES, DEFAULT_FACTORS, LIFE_AREAS

    Framework = apps.get_model("frameworks", "Framework")
    Domain = apps.get_model("frameworks", "Domain")
    LifeArea = apps.get_model("frameworks", "LifeArea")
    AgePhase = apps.get_model("frameworks", "AgePhase")
    Factor = apps.get_model("frameworks", "Factor")
    Indicator = apps.get_model("indicators", "Indicator")

    life_areas = {}
    for order, (code, name) in enumerate(LIFE_AREAS, start=1):
        life_areas[code], _ = LifeArea.objects.get_or_create(
            code=code, defaults={"name": name, "order": order}
        )
    age_phases = {}
    for order, (code, name) in enumerate(AGE_PHASES, start=1):
        age_phases[code], _ = AgePhase.objects.get_or_create(
            code=code, defaults={"name": name, "order": order}
        )

    framework = Framework.objects.filter(is_default=True).first()
    if framework is None:
        return
    domains = {d.name: d for d in Domain.objects.filter(pillar__framework=framework)}
    codes = {code for f in DEFAULT_FACTORS for code in f["indicators"]}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    for data in DEFAULT_FACTORS:
        factor, created = Factor.objects.get_or_create(
            framework=framework,
            name=data["name"],
            defaults={
                "kind": data["kind"],
                "rank": data["rank"],
                "explanation": data["explanation"],
                "source": data["source"],
                "is_default": True,
                "confirmed": False,
            },
        )
        if not created:
            continue
        factor.life_areas.set([life_areas[c] for c in data["life_areas"]])
        factor.age_phases.set([age_phases[c] for c in data["age_phases"]])
        factor.domains.set([domains[n] for n in data["domains"] if n in domains])
        factor.indicators.set([indicators[c] for c in data["indicators"] if c in indicators])


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0004_agephase_lifearea_factor"),
        ("indicators", "0006_veiligheidsmonitor_trend_break_note"),
    ]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
