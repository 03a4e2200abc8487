"""ImportRun leaves `indicators` for `jobs` (state only: no table, row or constraint changes).

Observation.import_run keeps its column and its foreign key to the unchanged table
`indicators_importrun`, so every figure keeps the run it came from. See
jobs/migrations/0001_initial.py for the whole move."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0006_veiligheidsmonitor_trend_break_note"),
        ("jobs", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="observation",
                    name="import_run",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="jobs.importrun",
                    ),
                ),
                migrations.DeleteModel(name="ImportRun"),
            ],
        ),
    ]
