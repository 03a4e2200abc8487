"""ProgressEvaluation.import_run points to ImportRun in its new app `jobs` (state only: the
column and its foreign key to the unchanged table `indicators_importrun` stay as they are).

Runs before indicators 0007, which removes ImportRun from `indicators`."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
        ("results", "0002_change_survives_delete"),
    ]
    run_before = [("indicators", "0007_importrun_moved_to_jobs")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="progressevaluation",
                    name="import_run",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="jobs.importrun",
                    ),
                ),
            ],
        ),
    ]
