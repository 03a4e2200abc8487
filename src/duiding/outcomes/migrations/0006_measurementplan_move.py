"""MeasurementPlan moves from `activities` to `outcomes` without moving any data.

The table `activities_measurementplan` stays as it is (the model keeps it as its db_table), with
every stored plan under its own number, its id sequence, its foreign keys (activity, created_by,
updated_by) and the link table of Questionnaire.measurement_plans pointing at it. The plan's
history (activities.PlanChange, kind "meetplan") stores the plan's number and a snapshot, no
foreign key, so it keeps reading and restoring the same rows. Only Django's picture of the models
changes:

- here: the model appears in `outcomes` (with the measure "afname_problematiek" among its
  choices; choices are no database change) and Questionnaire.measurement_plans points to it
  (state only, no SQL);
- activities 0007: the model leaves `activities` (state only).

The content type moves along (activities.measurementplan -> outcomes.measurementplan), so
permissions and admin log entries that refer to measurement plans keep referring to them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_to_outcomes(apps, schema_editor):
    _move_content_type(apps, schema_editor, "activities", "outcomes")


def content_type_to_activities(apps, schema_editor):
    _move_content_type(apps, schema_editor, "outcomes", "activities")


def _move_content_type(apps, schema_editor, old, new):
    """Relabel the existing content type (a fresh database has none yet: nothing to do)."""
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    if not content_types.filter(app_label=new, model="measurementplan").exists():
        content_types.filter(app_label=old, model="measurementplan").update(app_label=new)


MEASURES = [
    ("bereik", "Bereik"),
    ("uitval", "Uitval (reden beëindiging, codes 1–5)"),
    ("tevredenheid", "Tevredenheid (rapportcijfer 1–10)"),
    ("doelrealisatie", "Doelrealisatie (−1 / 0 / 1 / 2)"),
    ("verder_zonder_hulp", "Verder zonder hulp (1–4)"),
    ("geen_nieuwe_start", "Geen nieuwe start hulp binnen X jaar"),
    ("afname_problematiek", "Afname problematiek (vijf stappen)"),
    ("eigen", "Eigen maat"),
]


class Migration(migrations.Migration):

    dependencies = [
        ("activities", "0006_intervention_edit_version"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("outcomes", "0005_questionnaire_changes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="MeasurementPlan",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("measure", models.CharField(choices=MEASURES, max_length=20, verbose_name="welke outcome meten?")),
                        ("custom_name", models.CharField(blank=True, max_length=200, verbose_name="naam (eigen maat)")),
                        ("years", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="aantal jaar")),
                        ("how", models.TextField(blank=True, verbose_name="hoe meten?")),
                        ("how_often", models.CharField(blank=True, max_length=200, verbose_name="hoe vaak?")),
                        ("from_whom", models.CharField(choices=[("steekproef", "Steekproef"), ("alle", "Alle deelnemers")], default="alle", max_length=12, verbose_name="bij wie meten?")),
                        ("attention_points", models.TextField(blank=True, verbose_name="aandachtspunten")),
                        ("version", models.PositiveIntegerField(db_default=1, default=1)),
                        ("activity", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="measurement_plans", to="activities.activity")),
                        ("created_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("updated_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "meetplan",
                        "verbose_name_plural": "meetplannen",
                        "db_table": "activities_measurementplan",
                        "ordering": ["activity", "pk"],
                    },
                ),
                migrations.AlterField(
                    model_name="questionnaire",
                    name="measurement_plans",
                    field=models.ManyToManyField(blank=True, related_name="questionnaires", to="outcomes.measurementplan", verbose_name="meetplannen"),
                ),
            ],
        ),
        migrations.RunPython(content_type_to_outcomes, content_type_to_activities),
    ]
