"""The Veiligheidsmonitor was redesigned in 2021: its aliases say so, so a reader of the alias table
(and of a trend crossing 2019 -> 2021) knows the jump may come from the method, not the wijk."""

from django.db import migrations

NOTE = (
    " Let op: trendbreuk in 2021 door de nieuwe onderzoeksopzet van de Veiligheidsmonitor;"
    " vergelijk 2021 en later niet zonder meer met eerdere jaren."
)


def add_note(apps, schema_editor):
    SeriesAlias = apps.get_model("indicators", "SeriesAlias")
    for row in SeriesAlias.objects.filter(note__startswith="Veiligheidsmonitor"):
        if "trendbreuk" not in row.note:
            row.note = (row.note + NOTE)[:300]
            row.save(update_fields=["note"])


def remove_note(apps, schema_editor):
    SeriesAlias = apps.get_model("indicators", "SeriesAlias")
    for row in SeriesAlias.objects.filter(note__contains=NOTE.strip()[:40]):
        row.note = row.note.replace(NOTE, "")
        row.save(update_fields=["note"])


class Migration(migrations.Migration):
    dependencies = [("indicators", "0005_seed_kwb_aliases")]
    operations = [migrations.RunPython(add_note, remove_note)]
