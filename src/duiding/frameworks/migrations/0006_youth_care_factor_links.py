"""Data migration: link the default factors to the youth-care figures that point to them.

`factor_defaults.YOUTH_CARE_FACTOR_LINKS` argues each link. Databases whose youth-care indicators
were imported before this migration never pass through `default_factor_links_apply` for them
again, so the links are added here: only for default factors of the default framework, only for
indicators that exist, only links that are not there yet (idempotent). Later imports link new
indicators through `factor_indicator_codes`. Reverse is a no-op (a beheerder may rely on them).
"""

from django.db import migrations


def add_links(apps, schema_editor):
    from duiding.frameworks.factor_defaults import YOUTH_CARE_FACTOR_LINKS

    Framework = apps.get_model("frameworks", "Framework")
    Factor = apps.get_model("frameworks", "Factor")
    Indicator = apps.get_model("indicators", "Indicator")
    framework = Framework.objects.filter(is_default=True).first()
    if framework is None:
        return
    codes = {c for found in YOUTH_CARE_FACTOR_LINKS.values() for c in found}
    indicators = dict(Indicator.objects.filter(code__in=codes).values_list("code", "pk"))
    if not indicators:
        return
    factors = dict(
        Factor.objects.filter(
            framework=framework, is_default=True, name__in=list(YOUTH_CARE_FACTOR_LINKS)
        ).values_list("name", "pk")
    )
    through = Factor.indicators.through
    existing = set(
        through.objects.filter(factor_id__in=factors.values()).values_list(
            "factor_id", "indicator_id"
        )
    )
    rows = []
    for name, found in YOUTH_CARE_FACTOR_LINKS.items():
        if name not in factors:
            continue
        for code in found:
            key = (factors[name], indicators.get(code))
            if key[1] is None or key in existing:
                continue
            existing.add(key)
            rows.append(through(factor_id=key[0], indicator_id=key[1]))
    through.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0005_default_factors"),
    ]

    operations = [migrations.RunPython(add_links, migrations.RunPython.noop)]
